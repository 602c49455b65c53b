import type { IDataObject } from 'n8n-workflow';

/**
 * Remembers recently seen message ids in workflow static data, so a provider's retry (CTLive resends the same
 * messageId after network errors, webhooks are retried when we answer late) does not start a second execution.
 * Static data is persisted as JSON, so the ids are kept as a plain string array (oldest first), not a Set.
 */

export const DEFAULT_DEDUPE_MAX = 1000;
export const DEFAULT_DEDUPE_KEY = 'seenMessageIds';

export interface DedupeOptions {
	/** How many ids to remember; the oldest are forgotten beyond this. Default 1000. */
	max?: number;
	/** Static data property holding the ids, for nodes that track several id spaces. */
	key?: string;
}

/**
 * Returns true when `id` was not seen before (and records it), false when it was already seen.
 * An already seen id is moved to the newest end, so ids a provider keeps resending are not evicted.
 * An empty id cannot be deduplicated: it is reported as new and not recorded.
 */
export function markSeen(staticData: IDataObject, id: string, options: DedupeOptions = {}): boolean {
	const max = options.max ?? DEFAULT_DEDUPE_MAX;
	const key = options.key ?? DEFAULT_DEDUPE_KEY;
	if (!Number.isInteger(max) || max < 1) {
		throw new RangeError(`Dedupe max must be an integer of at least 1, got ${String(max)}`);
	}
	if (id === '') return true;

	// Tolerate anything an older version or a manual edit left in static data.
	const stored = staticData[key];
	const seen = Array.isArray(stored) ? stored.filter((value): value is string => typeof value === 'string') : [];

	const position = seen.indexOf(id);
	const isNew = position === -1;
	if (!isNew) seen.splice(position, 1);
	seen.push(id);
	if (seen.length > max) seen.splice(0, seen.length - max);

	staticData[key] = seen;
	return isNew;
}
