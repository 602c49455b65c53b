/**
 * Adaptive limit of provider requests in flight (AIMD with slow start, as TCP does for packets).
 *
 * A node does not know how much a provider can take, so it finds out: the window starts at a modest size and
 * grows by two per success (tripling every round trip) until the first throttle, then by one per round trip, and
 * more slowly near the level that was last throttled, so it does not keep knocking at a limit it already found.
 * A throttle (429/503) shrinks the window to what the provider evidently holds (the requests sent before the
 * throttled one and still out), by at least one and at most by half, once per congestion event: requests already
 * out when the window shrank do not shrink it again. The window never exceeds the user's upper bound.
 * Waiting requests are released by completions only, never by a clock: the one timer (n8n-workflow's `sleep(0)`)
 * only lets the answers already arrived be taken first (see `scheduleAdmission`).
 */
import { sleep } from 'n8n-workflow';

export type RequestOutcome = 'ok' | 'throttled' | 'failed';

/** One admitted request; `release` it exactly once, with what happened. */
export interface Slot {
	release(outcome: RequestOutcome): void;
}

export const INITIAL_WINDOW = 20;

export interface LearnedLimit {
	window: number;
	ceiling: number;
}
/** Near the last throttled level, the window grows this many times more slowly. */
const CAUTION = 4;
/** Per success before the first throttle: the window triples every round trip. */
const SLOW_START_GROWTH = 2;

/** Raised to requests still waiting when the execution has already failed: they are not sent at all. */
export class LimiterClosedError extends Error {
	constructor() {
		super('Not sent: an earlier item failed the node');
	}
}

export class AdaptiveLimiter {
	/** Current window; fractional during additive increase. */
	private window: number;
	/** Slow start ends here (unknown until the first throttle). */
	private threshold = Number.POSITIVE_INFINITY;
	private inFlight = 0;
	/** Tickets are handed out in admission order; throttles of requests admitted before `reactedAt` are ignored. */
	private nextTicket = 0;
	private reactedAt = 0;
	/** Tickets of the requests out now. */
	private readonly out = new Set<number>();
	/** The window when the provider last throttled us. */
	private ceiling = Number.POSITIVE_INFINITY;
	private readonly waiting: Array<{ admit: () => void; refuse: (error: Error) => void }> = [];
	/** Callers of `nextCompletion`, woken by the next release. */
	private completionWaiters: Array<() => void> = [];
	private closed = false;
	private admissionScheduled = false;
	/** The most requests ever in flight at once, for tests and benchmarks. */
	peak = 0;
	/** The window an earlier execution's experience started this one at (0: none). */
	private resumedAt = 0;

	constructor(readonly max: number, initial = INITIAL_WINDOW) {
		if (!Number.isInteger(max) || max < 1) throw new RangeError(`The request limit must be an integer of at least 1, got ${String(max)}`);
		this.window = Math.min(max, Math.max(1, initial));
	}

	/** Requests of this execution still out at the provider. */
	get outstanding(): number {
		return this.inFlight;
	}

	get limit(): number {
		return Math.max(1, Math.floor(this.window));
	}

	/**
	 * What this limiter found out about the provider: after a throttle, the window it settled on and the level that
	 * was refused; without one, how many requests the provider held at once without complaint (when more than the
	 * initial window: a provider that took more need not be slow-started again).
	 */
	get learned(): LearnedLimit | undefined {
		if (this.ceiling !== Number.POSITIVE_INFINITY) return { window: this.limit, ceiling: this.ceiling };
		const held = Math.max(this.peak, this.resumedAt);
		return held > INITIAL_WINDOW ? { window: held, ceiling: Number.POSITIVE_INFINITY } : undefined;
	}

