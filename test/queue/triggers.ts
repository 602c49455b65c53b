/**
 * Webhook triggers across webhook processes: each trigger active once, its deliveries sent by the simulator to
 * both webhook processes in turn; every delivery must start exactly one execution (n8n's stored executions, keyed
 * by what each delivery carries), run by a worker.
 */
import type { N8nExecution } from '../../scripts/lib/n8n-execution';
import { overloadTargets, type OverloadTarget } from '../bench/overload-targets';
import type { Delivery } from '../bench/overload-load';
import { check, countBy, executionsOf, pool, RAN_ON, ranOn, ranOnNode, sleep, until, type QueueCase, type QueueContext } from './harness';

const TRIGGERS = ['wavy', 'mehery', 'ctlive'];
const FINISHED = new Set(['success', 'error', 'canceled', 'crashed']);

export interface ActiveTrigger {
	target: OverloadTarget;
	workflowId: string;
	/** The production URL of the trigger on each webhook process. */
	urls: string[];
}

/** Creates and activates each trigger's workflow (with Ran On) and waits until every webhook process serves it. */
export async function activateTriggers(context: QueueContext): Promise<ActiveTrigger[]> {
	const targets = overloadTargets(context.sim).filter((target) => TRIGGERS.includes(target.id));
	const active: ActiveTrigger[] = [];
	for (const target of targets) {
		const base = target.workflow(context.credentialIds);
		const workflow = await context.n8n.createWorkflow({
			...base,
			name: `queue: ${target.name}`,
			nodes: [...base.nodes, ranOnNode()],
			connections: { [target.triggerName]: { main: [[{ node: RAN_ON, type: 'main', index: 0 }]] } },
		});
		await context.n8n.activateWorkflow(workflow.id);
		const urls = context.stack.webhooks.map(({ server }) => `${server.url}/webhook/${target.path}`);
		active.push({ target, workflowId: workflow.id, urls });
	}
	// A just-activated webhook can answer 404 for a moment; warm-up deliveries (keys of their own) until 200.
	for (const { target, urls } of active) {
		for (const [index, url] of urls.entries()) {
			await until(`${target.id} served by webhook process ${index + 1}`, async () => ((await send(context, url, target.delivery(-1 - index))).status === 200 ? true : undefined), 30_000);
		}
	}
	return active;
}

export async function send(context: QueueContext, url: string, delivery: Delivery): Promise<{ status?: number; ms: number }> {
	const started = Date.now();
	try {
		const response = await context.sim.sendWebhook(url, { body: delivery.body, headers: delivery.headers, timeoutMs: 60_000 });
		return { status: response.status, ms: Date.now() - started };
	} catch {
		return { ms: Date.now() - started };
	}
}

/** Waits until the workflow has `expected` executions, all finished; returns them with their data. */
export async function settledExecutions(context: QueueContext, workflowId: string, expected: number, timeoutMs: number): Promise<N8nExecution[]> {
	let seen = '';
	try {
		await until(
			`${expected} finished executions`,
			async () => {
				const listed = await executionsOf(context.n8n, workflowId, false);
				seen = `${listed.length} stored, ${listed.filter((execution) => FINISHED.has(execution.status)).length} finished`;
				return listed.length >= expected && listed.every((execution) => FINISHED.has(execution.status)) ? true : undefined;
			},
			timeoutMs,
			2000,
		);
	} catch (error) {
		throw new Error(`${(error as Error).message} (${seen})`);
	}
	// Anything late (a duplicate run) would show up here.
	await sleep(3000);
	return await executionsOf(context.n8n, workflowId, true);
}

/** The delivery key of an execution, read from the trigger's first item. */
export function keyOf(target: OverloadTarget, execution: N8nExecution): string | undefined {
	const json = execution.data?.resultData.runData[target.triggerName]?.[0]?.data?.main[0]?.[0]?.json;
	return json ? target.keyOf(json) : undefined;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export const deliveriesAcrossProcesses: QueueCase = {
	name: 'each webhook trigger: deliveries 8 at a time over both webhook processes, one execution each, none lost',
	timeoutMs: 2_400_000,
	async run(context) {
		const { deliveries, concurrency } = context.sizes;
		const figures: Record<string, unknown> = {};
		for (const { target, workflowId, urls } of await activateTriggers(context)) {
			const started = Date.now();
			const outcomes = await pool(deliveries, concurrency, async (index) => ({ key: target.delivery(index).key, process: index % urls.length, ...(await send(context, urls[index % urls.length], target.delivery(index))) }));
			const sendSeconds = (Date.now() - started) / 1000;
			const warmUps = urls.length;
			const executions = await settledExecutions(context, workflowId, deliveries + warmUps, 900_000);
			const settledSeconds = (Date.now() - started) / 1000;
			const runs = countBy(executions.map((execution) => keyOf(target, execution)));
			const notOk = outcomes.filter((outcome) => outcome.status !== 200);
			const lost = outcomes.filter((outcome) => !runs.has(outcome.key)).length;
			const doubled = outcomes.filter((outcome) => (runs.get(outcome.key) ?? 0) > 1).length;
			const failed = executions.filter((execution) => execution.status !== 'success');
			const perWorker = Object.fromEntries(countBy(executions.map((execution) => ranOn(execution) ?? 'none')));
			const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
			figures[target.id] = {
				deliveries,
				concurrency,
				answered200: deliveries - notOk.length,
				executions: executions.length - warmUps,
				lost,
				doubled,
				failedExecutions: failed.length,
				perWebhookProcess: Object.fromEntries(countBy(outcomes.map((outcome) => `webhook-${outcome.process + 1}`))),
				perWorker,
				sendSeconds,
				deliveriesPerSecond: Number((deliveries / sendSeconds).toFixed(1)),
				allExecutedSeconds: settledSeconds,
				answerMs: { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) },
			};
			context.log(`    ${target.id}: ${JSON.stringify(figures[target.id])}`);
			check(notOk.length === 0, `${target.id}: ${notOk.length} deliveries not answered 200 (${JSON.stringify(Object.fromEntries(countBy(notOk.map((outcome) => outcome.status ?? 'no answer'))))})`);
			check(lost === 0 && doubled === 0, `${target.id}: ${lost} deliveries started no execution, ${doubled} started more than one`);
			check(executions.length === deliveries + warmUps, `${target.id}: ${executions.length} executions for ${deliveries} deliveries and ${warmUps} warm-ups`);
			check(failed.length === 0, `${target.id}: ${failed.length} executions did not succeed (${failed[0]?.status})`);
			check(Object.keys(perWorker).every((name) => name.startsWith('worker-')), `${target.id}: executions not run by a worker: ${JSON.stringify(perWorker)}`);
			await context.n8n.deactivateWorkflow(workflowId);
		}
		return figures;
	},
};
