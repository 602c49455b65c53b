import { createHash, randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * CTLive's outbound calls carry no message id, and CTLive posts the same payload again when it did not get our
 * answer. A payload seen again within the resend window is therefore that resend: it gets the answer (the same
 * message ids) the first call got, and starts no execution. Calls are remembered in workflow static data
 * (survives restarts) and in process memory (catches a resend arriving while the first call is still running,
 * which a separate static-data copy cannot see).
 */

/** Bounds static data (saved with the workflow) by message ids, like the core's duplicate memory. */
const MAX_REMEMBERED_IDS = 1000;
const MAX_IN_MEMORY = 1000;
const STATIC_KEY = 'ctliveDeliveries';

type Remembered = [key: string, atMs: number, messageIds: string[]];

const memory = new Map<string, { atMs: number; messageIds: string[] }>();

/** The same for the same payload, whatever the key order CTLive's serializer used. */
export function payloadKey(scope: string, body: unknown): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (value === null || typeof value !== 'object') return value;
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	};
	return createHash('sha256').update(scope).update('\u0000').update(JSON.stringify(canonical(body))).digest('hex');
}

function storedList(staticData: IDataObject): Remembered[] {
	const stored = staticData[STATIC_KEY];
	if (!Array.isArray(stored)) return [];
	return stored.filter(
		(entry): entry is Remembered => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && Array.isArray(entry[2]),
	);
}

export interface Acceptance {
	messageIds: string[];
	/** True when this payload was already answered within the window. */
	isResend: boolean;
}

/**
 * The message ids to answer `key` with: the remembered ones when it is a resend within `windowMs`, otherwise
 * `count` new ones, remembered from now on. Synchronous, so two calls in one process cannot both be "first".
 */
export function acceptDelivery(staticData: IDataObject, key: string, count: number, windowMs: number, nowMs = Date.now()): Acceptance {
	const list = storedList(staticData).filter(([, atMs]) => nowMs - atMs < windowMs);
	const inMemory = memory.get(key);
	const stored = list.find(([storedKey]) => storedKey === key);
	const previous = stored ? stored[2] : inMemory && nowMs - inMemory.atMs < windowMs ? inMemory.messageIds : undefined;
	if (previous && previous.length === count) {
		staticData[STATIC_KEY] = list;
		return { messageIds: previous, isResend: true };
	}
	const messageIds = Array.from({ length: count }, () => randomUUID());
	list.push([key, nowMs, messageIds]);
	// Oldest first out; the newest delivery stays even when it alone has more ids than the bound.
	let total = list.reduce((sum, [, , ids]) => sum + ids.length, 0);
	while (list.length > 1 && total > MAX_REMEMBERED_IDS) total -= list.shift()![2].length;
	staticData[STATIC_KEY] = list;
	memory.set(key, { atMs: nowMs, messageIds });
	if (memory.size > MAX_IN_MEMORY) memory.delete(memory.keys().next().value as string);
	return { messageIds, isResend: false };
}
