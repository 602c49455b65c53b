/**
 * "Combine Messages Sent Within": messages from one sender within a quiet period start one execution after it.
 *
 * Timers are not allowed in nodes, so the webhook call that brings a sender's first message collects the burst:
 * it answers the provider at once like every call, then sleeps (n8n-workflow's `sleep`) until the sender has been
 * quiet for the window, and returns the whole burst as its execution. Calls bringing later messages of that burst
 * are answered at once too and start nothing. A burst ends at its quiet period, at 100 messages, or 5 minutes after
 * its first message, whichever comes first.
 *
 * Open bursts live in this process's memory and in the trigger's static data, so that a burst cut off by a restart
 * is not lost: the next delivery to the trigger (from anyone) finds it and starts its execution.
 */
import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RecentIds, ScopedMemories } from '../memory';
import type { TriggerEvent } from './receive';

export const MAX_BURST_MESSAGES = 100;
export const MAX_BURST_MS = 5 * 60_000;
/** A burst of another process is only taken over this long after it should have ended. */
const ORPHAN_GRACE_MS = 30_000;
/** Bursts end within minutes: the last ids taken are enough to never take one twice. */
const MAX_DONE = 200;
export const BURSTS_KEY = 'combineBursts';

/** Identifies this n8n process: a burst it did not open and does not hold was cut off elsewhere (or before a restart). */
const PROCESS_ID = randomUUID();

export interface Burst {
	id: string;
	sender: string;
	events: TriggerEvent[];
	firstAt: number;
	lastAt: number;
	owner: string;
}

interface Memory {
	/** The open burst of each sender. */
	open: Map<string, Burst>;
	/** Bursts being collected, by id (open or full). */
	held: Map<string, Burst>;
	done: RecentIds;
}

interface Stored {
	bursts: Burst[];
	done: string[];
}

const memories = new ScopedMemories<Memory>();
const memoryOf = (scope: string): Memory => memories.of(scope, () => ({ open: new Map(), held: new Map(), done: new RecentIds(MAX_DONE) }));

function readStored(staticData: IDataObject): Stored {
	const stored = staticData[BURSTS_KEY] as Partial<Stored> | undefined;
	const isBurst = (value: unknown): value is Burst => typeof (value as Burst)?.id === 'string' && Array.isArray((value as Burst).events);
	return {
		bursts: Array.isArray(stored?.bursts) ? stored.bursts.filter(isBurst) : [],
		done: Array.isArray(stored?.done) ? stored.done.filter((id): id is string => typeof id === 'string') : [],
	};
}

export class BurstDesk {
	private readonly memory: Memory;
	/** Bursts of other processes (or of before a restart) that this one has not taken over. */
	private readonly foreign: Burst[];

	constructor(
		private readonly staticData: IDataObject,
		scope: string,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {
		this.memory = memoryOf(scope);
		const stored = readStored(staticData);
		for (const id of stored.done) if (!this.memory.done.has(id)) this.memory.done.add(id);
		this.foreign = stored.bursts.filter((burst) => !this.memory.done.has(burst.id) && !this.memory.held.has(burst.id));
	}

	/** Adds message events to their senders' bursts; returns the bursts this call opened (and must collect). */
	join(events: Array<{ sender: string; event: TriggerEvent }>): Burst[] {
		const opened: Burst[] = [];
		const now = this.now();
		for (const { sender, event } of events) {
			let burst = this.memory.open.get(sender);
			if (!burst || burst.events.length >= MAX_BURST_MESSAGES || now - burst.firstAt >= MAX_BURST_MS) {
				burst = { id: randomUUID(), sender, events: [], firstAt: now, lastAt: now, owner: PROCESS_ID };
				this.memory.open.set(sender, burst);
				this.memory.held.set(burst.id, burst);
				opened.push(burst);
			}
			burst.events.push(event);
			burst.lastAt = now;
		}
		return opened;
	}

	/** Bursts cut off by a restart (or left by another process) whose time is long past: taken over, once. */
	adoptOrphans(): Burst[] {
		const due = this.now() - this.windowMs - ORPHAN_GRACE_MS;
		const orphans = this.foreign.filter((burst) => burst.owner !== PROCESS_ID && burst.lastAt <= due && !this.memory.done.has(burst.id));
		for (const orphan of orphans) this.memory.done.add(orphan.id);
		return orphans;
	}

	private dueAt(burst: Burst): number {
		if (burst.events.length >= MAX_BURST_MESSAGES) return 0;
		return Math.min(burst.lastAt + this.windowMs, burst.firstAt + MAX_BURST_MS);
	}

	/** Sleeps until every one of `bursts` has had its quiet period (or is full, or too long). */
	async untilQuiet(bursts: Burst[]): Promise<void> {
		// Each round sleeps until the latest end known then; only a new message adds a round.
		for (let round = 0; round <= MAX_BURST_MESSAGES * bursts.length + 1; round++) {
			const remaining = Math.max(...bursts.map((burst) => this.dueAt(burst))) - this.now();
			if (remaining <= 0) return;
			await sleep(remaining);
		}
	}

	/** Closes `bursts` (synchronously, so a message arriving now opens a new one) and records them as done. */
	take(bursts: Burst[]): Burst[] {
		for (const burst of bursts) {
			if (this.memory.open.get(burst.sender) === burst) this.memory.open.delete(burst.sender);
			this.memory.held.delete(burst.id);
			this.memory.done.add(burst.id);
		}
		return bursts;
	}

	/**
	 * Writes the bursts still being collected (this process's and untaken foreign ones) into this call's copy, when
	 * it holds another state. A burst only grows, so its id and size tell its state without comparing contents.
	 */
	save(): void {
		const state: Stored = { bursts: [...this.memory.held.values(), ...this.foreign.filter((burst) => !this.memory.done.has(burst.id))], done: this.memory.done.list() };
		if (fingerprint(readStored(this.staticData)) !== fingerprint(state)) this.staticData[BURSTS_KEY] = state as unknown as IDataObject;
	}
}

function fingerprint({ bursts, done }: Stored): string {
	const held = bursts.map((burst) => `${burst.id}:${burst.events.length}`).sort();
	return `${held.join(',')}|${done.length}:${done.at(-1) ?? ''}`;
}
