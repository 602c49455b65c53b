/**
 * The Idempotency Key of a send: a value the user gives per item (an expression such as
 * `{{ $json.orderId }}-shipped`). Keys are claimed in n8n's own deduplication store (the helpers n8n's Remove
 * Duplicates node uses, kept in n8n's database, so shared by every process in queue mode) just before the
 * message goes out: a key claimed before is not sent again. A key is given back when the send certainly did not
 * reach the provider, so a later run sends it; after an ambiguous failure it stays claimed (never twice).
 *
 * n8n keeps a node's keys as one list in one database row and updates it by read-modify-write, so two calls at
 * once lose one's update. All calls of one node in this process therefore go through one queue, and claims that
 * arrive while a call is out go together in the next call (fewer database writes).
 */
import type { DeduplicationItemTypes, ICheckProcessedOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const IDEMPOTENCY_KEY = 'idempotencyKey';
/** Keys remembered per node; the oldest are forgotten first. */
export const MAX_REMEMBERED_KEYS = 10_000;
const STORE_OPTIONS: ICheckProcessedOptions = { mode: 'entries', maxEntries: MAX_REMEMBERED_KEYS };

/** For the Options collection of every operation that changes something at the provider. */
export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: IDEMPOTENCY_KEY,
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.orderId }}-shipped',
	description:
		`A value unique to this message, usually an expression. n8n remembers the keys of messages sent (in its database, the last ${MAX_REMEMBERED_KEYS.toLocaleString('en-US')} of this node); an item whose key was sent before is not sent again but returned with alreadySent: true. Protects against "Retry execution", re-running a workflow by hand and a crash after sending.`,
};

/** The item's key, or undefined when the option is empty. */
export function readIdempotencyKey(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = context.getNodeParameter(`options.${IDEMPOTENCY_KEY}`, itemIndex, '') as unknown;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new NodeOperationError(context.getNode(), `Idempotency Key: must be text or a number, got ${typeof value}`, {
			itemIndex,
			description: 'Use an expression that gives one value per message, e.g. {{ $json.orderId }}-shipped.',
		});
	}
	const key = String(value).trim();
	return key === '' ? undefined : key;
}

interface Claim {
	key: string;
	settle: (fresh: boolean) => void;
	fail: (error: unknown) => void;
}

/** One queue per workflow node of this process: n8n's store must not see two calls for one node at once. */
interface StoreQueue {
	tail: Promise<void>;
	/** Calls queued or running; the queue is forgotten when none is left. */
	pending: number;
	claims: Claim[];
}

const queues = new Map<string, StoreQueue>();

function queueOf(context: IExecuteFunctions): { id: string; queue: StoreQueue } {
	const id = JSON.stringify([context.getWorkflow().id, context.getNode().id]);
	let queue = queues.get(id);
	if (!queue) queues.set(id, (queue = { tail: Promise.resolve(), pending: 0, claims: [] }));
	return { id, queue };
}

/** Runs `call` after every earlier call of this node's queue has finished. */
async function enqueue(context: IExecuteFunctions, call: () => Promise<void>): Promise<void> {
	const { id, queue } = queueOf(context);
	queue.pending++;
	const done = queue.tail.then(call);
	queue.tail = done.catch(() => undefined);
	try {
		await done;
	} finally {
		if (--queue.pending === 0 && queues.get(id) === queue) queues.delete(id);
	}
}

function storeUnavailable(context: IExecuteFunctions, error: unknown): NodeOperationError {
	return new NodeOperationError(context.getNode(), 'Idempotency Key: n8n could not reach its deduplication store', {
		description: `Nothing was sent for the items with a key. ${(error as Error)?.message ?? ''}`.trim(),
	});
}

/**
 * Claims `key` for a message about to go out: true when it is new (send it), false when a run before claimed
 * it (do not send). Claims waiting together go to n8n's store in one call.
 */
export async function claimKey(context: IExecuteFunctions, key: string): Promise<boolean> {
	const { queue } = queueOf(context);
	const claimed = new Promise<boolean>((settle, fail) => queue.claims.push({ key, settle, fail }));
	if (queue.claims.length === 1) {
		// Failures reach each claim through `fail`; the call itself never rejects.
		void enqueue(context, async () => {
			const batch = queue.claims.splice(0);
			try {
				const { processed } = await context.helpers.checkProcessedAndRecord(batch.map((claim) => claim.key) as DeduplicationItemTypes[], 'node', STORE_OPTIONS);
				const before = new Set(processed.map(String));
				for (const claim of batch) claim.settle(!before.has(claim.key));
			} catch (error) {
				for (const claim of batch) claim.fail(storeUnavailable(context, error));
			}
		});
	}
	return await claimed;
}

/** Gives keys back after sends that certainly did not reach the provider, so a later run sends them. */
export async function releaseKeys(context: IExecuteFunctions, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	await enqueue(context, async () => {
		await context.helpers.removeProcessed(keys, 'node', STORE_OPTIONS);
	});
}
