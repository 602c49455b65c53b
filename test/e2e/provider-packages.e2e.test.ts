/**
 * The per-provider packages in real n8n (issue 15): each tarball `npm run pack:providers` writes is installed
 * alone into a fresh n8n user folder the way n8n installs a community package; n8n lists exactly its node and
 * credential types, its credentials' Test succeeds, and one of its examples runs against a strict server (the
 * independent one written from the spec where the tests have one: CTLive, Netcore; else the strict simulator).
 * Then several together: the combined package beside n8n-nodes-mehery and n8n-nodes-ctlive.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { chooseCredentials } from '../../scripts/lib/credentials';
import { nodeItems, type N8nClient } from '../../scripts/lib/n8n';
import { PROVIDER_PACKAGES, type ProviderPackage } from '../../scripts/lib/provider-packages';
import { loadExampleWorkflows, PROJECT_ROOT, type ExampleWorkflow } from '../../scripts/lib/stage';
import type { PackedTarball } from '../../scripts/pack-providers';
import { startStrictServer as startCtLiveStrict } from '../engine/ctlive-strict-server';
import { startStrictServer as startNetcoreStrict } from '../engine/netcore-strict-server';
import { providerPackageOf, publishedCredentials, publishedNodes } from '../package-manifest';
import { SimulatorClient } from '../simulator';
import { loadState } from './environment';
import { renamedTypes, withPackagesN8n } from './packages-n8n';

const COMBINED = 'n8n-nodes-chat-providers';
const TIMEOUT = 180_000;

/** The example each package runs, and the strict server it runs against (none: the strict simulator). */
const RUNS: Record<string, { example: string; strictServer?: () => Promise<{ credentials: Record<string, unknown>; requests: unknown[]; close(): Promise<void> }> }> = {
	irisengage: { example: 'irisengage-conversation-get-history.json' },
	'netcore-bot': { example: 'netcore-usage-get.json', strictServer: () => startNetcoreStrict() },
	mehery: { example: 'mehery-message-send.json' },
	ctlive: { example: 'ctlive-message-send.json', strictServer: () => startCtLiveStrict() },
	wavy: { example: 'wavy-session-get-many-open.json' },
};

let packed: PackedTarball[];
let simulatorCredentialData: Map<string, Record<string, unknown>>;
beforeAll(async () => {
	const providers = await new SimulatorClient(loadState().simulatorUrl).providers();
	const choices = chooseCredentials(providers, { root: PROJECT_ROOT, simulatorOnly: true });
	simulatorCredentialData = new Map(choices.map((choice) => [choice.type, choice.data]));
	// `npm run pack:providers` as its own process: packing in this one would block the event loop that serves
	// the suite's simulator (started by global-setup in this process) for seconds.
	const { stdout } = await promisify(execFile)('node', ['-r', 'ts-node/register/transpile-only', 'scripts/pack-providers.ts', '--json'], { cwd: PROJECT_ROOT });
	packed = JSON.parse(stdout) as PackedTarball[];
}, TIMEOUT);

const tarball = (name: string) => packed.find((entry) => entry.name === name)!.tarball;

/** The combined package's node types and credential types of one provider, under the package's own name. */
function expectedTypes(entry: ProviderPackage) {
	const nodes = publishedNodes().filter((node) => providerPackageOf(node) === entry);
	const credentialNames = new Set(nodes.flatMap((node) => (node.definition.description.credentials ?? []).map((credential) => credential.name)));
	return {
		// n8n adds an AI-tool variant `<node>Tool` of every node that is usable as a tool.
		nodes: nodes
			.flatMap((node) => (node.definition.description.usableAsTool ? [node.type, `${node.type}Tool`] : [node.type]))
			.map((type) => type.replace(`${COMBINED}.`, `${entry.name}.`))
			.sort(),
		credentials: [...credentialNames].sort(),
	};
}

async function createCredentials(n8n: N8nClient, data: Map<string, Record<string, unknown>>, types: string[]) {
	const ids = new Map<string, { id: string; name: string }>();
	for (const type of types) {
		const created = await n8n.createCredential({ name: `${type} e2e`, type, data: data.get(type)! });
		ids.set(type, { id: created.id, name: created.name });
	}
	return ids;
}

function example(file: string): ExampleWorkflow['json'] {
	return loadExampleWorkflows().find((candidate) => candidate.file === file)!.json;
}

function withCredentials(workflow: ExampleWorkflow['json'], ids: Map<string, { id: string; name: string }>): ExampleWorkflow['json'] {
	const nodes = workflow.nodes.map((node) =>
		node.credentials ? { ...node, credentials: Object.fromEntries(Object.keys(node.credentials).map((type) => [type, ids.get(type)!])) } : node,
	);
	return { ...workflow, nodes };
}

async function runManually(n8n: N8nClient, workflow: ExampleWorkflow['json']) {
	const created = await n8n.createWorkflow(workflow);
	const start = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	return n8n.waitForExecution(await n8n.runWorkflowManually(created.id, start.name));
}

