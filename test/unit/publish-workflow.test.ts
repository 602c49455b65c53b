/**
 * What issue 15 asks of the publish workflow, read from .github/workflows/publish.yml (its schema is checked by
 * `npm run lint`): a version tag starts it, the tests run before anything is published, every tarball of
 * `npm run pack:providers` is published with provenance through OIDC, and no token is written in it.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_ROOT } from '../package-manifest';

const workflow = fs.readFileSync(path.join(PACKAGE_ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
/** The text of one job: from `  <name>:` to the next job or the end. */
const job = (name: string) => workflow.split(/^(?= {2}\w[\w-]*:\n)/m).find((part) => part.startsWith(`  ${name}:\n`)) ?? '';

test('runs on version tags only', () => {
	expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags: \['v\*'\]\n\n/m);
});

test('the test job runs npm ci, npm test and then packs all six packages', () => {
	const steps = job('test');
	const order = ['run: npm ci', 'run: npm test', 'run: npm run pack:providers'].map((step) => steps.indexOf(step));
	expect(order.every((index) => index > 0)).toBe(true);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('the publish job waits for the tests, may mint an OIDC token, and publishes every tarball with provenance', () => {
	const publish = job('publish');
	expect(publish).toContain('needs: test');
	expect(publish).toMatch(/permissions:\n\s+contents: read\n\s+id-token: write/);
	expect(publish).toContain('for tarball in packages/*.tgz; do');
	expect(publish).toContain('npm publish "$tarball" --provenance --access public');
	// Only the publish job may: the workflow's own permissions are read-only.
	expect(workflow.split('\n').find((line) => line.startsWith('  id-token'))).toBeUndefined();
});

test('holds no token: at most a reference to the optional bootstrap secret', () => {
	expect(workflow).not.toMatch(/npm_[A-Za-z0-9]{20,}|_authToken/);
	expect(workflow.match(/secrets\.\w+/g) ?? []).toEqual(['secrets.NPM_BOOTSTRAP_TOKEN']);
});
