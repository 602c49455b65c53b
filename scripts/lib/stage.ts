/**
 * Puts this package into a real n8n exactly as users get it: `npm pack`, installed into the user folder the
 * way n8n installs a community package, then n8n started with an owner, one credential per provider and the
 * example workflows imported. Shared by `npm start` and the end-to-end suite.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { installCommunityPackage, N8nClient, startN8n, type N8nServer } from './n8n';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

/** The login `npm start` prints; a local-only instance on 127.0.0.1. */
export const OWNER = { email: 'owner@chat-providers.local', password: 'ChatProviders1!', firstName: 'Chat', lastName: 'Providers' };

export interface CredentialSpec {
	/** The name the example workflows reference. */
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface ExampleWorkflow {
	file: string;
	json: {
		name: string;
		nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }>;
		connections: Record<string, unknown>;
		settings?: Record<string, unknown>;
	};
}

export function loadExampleWorkflows(): ExampleWorkflow[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, json: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

/** `npm pack` of the built package into `outDir`; returns the tarball's path. */
export function packPackage(outDir: string): string {
	fs.mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
	const [packed] = JSON.parse(output) as Array<{ filename: string }>;
	return path.join(outDir, packed.filename);
}

/** Creates the credential, or updates the one of the same name and type (a later `npm start`). */
async function upsertCredential(
	client: N8nClient,
	existing: Array<{ id: string; name: string; type: string }>,
	spec: CredentialSpec,
): Promise<string> {
	const match = existing.find((credential) => credential.name === spec.name && credential.type === spec.type);
	if (!match) return (await client.createCredential(spec)).id;
	await client.rest('PATCH', `/credentials/${match.id}`, { name: spec.name, type: spec.type, data: spec.data });
	return match.id;
}

/** Points every credential reference of a workflow at the credential of that type we created. */
export function withCredentialIds(workflow: ExampleWorkflow['json'], credentialIds: Map<string, { id: string; name: string }>) {
	const nodes = workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, reference]) => [type, credentialIds.get(type) ?? reference]),
		);
		return { ...node, credentials };
	});
	return { ...workflow, nodes };
}

/** Creates the workflow, or replaces the one of the same name (so edited examples reach a later `npm start`). */
async function upsertWorkflow(
	client: N8nClient,
	existing: Array<{ id: string; name: string }>,
	workflow: ExampleWorkflow['json'],
): Promise<string> {
	const match = existing.find((candidate) => candidate.name === workflow.name);
	if (!match) return (await client.createWorkflow(workflow)).id;
	const { name, nodes, connections } = workflow;
	await client.api('PUT', `/workflows/${match.id}`, { name, nodes, connections, settings: workflow.settings ?? { executionOrder: 'v1' } });
	return match.id;
}

export interface StageOptions {
	userFolder: string;
	port: number;
	credentials: CredentialSpec[];
	log?: (line: string) => void;
	/** Lines n8n prints; default: kept for error messages only. */
	n8nLog?: (line: string) => void;
	/** A tarball packed before (default: `npm pack` now, which blocks this process while it runs). */
	tarball?: string;
}

export interface Stage {
	server: N8nServer;
	client: N8nClient;
	tarball: string;
	credentialIds: Map<string, { id: string; name: string }>;
	/** Example file → workflow id. */
	workflowIds: Map<string, string>;
}

export async function stageN8n(options: StageOptions): Promise<Stage> {
	const log = options.log ?? (() => undefined);
	const tarball = options.tarball ?? packPackage(path.join(options.userFolder, 'pack'));
	const installed = installCommunityPackage(tarball, options.userFolder);
	log(`Installed ${installed.name}@${installed.version} from ${path.basename(tarball)} as a community package`);

	const server = await startN8n({ userFolder: options.userFolder, port: options.port, log: options.n8nLog });
	log(`n8n is ready at ${server.url} (${server.startupSeconds.toFixed(1)} s)`);
	try {
		const client = new N8nClient(server.url);
		await client.setupOwner(OWNER);
		await client.createApiKey();
		const credentialIds = new Map<string, { id: string; name: string }>();
		const savedCredentials = (await client.rest<Array<{ id: string; name: string; type: string }>>('GET', '/credentials')) ?? [];
		for (const spec of options.credentials) {
			credentialIds.set(spec.type, { id: await upsertCredential(client, savedCredentials, spec), name: spec.name });
		}
		const workflowIds = new Map<string, string>();
		const savedWorkflows = (await client.rest<Array<{ id: string; name: string }>>('GET', '/workflows')) ?? [];
		for (const example of loadExampleWorkflows()) {
			const workflow = withCredentialIds(example.json, credentialIds);
			workflowIds.set(example.file, await upsertWorkflow(client, savedWorkflows, workflow));
		}
		log(`${credentialIds.size} credential(s) and ${workflowIds.size} example workflow(s) ready`);
		return { server, client, tarball, credentialIds, workflowIds };
	} catch (error) {
		await server.stop();
		throw error;
	}
}
