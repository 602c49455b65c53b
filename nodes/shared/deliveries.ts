/**
 * What each send of a node run delivered, remembered in process memory for as long as n8n may run that node
 * again in the same execution: "Retry On Fail" re-runs the node over all its items, and an item already
 * delivered must return its earlier result instead of reaching the customer twice. n8n retries on the process
 * that ran the node (in queue mode, the same worker), so process memory suffices.
 *
 * Keyed by execution, node, run of the node (a loop runs a node several times, each a new message) and item,
 * plus a digest of the request, so an item whose parameters changed is a new message. Released when the node run
 * succeeds (n8n does not retry it then); a run that failed for good is dropped after an hour or when memory is
 * needed for newer runs. No timers (banned in n8n Cloud): expiry is checked whenever a run is looked up.
 */
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** n8n waits at most 5 s between at most 5 tries; an hour leaves room for a slow provider's timeouts too. */
const KEEP_MS = 60 * 60_000;
/** Items remembered over all runs of this process; the oldest runs go first. */
const MAX_ITEMS = 100_000;

interface RunMemory {
	touched: number;
	items: Map<string, IDataObject[]>;
}

const runs = new Map<string, RunMemory>();
let remembered = 0;

function forget(key: string): void {
	const run = runs.get(key);
	if (!run) return;
	remembered -= run.items.size;
	runs.delete(key);
}

/** Drops runs nobody retried within KEEP_MS, then the oldest runs until `room` more items fit. */
function evict(now: number, room: number): void {
	for (const [key, run] of runs) {
		if (now - run.touched > KEEP_MS || remembered + room > MAX_ITEMS) forget(key);
		else break; // Map order is least recently touched first
	}
}

export interface DeliveryMemory {
	/** The rows an earlier try of this run returned for this item and request, if it delivered it. */
	recall(itemIndex: number, params: unknown): IDataObject[] | undefined;
	remember(itemIndex: number, params: unknown, rows: IDataObject[]): void;
	/** The node run succeeded: n8n will not run it again. */
	release(): void;
}

const digest = (itemIndex: number, params: unknown) => `${itemIndex}:${createHash('sha256').update(JSON.stringify(params) ?? '').digest('base64')}`;

/** The memory of this execution's current run of this node. */
export function deliveryMemory(context: IExecuteFunctions, now = Date.now): DeliveryMemory {
	const runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
	const key = JSON.stringify([context.getWorkflow().id, context.getExecutionId(), context.getNode().id, runIndex]);
	const touch = () => {
		const run = runs.get(key) ?? { touched: 0, items: new Map() };
		runs.delete(key); // re-inserted last: most recently touched
		run.touched = now();
		runs.set(key, run);
		return run;
	};
	return {
		recall(itemIndex, params) {
			evict(now(), 0);
			return runs.get(key)?.items.get(digest(itemIndex, params));
		},
		remember(itemIndex, params, rows) {
			evict(now(), 1);
			const run = touch();
			const id = digest(itemIndex, params);
			if (!run.items.has(id)) remembered++;
			run.items.set(id, rows);
		},
		release() {
			forget(key);
		},
	};
}

/** For tests: how many items the process remembers. */
export function rememberedDeliveries(): number {
	return remembered;
}