describe.each(PROVIDER_PACKAGES.map((entry) => [entry.name, entry]))('%s installed alone in a fresh n8n', (name, entry) => {
	test(
		'holds dist, package.json, README.md and LICENSE only; n8n lists exactly its nodes and credentials; each credential Test succeeds; its example runs against a strict server',
		async () => {
			const expected = expectedTypes(entry);
			const run = RUNS[entry.slug];
			const strict = await run.strictServer?.();
			try {
				await withPackagesN8n(entry.slug, [tarball(name)], async ({ n8n, installed }) => {
					expect(fs.readdirSync(installed[0].dir).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
					const manifest = JSON.parse(fs.readFileSync(path.join(installed[0].dir, 'package.json'), 'utf8'));
					expect(manifest.dependencies ?? {}).toEqual({});
					expect(manifest.version).toBe(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version);

					const nodeTypes = (await n8n.listNodeTypes()).map((type) => type.name).filter((type) => !type.startsWith('n8n-nodes-base.') && !type.startsWith('@n8n/'));
					expect([...new Set(nodeTypes)].sort()).toEqual(expected.nodes);
					const ours = new Set(publishedCredentials().map((credential) => credential.type));
					const credentialTypes = (await n8n.listCredentialTypes()).map((type) => type.name).filter((type) => ours.has(type));
					expect(credentialTypes.sort()).toEqual(expected.credentials);

					const data = new Map(simulatorCredentialData);
					const strictType = expected.credentials.find((type) => type !== 'ctLiveWebhookApi');
					if (strict && strictType) data.set(strictType, strict.credentials);
					const ids = await createCredentials(n8n, data, expected.credentials);
					for (const [type, { id }] of ids) {
						expect([type, await n8n.testCredential({ id, type })]).toEqual([type, { status: 'OK', message: 'Connection successful!' }]);
					}

					const workflow = withCredentials(renamedTypes(example(run.example), name), ids);
					const execution = await runManually(n8n, workflow);
					expect(execution.status).toBe('success');
					for (const node of workflow.nodes.filter((candidate) => candidate.type.startsWith(`${name}.`))) {
						expect(nodeItems(execution, node.name).length).toBeGreaterThan(0);
					}
					if (strict) expect(strict.requests.length).toBeGreaterThan(0);
				});
			} finally {
				await strict?.close();
			}
		},
		TIMEOUT,
	);
});

describe('the combined package, n8n-nodes-mehery and n8n-nodes-ctlive installed together', () => {
	test(
		'all load; the shared credential type is one type that both Mehery nodes use in one workflow; its Test succeeds',
		async () => {
			const tarballs = [tarball(COMBINED), tarball('n8n-nodes-mehery'), tarball('n8n-nodes-ctlive')];
			await withPackagesN8n('together', tarballs, async ({ n8n }) => {
				const nodeTypes = (await n8n.listNodeTypes()).map((type) => type.name);
				for (const type of ['n8n-nodes-chat-providers.mehery', 'n8n-nodes-mehery.mehery', 'n8n-nodes-mehery.meheryTrigger', 'n8n-nodes-ctlive.ctLive', 'n8n-nodes-chat-providers.wavy']) {
					expect(nodeTypes).toContain(type);
				}
				// n8n concatenates every package's credential list: a type two packages define is listed twice.
				const listed = (await n8n.listCredentialTypes()).map((type) => type.name);
				expect(listed.filter((type) => type === 'meheryXmsApi')).toHaveLength(2);
				expect(listed.filter((type) => type === 'wavyApi')).toHaveLength(1);

				const ids = await createCredentials(n8n, simulatorCredentialData, ['meheryXmsApi']);
				expect(await n8n.testCredential({ id: ids.get('meheryXmsApi')!.id, type: 'meheryXmsApi' })).toEqual({ status: 'OK', message: 'Connection successful!' });
				const channels = withCredentials(example('mehery-configuration-get-channels.json'), ids);
				const ourNode = channels.nodes.find((node) => node.type === `${COMBINED}.mehery`)!;
				const twin = { ...ourNode, id: 'b7e1c0de-0007-4000-8000-0000000000ff', name: `${ourNode.name} (n8n-nodes-mehery)`, type: 'n8n-nodes-mehery.mehery', position: [600, 200] };
				const connections = { ...channels.connections, [ourNode.name]: { main: [[{ node: twin.name, type: 'main', index: 0 }]] } };
				const execution = await runManually(n8n, { ...channels, name: 'e2e: one credential, two packages', nodes: [...channels.nodes, twin], connections });
				expect(execution.status).toBe('success');
				expect(nodeItems(execution, ourNode.name).length).toBeGreaterThan(0);
				expect(nodeItems(execution, twin.name).length).toBeGreaterThan(0);
			});
		},
		TIMEOUT,
	);
});
