/**
 * Playing customers against a real n8n: the simulated Mehery posts a customer's message to a trigger, and tests
 * read what n8n made of it (executions) and what the workflow sent back (Mehery's log).
 */
import type { N8nClient, N8nExecution } from '../../scripts/lib/n8n';
import type { SimulatorClient } from '../simulator';
import { connect, loadState } from './environment';

export interface Notified {
	url: string;
	status: number;
	body: string;
	/** How long n8n took to answer Mehery. */
	ms: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined; fails after `timeoutMs`, naming `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await pause(250);
	}
}

/** The simulated Mehery posts a customer message (or any notification) to `url`; retries while n8n says 404. */
export async function meheryNotifies(url: string, request: Record<string, unknown>): Promise<Notified> {
	const { simulatorUrl } = loadState();
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${simulatorUrl}/mehery/_sim/notify`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...request, url }),
		});
		const answer = (await response.json()) as Notified;
		if (response.status !== 200) throw new Error(`notify failed: ${JSON.stringify(answer)}`);
		if (answer.status !== 404 || attempt >= 50) return answer;
		await pause(200);
	}
}

/** Activates a workflow with a Mehery Trigger and returns the URL it set as the account's webhook at Mehery. */
export async function activateMehery(n8n: N8nClient, sim: SimulatorClient, workflowId: string): Promise<string> {
	const before = await sim.count({ provider: 'mehery', route: /config\/webhook/ });
	await n8n.activateWorkflow(workflowId);
	await eventually('the trigger to set its URL at Mehery', async () => ((await sim.count({ provider: 'mehery', route: /config\/webhook/ })) > before ? true : undefined), 10_000);
	const hooks = await sim.webhooks('mehery');
	return hooks[hooks.length - 1].url;
}

export async function executionsOf(n8n: N8nClient, workflowId: string): Promise<N8nExecution[]> {
	return await n8n.listExecutions(workflowId, { includeData: true, limit: 100 });
}

/** The one execution of `workflowId` started at or after `after` that has reached `status`. */
export async function executionWith(n8n: N8nClient, workflowId: string, after: number, status: string, timeoutMs = 30_000): Promise<N8nExecution> {
	return await eventually(`an execution of workflow ${workflowId} with status ${status}`, async () => {
		const found = (await executionsOf(n8n, workflowId)).filter((execution) => new Date(execution.startedAt).getTime() >= after - 1000);
		return found.find((execution) => execution.status === status);
	}, timeoutMs);
}

/** The texts the workflow sent to one customer through Mehery, oldest first. */
export async function textsSentTo(sim: SimulatorClient, phone: string, since = 0): Promise<string[]> {
	const sends = await sim.log({ provider: 'mehery', route: /message\/send/, since } as Parameters<SimulatorClient['log']>[0]);
	return sends
		.map((entry) => entry.body as { to?: { phone?: string }; text?: { body?: string } })
		.filter((body) => body?.to?.phone === phone)
		.map((body) => body.text?.body ?? '');
}

/** The json items a node output in its last run (a node resumed after a wait has two runs). */
export function lastRunOutput(execution: N8nExecution, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[node] ?? [];
	const items = runs[runs.length - 1]?.data?.main[output] ?? [];
	return items.map((item) => item.json);
}

/** Resolves once the execution waits; fails at once, with the node's error, if it failed instead. */
export async function waiting(n8n: N8nClient, executionId: string, timeoutMs = 60_000): Promise<N8nExecution> {
	return await eventually(`execution ${executionId} to wait`, async () => {
		const execution = await n8n.getExecution(executionId);
		if (execution.status === 'error' || execution.status === 'crashed') {
			const { error, lastNodeExecuted } = execution.data?.resultData ?? {};
			throw new Error(`execution ${executionId} failed at ${lastNodeExecuted ?? '?'}: ${error?.message ?? execution.status} ${String(error?.description ?? '')}`);
		}
		return execution.status === 'waiting' ? execution : undefined;
	}, timeoutMs);
}

/** The execution once it has finished successfully (a resumed one runs on after its reply). */
export async function finished(n8n: N8nClient, executionId: string, timeoutMs = 30_000): Promise<N8nExecution> {
	return await eventually(`execution ${executionId} to finish`, async () => {
		const execution = await n8n.getExecution(executionId);
		return execution.status === 'success' ? execution : undefined;
	}, timeoutMs);
}

/** For a describe block: the example (a workflow with a Mehery Trigger) active during its tests, and its trigger URL. */
export function useActiveMeheryExample(file: string): { workflowId: string; url: string } {
	const example = { workflowId: '', url: '' };
	beforeAll(async () => {
		const { n8n, sim, state } = await connect();
		example.workflowId = state.workflowIds[file];
		example.url = await activateMehery(n8n, sim, example.workflowId);
	}, 60_000);
	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(example.workflowId);
	}, 60_000);
	return example;
}
