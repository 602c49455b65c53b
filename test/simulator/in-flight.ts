/**
 * Per-route in-flight limits: a provider that takes only N requests at once and answers 429 beyond, as real
 * rate limiters do, so clients can be tested (and benchmarked) on finding that limit themselves.
 */
import { json, type Reply } from './provider';
import { matches, type MatchTarget, type RequestMatch } from './routing';

interface LimitRule {
	limit: number;
	match?: RequestMatch;
	inFlight: number;
}

export class InFlightLimits {
	private rules: LimitRule[] = [];

	/** 0 removes the rule with the same match. */
	set(limit: number, match?: RequestMatch): void {
		if (!Number.isInteger(limit) || limit < 0) {
			throw new RangeError(`An in-flight limit must be a non-negative integer, got ${limit}`);
		}
		const sameMatch = (rule: LimitRule) =>
			rule.match?.provider === match?.provider &&
			rule.match?.method === match?.method &&
			String(rule.match?.route) === String(match?.route);
		this.rules = this.rules.filter((rule) => !sameMatch(rule));
		if (limit > 0) this.rules.push({ limit, match, inFlight: 0 });
	}

	/**
	 * Admits the request under every matching rule, or refuses it with a 429 when one is full.
	 * An admitted request must call `leave` once it has been answered (or dropped).
	 */
	enter(target: MatchTarget): { leave: () => void } | { refused: Reply } {
		const applying = this.rules.filter((rule) => matches(rule.match, target));
		const full = applying.find((rule) => rule.inFlight >= rule.limit);
		if (full) {
			return {
				refused: json(429, { message: `Too many requests in flight (at most ${full.limit})` }),
			};
		}
		for (const rule of applying) rule.inFlight++;
		let left = false;
		return {
			leave: () => {
				if (left) return;
				left = true;
				for (const rule of applying) rule.inFlight--;
			},
		};
	}

	clear(): void {
		this.rules = [];
	}
}
