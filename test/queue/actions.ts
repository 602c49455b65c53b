/**
 * Action nodes on the workers: every example workflow (but the webhook triggers') run from the main process and
 * executed by a worker that the execution names, and the session login of the token-based providers shared by
 * executions on both workers through the credential.
 */
import { randomUUID } from 'node:crypto';

import { nodeItems } from '../../scripts/lib/n8n';
import type { N8nExecution } from '../../scripts/lib/n8n-execution';
import { loadExampleWorkflows, withCredentialIds } from '../../scripts/lib/stage';
import { chooseCredentials } from '../../scripts/lib/credentials';
import { PROJECT_ROOT } from '../../scripts/lib/stage';
import { webhookTriggerTypes } from '../package-manifest';
import { check, countBy, PACKAGE, pool, RAN_ON, ranOn, ranOnNode, workerLogged, type QueueCase, type QueueContext } from './harness';

type Connections = Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;

/** The workflow with a Ran On node fed by `from` (a branch of its own: it changes nothing the workflow does). */
function withRanOn<T extends { nodes: unknown[]; connections: Record<string, unknown> }>(workflow: T, from: string): T {
	const connections = structuredClone(workflow.connections) as Connections;
	const outputs = (connections[from] ??= { main: [[]] }).main;
	(outputs[0] ??= []).push({ node: RAN_ON, type: 'main', index: 0 });
	return { ...workflow, nodes: [...workflow.nodes, ranOnNode()], connections };
}

async function runAndWait(context: QueueContext, workflowId: string, trigger: string, timeoutMs = 120_000): Promise<N8nExecution> {
	const executionId = await context.n8n.runWorkflowManually(workflowId, trigger);
	return await context.n8n.waitForExecution(executionId, { timeoutMs, intervalMs: 500 });
}

/** Checks the execution ran on a worker and that the worker's own log agrees; returns the worker's name. */
function workerOf(context: QueueContext, execution: N8nExecution): string {
	const recorded = ranOn(execution);
	const workers = context.stack.workers.map((worker) => worker.name);
	check(recorded !== undefined && workers.includes(recorded), `execution ${execution.id} records it ran on "${recorded}", not on a worker`);
	const logged = workerLogged(context, execution.id);
	check(logged === recorded, `execution ${execution.id} records ${recorded} but ${logged ?? 'no worker'} logged starting it`);
	return recorded;
}

export const examplesOnWorkers: QueueCase = {
	name: 'every action example runs on a worker, and the execution records which',
	timeoutMs: 600_000,
	async run(context) {
		const webhookTriggers = webhookTriggerTypes();
		const examples = loadExampleWorkflows().filter((example) => !example.json.nodes.some((node) => webhookTriggers.has(node.type)));
		const ranOnWorker = await pool(examples.length, 4, async (index) => {
			const { file, json } = examples[index];
			const trigger = json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger') ?? json.nodes.find((node) => /Trigger$/.test(node.type));
			check(trigger, `${file}: no trigger to start it from`);
			const workflow = await context.n8n.createWorkflow(withRanOn(withCredentialIds(json, context.credentialIds), trigger.name));
			const execution = await runAndWait(context, workflow.id, trigger.name);
			check(execution.status === 'success', `${file}: execution ${execution.id} ended ${execution.status}: ${JSON.stringify(execution.data?.resultData.error?.message)}`);
			for (const node of json.nodes.filter((candidate) => candidate.type.startsWith(`${PACKAGE}.`))) {
				check(nodeItems(execution, node.name).length > 0, `${file}: node ${node.name} output nothing`);
			}
			return workerOf(context, execution);
		});
		const perWorker = Object.fromEntries(countBy(ranOnWorker));
		context.log(`    ${examples.length} examples, executions per worker: ${JSON.stringify(perWorker)}`);
		return { examples: examples.length, perWorker };
	},
};

const LOGIN_PROVIDERS = [
	{ credentialType: 'irisEngageApi', provider: 'irisengage', node: { type: `${PACKAGE}.irisEngage`, parameters: { resource: 'message', operation: 'getMany', requestId: 'CDC079CC-C7FC-46CC-AECA-FD81D83A82B8', returnAll: false, limit: 5 } } },
	{ credentialType: 'netcoreBotApi', provider: 'netcore', node: { type: `${PACKAGE}.netcoreBot`, parameters: { resource: 'usage', operation: 'get', month: '', channelId: 1014 } } },
];

/** Manual → Code (`items` items) → one request per item of each token-based provider, and Ran On. */
async function loginWorkflow(context: QueueContext, credentials: Map<string, { id: string; name: string }>) {
	const nodes: unknown[] = [
		{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: randomUUID(), name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: `return Array.from({ length: ${context.sizes.items} }, (_, i) => ({ json: { i } }));` } },
	];
	const connections: Connections = { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[]] } };
	for (const [index, { credentialType, provider, node }] of LOGIN_PROVIDERS.entries()) {
		nodes.push({ id: randomUUID(), name: provider, position: [400, index * 200], typeVersion: 1, ...node, credentials: { [credentialType]: credentials.get(credentialType) } });
		connections.Items.main[0].push({ node: provider, type: 'main', index: 0 });
	}
	return await context.n8n.createWorkflow(withRanOn({ name: `queue: logins ${randomUUID().slice(0, 8)}`, nodes, connections }, 'Start'));
}

