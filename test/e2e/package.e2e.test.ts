import fs from 'node:fs';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

import { PROJECT_ROOT } from '../../scripts/lib/stage';
import { connect } from './environment';

const PACKAGE = 'n8n-nodes-chat-providers';

async function packageContents() {
	const loader = new PackageDirectoryLoader(PROJECT_ROOT);
	await loader.loadAll();
	return { nodes: Object.keys(loader.nodeTypes), credentials: Object.keys(loader.credentialTypes) };
}

test('the package is installed the way n8n installs a community package: dist only, no node_modules', async () => {
	const { state } = await connect();
	const installed = JSON.parse(fs.readFileSync(path.join(state.packageDir, 'package.json'), 'utf8'));
	expect(installed.dependencies ?? {}).toEqual({});
	expect(fs.existsSync(path.join(state.packageDir, 'node_modules'))).toBe(false);
	expect(fs.readdirSync(state.packageDir).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
});

test('every node and credential of the package is listed in n8n under the package name', async () => {
	const { n8n } = await connect();
	const { nodes, credentials } = await packageContents();
	const nodeTypes = (await n8n.listNodeTypes()).map((type) => type.name);
	const credentialTypes = (await n8n.listCredentialTypes()).map((type) => type.name);
	expect(nodes.length).toBeGreaterThan(0);
	for (const node of nodes) expect(nodeTypes).toContain(`${PACKAGE}.${node}`);
	for (const credential of credentials) expect(credentialTypes).toContain(credential);
});

test("each credential's Test succeeds against the simulator", async () => {
	const { n8n, state } = await connect();
	const { credentials } = await packageContents();
	for (const type of credentials) {
		const credential = state.credentialIds[type];
		expect(credential).toBeDefined();
		expect(await n8n.testCredential({ id: credential.id, type })).toEqual({ status: 'OK', message: 'Connection successful!' });
	}
});

test('a credential Test with a wrong password fails with the provider message, not the password', async () => {
	const { n8n, sim } = await connect();
	const health = await sim.health();
	const result = await n8n.testCredential({
		type: 'irisEngageApi',
		data: { baseUrl: health.providers.irisengage, apiPath: '/IrisEngage_API/api', name: 'user1', password: 'not-the-password-31e' },
	});
	expect(result.status).toBe('Error');
	expect(result.message).toBe('IrisEngage login failed: Username or password is incorrect (HTTP 400)');
	expect(result.message).not.toContain('not-the-password-31e');
});
