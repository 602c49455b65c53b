import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { ScopedMemories } from './memory';

/**
 * What a trigger node has recently received, so a provider's retry (Wavy and Mehery resend after a slow answer,
 * CTLive after a network error) does not start a second execution: message ids, or (CTLive, whose calls carry no
 * id) a digest of the payload with the message ids it was answered with.
 *
 * The memory lives in this process, keyed by workflow and node, and is consulted and written synchronously: n8n
 * hands every webhook call its own copy of static data, so two copies of one delivery arriving together would
 * both look new there, while here exactly one of them wins. It is written to the workflow's static data (which
 * survives a restart) at most every `persistEveryMs`: n8n saves changed static data before it answers a webhook
 * call, and it reads the workflow with its static data twice per delivery (webhook, then execution start), so both
 * the number of writes and the size of what is stored cost every delivery. Entries are therefore stored as 72-bit
 * digests (12 characters), not as the provider's ids.
 *
 * A claim stays unsettled until the delivery's fate is known: `settle(false)` (n8n did not start the execution)
 * forgets what it claimed, so the provider's retry runs; meanwhile a retry can wait for that verdict.
 * Guarantee: at most once per id among the last `max` ids of the node; after a restart, ids first seen in the last
 * `persistEveryMs` before it are forgotten.
 */

export const DEFAULT_DEDUPE_MAX = 1000;
export const DEFAULT_DEDUPE_KEY = 'seenMessageIds';
/** Static data is rewritten at most this often by default. */
export const DEFAULT_PERSIST_EVERY_MS = 5_000;

export interface ClaimOptions {
	/** How many ids to remember (with values: how many values in total); the oldest go first. Default 1000. */
	max?: number;
	/** Static data property holding them, for nodes that track several spaces. */
	key?: string;
	/** Static data is rewritten at most this often; 0 writes on every call that changed something. */
	persistEveryMs?: number;
	/**
	 * How many of the newest entries go into static data (default: all `max`); a restart remembers only these.
	 * Why fewer: n8n reads the workflow with its static data twice for every delivery, so a large memory written
	 * there costs every delivery (10,000 digests halved the executions n8n could start under load).
	 */
	persistMax?: number;
	/** An entry older than this counts as unseen (and is replaced when claimed). Default: no limit. */
	windowMs?: number;
	/** The clock, for tests. */
	now?: () => number;
}

export interface Claim {
	/** Per key: true when it was new, so this delivery claimed it. */
	isNew: boolean[];
	/** Per key: the value remembered with it (a new key: the one `valueFor` gave). */
	values: Array<string[] | undefined>;
	/** Once known: `started` false forgets what this claim added, so the provider's retry is not dropped. */
	settle(started: boolean): void;
}

interface Entry {
	at: number;
	value?: string[];
	/** Resolves when the delivery that added the entry has its verdict; absent once settled. */
	verdict?: Promise<void>;
}

interface Memory {
	entries: Map<string, Entry>;
	weight: number;
	persistedAt: number;
	changed: boolean;
}

/** Per trigger node and key; the least recently used are dropped (../memory). */
const memories = new ScopedMemories<Memory>();
const nameOf = (scope: string, key: string) => `${scope}\u0000${key}`;

const DIGEST_CHARS = 12;
const digestOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, DIGEST_CHARS);
const weightOf = (entry: Entry) => Math.max(1, entry.value?.length ?? 0);

function remove(memory: Memory, digest: string): void {
	const entry = memory.entries.get(digest);
	if (!entry) return;
	memory.entries.delete(digest);
	memory.weight -= weightOf(entry);
	memory.changed = true;
}

/** Adds (or refreshes) as the newest entry; the oldest go while over `max`, the newest always stays. */
function put(memory: Memory, digest: string, entry: Entry, max: number): void {
	remove(memory, digest);
	memory.entries.set(digest, entry);
	memory.weight += weightOf(entry);
	memory.changed = true;
	for (const oldest of memory.entries.keys()) {
		if (memory.weight <= max || memory.entries.size <= 1) break;
		remove(memory, oldest);
	}
}

/** What an earlier process persisted: the digest string, or the old formats (plain ids; CTLive's triples). */
function seed(memory: Memory, stored: unknown, max: number): void {
	if (typeof stored === 'string') {
		for (let index = 0; index + DIGEST_CHARS <= stored.length; index += DIGEST_CHARS) put(memory, stored.slice(index, index + DIGEST_CHARS), { at: 0 }, max);
	} else if (Array.isArray(stored)) {
		for (const item of stored) {
			if (typeof item === 'string' && item !== '') put(memory, digestOf(item), { at: 0 }, max);
			else if (Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'number' && Array.isArray(item[2])) {
				const digest = item[0].length === DIGEST_CHARS ? item[0] : digestOf(item[0]);
				put(memory, digest, { at: item[1], value: (item[2] as unknown[]).filter((id): id is string => typeof id === 'string') }, max);
			}
		}
	}
	memory.changed = false;
}

function memoryOf(scope: string, staticData: IDataObject, key: string, max: number): Memory {
	return memories.of(nameOf(scope, key), () => {
		// First delivery since this process started: begin with what an earlier process persisted.
		const memory: Memory = { entries: new Map(), weight: 0, persistedAt: Number.NEGATIVE_INFINITY, changed: false };
		seed(memory, staticData[key], max);
		return memory;
	});
}

