/**
 * The waits a trigger knows, kept in its workflow's static data (saved in n8n's database, so they survive a
 * restart and are seen by every webhook process) and in this process's memory.
 *
 * n8n gives every webhook call its own copy of static data and saves it whole after the call, so two calls at
 * once would each see the other's change missing. The memory is therefore the authority within a process: each
 * call merges what it loaded into it (a wait known to either side and not yet done exists) and writes the merged
 * state back. Claims and cancellations are recorded as done ids, so a merge never brings a used wait back, and a
 * claim is synchronous, so one reply claims a wait once per process.
 */
import type { IDataObject } from 'n8n-workflow';

import { RecentIds, ScopedMemories } from '../memory';
import type { WaitRegistration } from './types';

/** Waits per trigger node; the next registration is refused (the waiting node fails before it sends). */
export const MAX_WAITS = 5_000;
const MAX_DONE = 5_000;
export const WAITS_KEY = 'conversationWaits';

interface Memory {
	entries: Map<string, WaitRegistration>;
	done: RecentIds;
}

interface Stored {
	entries: WaitRegistration[];
	done: string[];
}

const memories = new ScopedMemories<Memory>();
const memoryOf = (scope: string): Memory => memories.of(scope, () => ({ entries: new Map(), done: new RecentIds(MAX_DONE) }));

function isWait(value: unknown): value is WaitRegistration {
	const wait = value as WaitRegistration;
	return typeof wait?.id === 'string' && typeof wait.conversation === 'string' && typeof wait.resumeUrl === 'string' && typeof wait.expiresAt === 'number';
}

function readStored(staticData: IDataObject): Stored {
	const stored = staticData[WAITS_KEY] as Partial<Stored> | undefined;
	return {
		entries: Array.isArray(stored?.entries) ? stored.entries.filter(isWait) : [],
		done: Array.isArray(stored?.done) ? stored.done.filter((id): id is string => typeof id === 'string') : [],
	};
}

export class WaitBook {
	private readonly memory: Memory;

	constructor(
		private readonly staticData: IDataObject,
		scope: string,
		private readonly now: () => number = Date.now,
	) {
		this.memory = memoryOf(scope);
		const stored = readStored(staticData);
		for (const id of stored.done) if (!this.memory.done.has(id)) this.memory.done.add(id);
		for (const wait of stored.entries) if (!this.memory.done.has(wait.id) && !this.memory.entries.has(wait.id)) this.memory.entries.set(wait.id, wait);
		this.prune();
	}

	/** A wait whose time limit passed is over: n8n continues its execution on "No Reply". */
	private prune(): void {
		const now = this.now();
		for (const [id, wait] of this.memory.entries) if (wait.expiresAt <= now) this.memory.entries.delete(id);
	}

	get size(): number {
		return this.memory.entries.size;
	}

	/** 'done': this wait was already replied to or cancelled (a late repeat of its registration). */
	register(wait: WaitRegistration): 'registered' | 'done' | 'full' {
		if (this.memory.done.has(wait.id)) return 'done';
		if (!this.memory.entries.has(wait.id) && this.memory.entries.size >= MAX_WAITS) return 'full';
		this.memory.entries.set(wait.id, wait);
		return 'registered';
	}

	cancel(id: string): void {
		this.memory.entries.delete(id);
		this.memory.done.add(id);
	}

	/** The newest live wait for any of these conversation keys (a customer answers the last question asked). */
	find(keys: string[]): WaitRegistration | undefined {
		this.prune();
		let newest: WaitRegistration | undefined;
		for (const wait of this.memory.entries.values()) {
			if (keys.includes(wait.conversation) && (!newest || wait.registeredAt > newest.registeredAt)) newest = wait;
		}
		return newest;
	}

	/** Takes the wait: true for exactly one caller in this process. */
	claim(id: string): boolean {
		if (!this.memory.entries.delete(id)) return false;
		this.memory.done.add(id);
		return true;
	}

	/**
	 * Writes the merged state into this call's static data when it differs from what the call loaded. A wait does
	 * not change once registered, so ids tell the state without comparing contents.
	 */
	save(): void {
		this.prune();
		const state: Stored = { entries: [...this.memory.entries.values()], done: this.memory.done.list() };
		if (fingerprint(readStored(this.staticData)) !== fingerprint(state)) this.staticData[WAITS_KEY] = state as unknown as IDataObject;
	}
}

function fingerprint({ entries, done }: Stored): string {
	return `${entries.map((wait) => wait.id).sort().join(',')}|${done.length}:${done.at(-1) ?? ''}`;
}