	/**
	 * Starts where an earlier execution against the same provider left off, at its window: after a throttle,
	 * growing by one per round trip and cautiously near the level that was refused, instead of slow-starting into
	 * the same 429s; without one, slow-starting from there.
	 */
	resumeFrom(known: LearnedLimit): this {
		this.window = Math.min(this.max, Math.max(1, known.window));
		this.resumedAt = this.window;
		if (known.ceiling !== Number.POSITIVE_INFINITY) {
			this.threshold = this.window;
			this.ceiling = known.ceiling;
		}
		return this;
	}

	/** Resolves once the request may go out; waiters are admitted in the order they asked. */
	async acquire(): Promise<Slot> {
		if (this.closed) throw new LimiterClosedError();
		if (this.waiting.length > 0 || this.inFlight >= this.limit) {
			await new Promise<void>((admit, refuse) => this.waiting.push({ admit, refuse }));
		} else {
			this.inFlight++;
		}
		return this.admitted();
	}

	private admitted(): Slot {
		this.peak = Math.max(this.peak, this.inFlight);
		const ticket = this.nextTicket++;
		this.out.add(ticket);
		let released = false;
		return {
			release: (outcome) => {
				if (released) return;
				released = true;
				this.inFlight--;
				this.out.delete(ticket);
				this.adapt(outcome, ticket);
				this.scheduleAdmission();
				this.wakeCompletionWaiters();
			},
		};
	}

	private adapt(outcome: RequestOutcome, ticket: number): void {
		if (outcome === 'ok') {
			if (this.window < this.threshold) this.window += SLOW_START_GROWTH;
			else this.window += 1 / (this.window * (this.window + 1 >= this.ceiling ? CAUTION : 1));
			this.window = Math.min(this.window, this.max);
		} else if (outcome === 'throttled' && ticket >= this.reactedAt) {
			// The requests sent before this one and still out are what the provider holds (later ones may be refused
			// too): shrink to that, by at least one and at most by half.
			let heldByProvider = 0;
			for (const other of this.out) if (other < ticket) heldByProvider++;
			this.ceiling = this.limit;
			this.window = Math.max(1, Math.floor(this.limit / 2), Math.min(heldByProvider, this.limit - 1));
			this.threshold = this.window;
			this.reactedAt = this.nextTicket;
		}
	}

	/**
	 * Waiting requests are admitted once the event loop has taken every answer that has arrived, not in the middle
	 * of the one that freed the room: a request started there (about 1 ms of n8n's request helper) would hold up the
	 * answers behind it, and so the room they free. Measured: 1,000 sends to a provider taking 20 at once went from
	 * about 67 to 55 ms per request (a 50 ms provider) and from 1.45x to 1.18x the ideal.
	 */
	private scheduleAdmission(): void {
		if (this.admissionScheduled) return;
		this.admissionScheduled = true;
		// n8n's `sleep` (a timer: the globals that yield to I/O are not allowed in community nodes) runs after the
		// answers the event loop holds now.
		void sleep(0).then(() => {
			this.admissionScheduled = false;
			this.admitWaiting();
		});
	}

	private admitWaiting(): void {
		while (this.waiting.length > 0 && this.inFlight < this.limit) {
			this.inFlight++;
			this.waiting.shift()?.admit();
		}
	}

	/**
	 * Resolves when one of the requests out now finishes (at once when none is out or the limiter is closed): a
	 * request the provider throttled while ours were out waits here for room at the provider, not on a timer.
	 */
	async nextCompletion(): Promise<void> {
		if (this.inFlight === 0 || this.closed) return;
		await new Promise<void>((resolve) => this.completionWaiters.push(resolve));
	}

	private wakeCompletionWaiters(): void {
		const waiters = this.completionWaiters;
		this.completionWaiters = [];
		for (const wake of waiters) wake();
	}

	/** Refuses every waiting and later request; those already out finish normally. */
	close(): void {
		this.closed = true;
		for (const waiter of this.waiting.splice(0)) waiter.refuse(new LimiterClosedError());
		this.wakeCompletionWaiters();
	}
}
