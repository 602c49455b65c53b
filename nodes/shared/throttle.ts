/**
 * Adaptive limit of provider requests in flight (AIMD with slow start, as TCP does for packets).
 *
 * A node does not know how much a provider can take, so it finds out: the window starts small, grows by one per
 * success (doubling every round trip) until the first throttle, then by one per round trip. A throttle (429/503)
 * shrinks the window to the highest concurrency that last succeeded, once per congestion event: requests that were
 * already out when the window shrank do not shrink it again. The window never exceeds the user's upper bound.
 * No timers: waiting requests are released by completions only (timers are banned globals in n8n Cloud).
 */

export type RequestOutcome = 'ok' | 'throttled' | 'failed';

/** One admitted request; `release` it exactly once, with what happened. */
export interface Slot {
	release(outcome: RequestOutcome): void;
}

export const INITIAL_WINDOW = 8;

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
	/** Highest in-flight count (at admission) among successes since the last decrease. */
	private goodLevel = 0;
	private readonly waiting: Array<{ admit: () => void; refuse: (error: Error) => void }> = [];
	private closed = false;
	/** The most requests ever in flight at once, for tests and benchmarks. */
	peak = 0;

	constructor(readonly max: number, initial = INITIAL_WINDOW) {
		if (!Number.isInteger(max) || max < 1) throw new RangeError(`The request limit must be an integer of at least 1, got ${String(max)}`);
		this.window = Math.min(max, Math.max(1, initial));
	}

	get limit(): number {
		return Math.max(1, Math.floor(this.window));
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
		const level = this.inFlight;
		let released = false;
		return {
			release: (outcome) => {
				if (released) return;
				released = true;
				this.inFlight--;
				this.adapt(outcome, ticket, level);
				this.admitWaiting();
			},
		};
	}

	private adapt(outcome: RequestOutcome, ticket: number, level: number): void {
		if (outcome === 'ok') {
			this.goodLevel = Math.max(this.goodLevel, level);
			this.window += this.window < this.threshold ? 1 : 1 / this.window;
			this.window = Math.min(this.window, this.max);
		} else if (outcome === 'throttled' && ticket >= this.reactedAt) {
			// Shrink to what last worked, at least by one, at most to half when nothing worked since the last decrease.
			const target = this.goodLevel > 0 ? this.goodLevel : Math.floor(this.window / 2);
			this.window = Math.max(1, Math.min(target, this.limit - 1));
			this.threshold = this.window;
			this.goodLevel = 0;
			this.reactedAt = this.nextTicket;
		}
	}

	private admitWaiting(): void {
		while (this.waiting.length > 0 && this.inFlight < this.limit) {
			this.inFlight++;
			this.waiting.shift()?.admit();
		}
	}

	/** Refuses every waiting and later request; those already out finish normally. */
	close(): void {
		this.closed = true;
		for (const waiter of this.waiting.splice(0)) waiter.refuse(new LimiterClosedError());
	}
}
