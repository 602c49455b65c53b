/**
 * docs/<provider>.md stay what `npm run docs` makes of the current node descriptions, README.md and a run of every
 * example against the simulator: a parameter, an operation, an example's output field or value that changed
 * without `npm run docs` fails here. Times and UUIDs, which change on every run, are compared as placeholders.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PROVIDER_PACKAGES } from '../../scripts/lib/provider-packages';
import { PROJECT_ROOT } from '../../scripts/lib/stage';
import { DOCS_DIR, renderDocsPages, withoutVolatileValues } from '../docs/pages';
import { startSimulator, type Simulator } from '../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

test('every docs/<provider>.md is what npm run docs generates now (run it after changing a node, README.md or an example)', async () => {
	const pages = await renderDocsPages(sim);
	expect(pages.map((page) => path.basename(page.file))).toEqual(PROVIDER_PACKAGES.map((entry) => `${entry.slug}.md`));
	for (const { file, text } of pages) {
		expect(fs.existsSync(file)).toBe(true);
		const committed = fs.readFileSync(file, 'utf8');
		expect([path.relative(PROJECT_ROOT, file), withoutVolatileValues(committed)]).toEqual([path.relative(PROJECT_ROOT, file), withoutVolatileValues(text)]);
	}
}, 60_000);

test('every picture a docs page shows is in docs/ (the editor check, npm run test:editor, takes them)', () => {
	for (const entry of PROVIDER_PACKAGES) {
		const page = fs.readFileSync(path.join(DOCS_DIR, `${entry.slug}.md`), 'utf8');
		const pictures = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(([, target]) => target);
		expect(pictures.length).toBeGreaterThan(0);
		for (const picture of pictures) expect([entry.slug, picture, fs.existsSync(path.join(DOCS_DIR, picture))]).toEqual([entry.slug, picture, true]);
	}
});

test('the README links every docs page', () => {
	const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
	for (const entry of PROVIDER_PACKAGES) expect(readme).toContain(`](docs/${entry.slug}.md)`);
});