/** Fresh credentials (no session token yet) of the token-based providers, pointing at the simulator. */
async function freshCredentials(context: QueueContext) {
	const specs = chooseCredentials(context.sim.providers, { root: PROJECT_ROOT, simulatorOnly: true });
	const fresh = new Map<string, { id: string; name: string }>();
	for (const { credentialType } of LOGIN_PROVIDERS) {
		const spec = specs.find((candidate) => candidate.type === credentialType)!;
		const name = `${spec.name} (queue ${randomUUID().slice(0, 8)})`;
		fresh.set(credentialType, { id: (await context.n8n.createCredential({ ...spec, name })).id, name });
	}
	return fresh;
}

/** Starts `count` executions at once and waits for all; returns the worker of each. */
async function runTogether(context: QueueContext, workflowId: string, count: number): Promise<string[]> {
	const ids = await Promise.all(Array.from({ length: count }, async () => await context.n8n.runWorkflowManually(workflowId, 'Start')));
	const executions = await Promise.all(ids.map(async (id) => await context.n8n.waitForExecution(id, { timeoutMs: 300_000, intervalMs: 1000 })));
	for (const execution of executions) {
		check(execution.status === 'success', `execution ${execution.id} ended ${execution.status}: ${JSON.stringify(execution.data?.resultData.error?.message)}`);
		for (const { provider } of LOGIN_PROVIDERS) check(nodeItems(execution, provider).length >= context.sizes.items, `execution ${execution.id}: ${provider} did not answer every item`);
	}
	return executions.map((execution) => workerOf(context, execution));
}

const logins = (context: QueueContext) => Object.fromEntries(LOGIN_PROVIDERS.map(({ provider }) => [provider, context.sim.issuedTokens(provider).length]));
const delta = (after: Record<string, number>, before: Record<string, number>) => Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key]]));

export const sharedLogin: QueueCase = {
	name: '3 executions of 100 items spread over both workers make 1 login per token-based provider',
	timeoutMs: 900_000,
	async run(context) {
		const workers = context.stack.workers.map((worker) => worker.name);
		// 1. The first execution logs in and stores the token in the credential; 3 more at once, on both
		//    workers (more rounds until both took one, at most 4), reuse it.
		const credentials = await freshCredentials(context);
		const workflow = await loginWorkflow(context, credentials);
		const before = logins(context);
		const first = await runTogether(context, workflow.id, 1);
		const ranOnWorkers = [...first];
		for (let round = 0; round < 4 && !workers.every((worker) => ranOnWorkers.slice(1).includes(worker)); round++) {
			ranOnWorkers.push(...(await runTogether(context, workflow.id, 3)));
		}
		const made = delta(logins(context), before);
		context.log(`    token stored first: logins ${JSON.stringify(made)}, executions per worker ${JSON.stringify(Object.fromEntries(countBy(ranOnWorkers)))}`);
		check(workers.every((worker) => ranOnWorkers.slice(1).includes(worker)), `the executions did not spread over both workers: ${ranOnWorkers.join(', ')}`);
		for (const { provider } of LOGIN_PROVIDERS) check(made[provider] === 1, `${provider}: ${made[provider]} logins for ${ranOnWorkers.length} executions on both workers, expected 1`);

		// 2. Measured, not held to 1: 3 executions at once on a credential that has no token yet. Each worker that
		//    starts one before any login finished logs in itself (n8n keeps the token in the credential's row, and
		//    a node cannot lock it across processes).
		const coldCredentials = await freshCredentials(context);
		const cold = await loginWorkflow(context, coldCredentials);
		const coldBefore = logins(context);
		const coldWorkers = await runTogether(context, cold.id, 3);
		const coldLogins = delta(logins(context), coldBefore);
		context.log(`    3 at once, no token yet: logins ${JSON.stringify(coldLogins)}, on ${coldWorkers.join(', ')}`);
		for (const { provider } of LOGIN_PROVIDERS) {
			check(coldLogins[provider] <= new Set(coldWorkers).size, `${provider}: ${coldLogins[provider]} logins from ${new Set(coldWorkers).size} worker(s): more than one per worker`);
		}
		return {
			items: context.sizes.items,
			tokenStoredFirst: { executions: ranOnWorkers.length, perWorker: Object.fromEntries(countBy(ranOnWorkers)), logins: made },
			threeAtOnceNoToken: { perWorker: Object.fromEntries(countBy(coldWorkers)), logins: coldLogins },
		};
	},
};