function persistIfDue(memory: Memory, staticData: IDataObject, key: string, withValues: boolean, persistEveryMs: number, now: number, persistMax: number): void {
	if (!memory.changed || now - memory.persistedAt < persistEveryMs) return;
	memory.persistedAt = now;
	memory.changed = false;
	write(memory, staticData, key, withValues, persistMax);
}

/** The map is in insertion order, a refreshed entry re-inserted: the newest are last, and only `persistMax` of them go. */
function newestOf(memory: Memory, persistMax: number): Array<[string, Entry]> {
	return [...memory.entries].slice(-persistMax);
}

function write(memory: Memory, staticData: IDataObject, key: string, withValues: boolean, persistMax: number): void {
	const newest = newestOf(memory, persistMax);
	staticData[key] = withValues ? newest.map(([digest, entry]) => [digest, entry.at, entry.value ?? []]) : newest.map(([digest]) => digest).join('');
}

function checkedMax(max: number): number {
	if (!Number.isInteger(max) || max < 1) throw new RangeError(`Dedupe max must be an integer of at least 1, got ${String(max)}`);
	return max;
}

/**
 * Claims keys for one trigger node (`scope`: workflow + node). A key seen within the window, even one whose
 * delivery has no verdict yet, is not new; an undefined or empty key is always new and never remembered.
 * `valueFor` gives the value remembered with a new key (CTLive: the message ids of its answer).
 */
export function claimKeys(staticData: IDataObject, scope: string, keys: Array<string | undefined>, options: ClaimOptions = {}, valueFor?: (index: number) => string[]): Claim {
	const max = checkedMax(options.max ?? DEFAULT_DEDUPE_MAX);
	const key = options.key ?? DEFAULT_DEDUPE_KEY;
	const { persistEveryMs = DEFAULT_PERSIST_EVERY_MS, windowMs = Number.POSITIVE_INFINITY, now = Date.now } = options;
	const memory = memoryOf(scope, staticData, key, max);
	const at = now();
	let resolveVerdict: (() => void) | undefined;
	const verdict = new Promise<void>((resolve) => (resolveVerdict = resolve));
	const claimed = new Map<string, Entry>();
	const values: Claim['values'] = [];
	const isNew = keys.map((one, index) => {
		if (one === undefined || one === '') {
			values.push(valueFor?.(index));
			return true;
		}
		const digest = digestOf(one);
		const seen = memory.entries.get(digest);
		if (seen && at - seen.at < windowMs) {
			// A resent id moves to the newest end, so ids a provider keeps resending are not evicted.
			put(memory, digest, seen, max);
			values.push(seen.value);
			return false;
		}
		const entry: Entry = { at, value: valueFor?.(index), verdict };
		put(memory, digest, entry, max);
		claimed.set(digest, entry);
		values.push(entry.value);
		return true;
	});
	persistIfDue(memory, staticData, key, valueFor !== undefined, persistEveryMs, at, options.persistMax ?? Number.POSITIVE_INFINITY);
	let settled = false;
	const settle = (started: boolean) => {
		if (settled) return;
		settled = true;
		for (const [digest, entry] of claimed) {
			delete entry.verdict;
			if (!started && memory.entries.get(digest) === entry) remove(memory, digest);
		}
		resolveVerdict?.();
	};
	if (claimed.size === 0) settle(true);
	return { isNew, values, settle };
}

/** `claimKeys` for plain message ids. */
export function claimIds(staticData: IDataObject, scope: string, ids: Array<string | undefined>, options: ClaimOptions = {}): Claim {
	return claimKeys(staticData, scope, ids, options);
}

/** The verdicts still awaited for any of these keys (claimed by a delivery whose execution is not known to have started). */
export function unsettled(scope: string, keys: Array<string | undefined>, options: Pick<ClaimOptions, 'key'> = {}): Array<Promise<void>> {
	const memory = memories.peek(nameOf(scope, options.key ?? DEFAULT_DEDUPE_KEY));
	if (!memory) return [];
	const verdicts = new Set<Promise<void>>();
	for (const one of keys) {
		const verdict = one ? memory.entries.get(digestOf(one))?.verdict : undefined;
		if (verdict) verdicts.add(verdict);
	}
	return [...verdicts];
}

/**
 * Writes what this process remembers for the node into `staticData`, due or not. For a webhook call that ran long
 * (collecting a burst, handing a reply over): its copy of static data was loaded when it began, and n8n saving it
 * as it is would put back what was remembered then. `withValues`: the memory holds values (`resends`).
 */
export function refreshKeys(staticData: IDataObject, scope: string, options: Pick<ClaimOptions, 'key' | 'persistMax'> = {}, withValues = false): void {
	const key = options.key ?? DEFAULT_DEDUPE_KEY;
	const persistMax = options.persistMax ?? Number.POSITIVE_INFINITY;
	const memory = memories.peek(nameOf(scope, key));
	if (!memory) return;
	// Only when it lacks something remembered: n8n saves static data that was written to (a database write).
	const current = staticData[key];
	const held = new Set<string>();
	if (typeof current === 'string') for (let index = 0; index + DIGEST_CHARS <= current.length; index += DIGEST_CHARS) held.add(current.slice(index, index + DIGEST_CHARS));
	else if (Array.isArray(current)) for (const item of current) if (Array.isArray(item) && typeof item[0] === 'string') held.add(item[0]);
	if (newestOf(memory, persistMax).some(([digest]) => !held.has(digest))) write(memory, staticData, key, withValues, persistMax);
}
