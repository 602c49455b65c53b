/**
 * What the queue-mode cases share: the running stack and simulator, n8n's API on the main process, which process
 * n8n says ran an execution, and the figures each case reports for bench/results.json.
 */
import { randomUUID } from 'node:crypto';

import type { N8nClient } from '../../scripts/lib/n8n';
import type { N8nExecution } from '../../scripts/lib/n8n-execution';
import type { QueueStack } from '../../scripts/lib/queue-stack';
import type { Simulator } from '../simulator';

export interface QueueContext {
	stack: QueueStack;
	sim: Simulator;
	n8n: N8nClient;
	credentialIds: Map<string, { id: string; name: string }>;
	/** Lines each n8n process printed, by process name (bounded). */
	output: Map<string, string[]>;
	/** How much load the cases put on n8n (QUEUE_DELIVERIES, QUEUE_SENDS, QUEUE_ITEMS). */
	sizes: { deliveries: number; sends: number; items: number; concurrency: number };
	log: (line: string) => void;
}

export interface QueueCase {
	name: string;
	/** The case fails when it takes longer (it must fail fast, not hang). */
	timeoutMs: number;
	/** Throws when the guarantee does not hold; returns the figures it measured. */
	run: (context: QueueContext) => Promise<Record<string, unknown>>;
}

export const PACKAGE = 'n8n-nodes-chat-providers';
/** The Set node that records, in the execution, the n8n process that ran it. */
export const RAN_ON = 'Ran On';

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** A Set node writing `{ ranOn: $env.QUEUE_PROCESS_NAME }`: evaluated by the process that runs the execution. */
export function ranOnNode(position: [number, number] = [0, 300]) {
	return {
		id: randomUUID(),
		name: RAN_ON,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { assignments: { assignments: [{ id: randomUUID(), name: 'ranOn', value: '={{ $env.QUEUE_PROCESS_NAME }}', type: 'string' }] }, options: {} },
	};
}

/** The process the execution recorded in its Ran On node. */
export function ranOn(execution: N8nExecution): string | undefined {
	const value = execution.data?.resultData.runData[RAN_ON]?.[0]?.data?.main[0]?.[0]?.json.ranOn;
	return typeof value === 'string' ? value : undefined;
}

/** The worker whose log says it started this execution ("Worker started execution <id> (job <n>)"). */
export function workerLogged(context: QueueContext, executionId: string): string | undefined {
	const needle = `Worker started execution ${executionId} `;
	return context.stack.workers.find(({ name }) => (context.output.get(name) ?? []).some((line) => line.includes(needle)))?.name;
}

/** Every execution of a workflow with its data (public API cursor pages). */
export async function executionsOf(n8n: N8nClient, workflowId: string, includeData = true): Promise<N8nExecution[]> {
	const all: N8nExecution[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: includeData ? '100' : '250', ...(cursor ? { cursor } : {}) });
		const page = await n8n.api<{ data: N8nExecution[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Polls `probe` until it returns a value (not undefined), at most `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, intervalMs = 500): Promise<T> {
	for (const deadline = Date.now() + timeoutMs; ; await sleep(intervalMs)) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
	}
}

/** Runs `task(i)` for i in 0..count-1, at most `width` at a time. */
export async function pool<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
	const results: T[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(width, count) }, async () => {
			while (next < count) {
				const index = next++;
				results[index] = await task(index);
			}
		}),
	);
	return results;
}

export function countBy<T>(values: T[]): Map<T, number> {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}
