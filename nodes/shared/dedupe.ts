import type { IDataObject } from 'n8n-workflow';

import { MAX_SCOPES, RecentIds } from './memory';

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

interface Memory {
	ids: RecentIds;
	persistedAt: number;
}

const inProcess = new Map<string, Memory>();

/** Static data is rewritten at most this often by default (see claimIds). */
export const DEFAULT_PERSIST_EVERY_MS = 5_000;

export interface ClaimOptions extends DedupeOptions {
	/** Static data is rewritten at most this often; 0 writes on every call that saw a new id. */
	persistEveryMs?: number;
	/** The clock, for tests. */
	now?: () => number;
}

function memoryOf(scope: string, staticData: IDataObject, key: string, max: number): Memory {
	let memory = inProcess.get(scope);
	if (memory) {
		inProcess.delete(scope);
	} else {
		// First delivery since this process started: begin with what an earlier process persisted.
		const stored = Array.isArray(staticData[key]) ? (staticData[key] as unknown[]) : [];
		memory = { ids: new RecentIds(max), persistedAt: Number.NEGATIVE_INFINITY };
		for (const id of stored.slice(-max)) if (typeof id === 'string') memory.ids.add(id);
	}
	inProcess.set(scope, memory);
	if (inProcess.size > MAX_SCOPES) inProcess.delete(inProcess.keys().next().value as string);
	return memory;
}

/**
 * Claims ids for one trigger node (`scope`: workflow + node), returning for each whether it is new.
 *
 * The ids live in a bounded memory of this process, consulted and written synchronously: n8n hands every webhook
 * call its own copy of static data, so two deliveries of one id arriving together would both look new there,
 * while here exactly one of them wins. The memory is written to static data (which survives a restart) at most
 * every `persistEveryMs`: n8n saves changed static data before it finishes a webhook call, one database write per
 * call, which at tens of deliveries a second made real n8n answer in seconds (measured with the Wavy Trigger).
 * Guarantee: at most once per id among the last `max` ids of this node; after a restart, ids first seen in the
 * last `persistEveryMs` before it are forgotten. Call this only for items that will be emitted.
 */
export function claimIds(staticData: IDataObject, scope: string, ids: Array<string | undefined>, options: ClaimOptions = {}): boolean[] {
	const max = options.max ?? DEFAULT_DEDUPE_MAX;
	const key = options.key ?? DEFAULT_DEDUPE_KEY;
	const { persistEveryMs = DEFAULT_PERSIST_EVERY_MS, now = Date.now } = options;
	if (!Number.isInteger(max) || max < 1) throw new RangeError(`Dedupe max must be an integer of at least 1, got ${String(max)}`);
	const memory = memoryOf(`${scope}\u0000${key}`, staticData, key, max);
	let added = false;
	const isNew = ids.map((id) => {
		if (id === undefined || id === '') return true;
		// A resent id moves to the newest end, so ids a provider keeps resending are not evicted.
		const seen = memory.ids.has(id);
		memory.ids.add(id);
		if (seen) return false;
		added = true;
		return true;
	});
	if (added && now() - memory.persistedAt >= persistEveryMs) {
		memory.persistedAt = now();
		staticData[key] = memory.ids.list();
	}
	return isNew;
}

/**
 * Writes the ids this process remembers into `staticData` when they differ from it. For a webhook call that ran
 * long (collecting a burst, handing a reply over): its copy of static data was loaded when it began, and saving
 * it unchanged would put back the ids of that moment.
 */
export function refreshIds(staticData: IDataObject, scope: string, options: DedupeOptions = {}): void {
	const key = options.key ?? DEFAULT_DEDUPE_KEY;
	const memory = inProcess.get(`${scope}\u0000${key}`);
	if (!memory) return;
	const ids = memory.ids.list();
	const stored = staticData[key];
	if (!Array.isArray(stored) || stored.length !== ids.length || stored.some((id, index) => id !== ids[index])) staticData[key] = ids;
}
