/**
 * "A message is never sent twice, however n8n retries": what `runOperation` does around each item of a send.
 * - Retry On Fail (n8n runs the node again, same execution): an item delivered by an earlier try returns that
 *   try's result from process memory (deliveries.ts) instead of going out again.
 * - Retry execution, a re-run by hand, a crash: an item with an Idempotency Key claims it in n8n's
 *   deduplication store just before it goes out (idempotency.ts); a key claimed before is not sent again.
 * - A failure after other items went out says which ones did, and whether a retry sends them again.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { deliveryMemory, type DeliveryMemory } from './deliveries';
import { mayHaveBeenDelivered } from './errors';
import { claimKey, IDEMPOTENCY_KEY, readIdempotencyKey, releaseKeys } from './idempotency';
import { LimiterClosedError } from './throttle';

/** Input items are numbered from 1 in what a person reads. */
function itemList(indices: number[], max = 20): string {
	const shown = indices.slice(0, max).map((index) => String(index + 1));
	const more = indices.length > max ? ` and ${indices.length - max} more` : '';
	if (shown.length === 1) return `input item ${shown[0]}${more}`;
	return more ? `input items ${shown.join(', ')}${more}` : `input items ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** Whether an operation's parameters offer the Idempotency Key (in its Options collection). */
export function declaresIdempotencyKey(description: INodeProperties[]): boolean {
	return description.some((property) => property.name === 'options' && (property.options ?? []).some((option) => 'name' in option && option.name === IDEMPOTENCY_KEY));
}

export class SendGuard<Params> {
	private readonly memory: DeliveryMemory;
	private readonly keys: Array<string | undefined> = [];
	/** For an item whose key an earlier item of this run already has: that item. */
	private readonly sameKeyAs = new Map<number, number>();
	private readonly firstWithKey = new Map<string, number>();
	private readonly delivered = new Set<number>();
	/** Items whose key this run claimed: only those may be given back. */
	private readonly claimed = new Set<number>();
	private readonly keysToRelease: string[] = [];

	constructor(
		private readonly context: IExecuteFunctions,
		/** What identifies an item's message across tries (default: all its parameters). */
		private readonly identity: (params: Params) => unknown = (params) => params,
	) {
		this.memory = deliveryMemory(context);
	}

	/** Reads the item's Idempotency Key with its other parameters (through the same `reader`), before anything is sent. */
	prepare(itemIndex: number, reader: IExecuteFunctions): void {
		const key = readIdempotencyKey(reader, itemIndex);
		this.keys[itemIndex] = key;
		if (key === undefined) return;
		const first = this.firstWithKey.get(key);
		if (first === undefined) this.firstWithKey.set(key, itemIndex);
		else this.sameKeyAs.set(itemIndex, first);
	}

	/**
	 * What the item outputs instead of being sent (an earlier try's result, or `alreadySent`), or undefined to send
	 * it. Claims its key when it has one: call `sent` or `failed` afterwards.
	 */
	async instead(itemIndex: number, params: Params): Promise<IDataObject[] | undefined> {
		const earlier = this.memory.recall(itemIndex, this.identity(params));
		if (earlier) {
			this.delivered.add(itemIndex);
			return earlier;
		}
		const key = this.keys[itemIndex];
		if (key === undefined) return undefined;
		const first = this.sameKeyAs.get(itemIndex);
		if (first !== undefined) return [{ alreadySent: true, idempotencyKey: key, sameKeyAsItem: first + 1 }];
		if (!(await claimKey(this.context, key))) return [{ alreadySent: true, idempotencyKey: key }];
		this.claimed.add(itemIndex);
		return undefined;
	}

	sent(itemIndex: number, params: Params, rows: IDataObject[]): void {
		this.memory.remember(itemIndex, this.identity(params), rows);
		this.delivered.add(itemIndex);
	}

	/**
	 * The item's key goes back to the store when its send certainly did not reach the provider (refused, failed
	 * before sending, or not sent at all because an earlier item failed the node).
	 */
	failed(itemIndex: number, error: unknown): void {
		const key = this.keys[itemIndex];
		if (key === undefined || !this.claimed.has(itemIndex)) return;
		if (error instanceof LimiterClosedError || !mayHaveBeenDelivered(error)) this.keysToRelease.push(key);
	}

	/** After every item: give back unused keys; when the node run succeeded n8n will not retry it. */
	async finish(succeeded: boolean): Promise<void> {
		await releaseKeys(this.context, this.keysToRelease.splice(0));
		if (succeeded) this.memory.release();
	}

	/** Adds to the error of a failed run which items were delivered before it, and what a retry does with them. */
	explain(error: NodeApiError | NodeOperationError, itemCount: number): void {
		const delivered = [...this.delivered].sort((a, b) => a - b);
		if (delivered.length === 0) return;
		const allKeyed = delivered.every((index) => this.keys[index] !== undefined);
		const retry = allKeyed
			? 'Neither Retry On Fail nor "Retry execution" sends them again: their Idempotency Keys are recorded.'
			: 'n8n\'s Retry On Fail does not send them again; "Retry execution" or running the workflow again would, unless Options → Idempotency Key is set.';
		const note = `Delivered before this failure: ${delivered.length} of ${itemCount} items (${itemList(delivered)}). ${retry}`;
		error.description = [error.description, note].filter(Boolean).join(' ');
	}
}
