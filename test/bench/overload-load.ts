/**
 * The measuring half of the overload benchmark: fires deliveries at a webhook at a fixed rate (open loop, as a
 * provider does: it does not wait for one answer before the next delivery), records each answer, then reads
 * the executions n8n stored and matches them to the deliveries by a key each delivery carries.
 */
import type { N8nClient } from '../../scripts/lib/n8n';
import type { N8nExecution } from '../../scripts/lib/n8n-execution';
import type { Simulator } from '../simulator';

export interface Load {
	seconds: number;
	perSecond: number;
	/** A caller that has no answer after this long gives up (closes the connection). */
	timeoutMs: number;
}

export interface Delivery {
	key: string;
	body: unknown;
	headers?: Record<string, string>;
}

export interface Outcome {
	key: string;
	/** HTTP status, or undefined when no answer came (timeout, reset, refused). */
	status?: number;
	/** Why no answer came. */
	error?: string;
	ms: number;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Fires `perSecond` deliveries a second for `seconds` at `url`; every delivery's outcome, in order. */
export async function fireDeliveries(sim: Simulator, url: string, load: Load, delivery: (index: number) => Delivery): Promise<{ outcomes: Outcome[]; sendSeconds: number }> {
	const total = Math.round(load.seconds * load.perSecond);
	const start = Date.now();
	const calls: Array<Promise<Outcome>> = [];
	for (let index = 0; index < total; index++) {
		const wait = start + (index * 1000) / load.perSecond - Date.now();
		if (wait > 0) await sleep(wait);
		const { key, body, headers } = delivery(index);
		const sent = process.hrtime.bigint();
		const elapsed = () => Number(process.hrtime.bigint() - sent) / 1e6;
		calls.push(
			sim.sendWebhook(url, { body, headers, timeoutMs: load.timeoutMs }).then(
				(response) => ({ key, status: response.status, ms: elapsed() }),
				(error: Error) => ({ key, error: error.message.replace(/^.*failed: /, ''), ms: elapsed() }),
			),
		);
	}
	const sendSeconds = (Date.now() - start) / 1000;
	return { outcomes: await Promise.all(calls), sendSeconds };
}

/** n8n's public API, asked again while its database health check fails (503 "Database is not ready!"). */
async function api<T>(n8n: N8nClient, path: string): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await n8n.api<T>('GET', path);
		} catch (error) {
			const status = (error as { status?: number }).status;
			const timedOut = (error as Error).name === 'TimeoutError';
			if (attempt >= 60 || (status !== 503 && !timedOut)) throw error;
			await sleep(1000);
		}
	}
}

interface StoredExecution {
	status: string;
	/** The delivery key read from the trigger's first item; undefined when there is none. */
	key?: string;
}

/** The trigger's first item: from its run, or, for an execution that never ran, from the start data. */
function firstItem(execution: N8nExecution, triggerName: string): Record<string, unknown> | undefined {
	const ran = execution.data?.resultData.runData[triggerName]?.[0]?.data?.main[0]?.[0]?.json;
	if (ran) return ran;
	const stack = (execution.data as { executionData?: { nodeExecutionStack?: Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }> } } | undefined)
		?.executionData?.nodeExecutionStack;
	return stack?.[0]?.data?.main?.[0]?.[0]?.json;
}

/** Every stored execution of a workflow, through the public API's cursor pages (with data: for the keys). */
export async function storedExecutions(n8n: N8nClient, workflowId: string, triggerName: string, keyOf?: (json: Record<string, unknown>) => string | undefined): Promise<StoredExecution[]> {
	const stored: StoredExecution[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, includeData: String(keyOf !== undefined), limit: keyOf ? '100' : '250', ...(cursor ? { cursor } : {}) });
		const page = await api<{ data: N8nExecution[]; nextCursor?: string | null }>(n8n, `/executions?${query}`);
		for (const execution of page.data) {
			const item = keyOf ? firstItem(execution, triggerName) : undefined;
			stored.push({ status: execution.status, key: item ? keyOf?.(item) : undefined });
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return stored;
}

const FINISHED = new Set(['success', 'error', 'canceled', 'crashed']);

/**
 * Waits until the workflow's executions stop changing (how many are stored, how many have finished) for
 * `quietMs`, at most `maxMs`. n8n under overload leaves some executions 'running' for good (it failed to mark
 * them running in its database), so "none running" may never come.
 */
export async function settled(n8n: N8nClient, workflowId: string, triggerName: string, quietMs = 20_000, maxMs = 300_000): Promise<boolean> {
	let last = '';
	let since = Date.now();
	for (const deadline = Date.now() + maxMs; Date.now() < deadline; await sleep(2000)) {
		const stored = await storedExecutions(n8n, workflowId, triggerName);
		const state = `${stored.length}/${stored.filter((execution) => FINISHED.has(execution.status)).length}`;
		if (state !== last) [last, since] = [state, Date.now()];
		else if (Date.now() - since >= quietMs) return true;
	}
	return false;
}

export interface Tally {
	sent: number;
	ok: number;
	/** Other statuses, e.g. { 503: 12 }. */
	statuses: Record<string, number>;
	/** Calls that got no answer, by reason. */
	errors: Record<string, number>;
	/** Executions started for a delivery of this run (each counted once). */
	started: number;
	/** Of those, executions n8n never finished (left 'new' or 'running'). */
	unfinished: number;
	/** Deliveries answered 200 that started no execution. */
	lost: number;
	/** Deliveries that started more than one execution. */
	doubled: number;
	/** Answer times of the 200s, ms. */
	p50?: number;
	p99?: number;
	max?: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? undefined : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

export function tally(outcomes: Outcome[], stored: StoredExecution[]): Tally {
	const runs = new Map<string, number>();
	const finished = new Set<string>();
	for (const { key, status } of stored) {
		if (key === undefined) continue;
		runs.set(key, (runs.get(key) ?? 0) + 1);
		if (FINISHED.has(status)) finished.add(key);
	}
	const statuses: Record<string, number> = {};
	const errors: Record<string, number> = {};
	const answerTimes: number[] = [];
	let started = 0;
	let unfinished = 0;
	let lost = 0;
	let doubled = 0;
	for (const outcome of outcomes) {
		const count = runs.get(outcome.key) ?? 0;
		if (count > 0) started++;
		if (count > 0 && !finished.has(outcome.key)) unfinished++;
		if (count > 1) doubled++;
		if (outcome.status === 200) {
			answerTimes.push(outcome.ms);
			if (count === 0) lost++;
		} else if (outcome.status !== undefined) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
		else errors[outcome.error ?? 'no answer'] = (errors[outcome.error ?? 'no answer'] ?? 0) + 1;
	}
	answerTimes.sort((a, b) => a - b);
	return {
		sent: outcomes.length,
		ok: answerTimes.length,
		statuses,
		errors,
		started,
		unfinished,
		lost,
		doubled,
		p50: percentile(answerTimes, 50),
		p99: percentile(answerTimes, 99),
		max: answerTimes.at(-1),
	};
}
