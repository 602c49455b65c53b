/** Injected faults and latency: what a flaky provider or network does to a client. */
import { STATUS_CODES } from 'node:http';
import { json, text, type Reply } from './provider';
import { matches, type MatchTarget, type RequestMatch } from './routing';
import type { Fault } from './types';

/** What the server does instead of (or before) answering normally. */
export type FaultEffect = { reply: Reply } | { reset: true } | { delayMs: number } | { expireTokens: true };

export function describeFault(fault: Fault): string {
	switch (fault.kind) {
		case 'status':
			return `status ${fault.status}`;
		case 'html':
			return `html ${fault.status ?? 502}`;
		case 'empty':
			return `empty ${fault.status ?? 200}`;
		case 'delay':
			return `delay ${fault.ms}ms`;
		default:
			return fault.kind;
	}
}

function htmlErrorPage(status: number): string {
	const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function faultEffect(fault: Fault): FaultEffect {
	switch (fault.kind) {
		case 'status': {
			const headers =
				fault.retryAfter === undefined ? undefined : { 'Retry-After': String(fault.retryAfter) };
			return {
				reply: json(
					fault.status,
					fault.body ?? { message: STATUS_CODES[fault.status] ?? 'Error' },
					headers,
				),
			};
		}
		case 'reset':
			return { reset: true };
		case 'malformed':
			return {
				reply: text(200, '{"message": [{"id": "cut off', 'application/json; charset=utf-8'),
			};
		case 'html': {
			const status = fault.status ?? 502;
			return { reply: text(status, htmlErrorPage(status), 'text/html') };
		}
		case 'empty':
			return { reply: text(fault.status ?? 200, '', 'application/json; charset=utf-8') };
		case 'delay':
			return { delayMs: fault.ms };
		case 'expire-tokens':
			return { expireTokens: true };
	}
}

export interface LatencyOptions {
	/**
	 * Answers a recipient's first request slowest: the first capture group of this pattern, applied to the raw
	 * body, names the recipient (e.g. /"to":"([^"]+)"/). Messages sent out of order then arrive out of order.
	 */
	slowFirstPer?: RegExp;
}

interface LatencyRule extends LatencyOptions {
	ms: number;
	match?: RequestMatch;
	/** Requests seen so far per recipient. */
	seen: Map<string, number>;
}

export class FaultRules {
	private pending: Array<{ fault: Fault; remaining: number; toSkip: number }> = [];
	private latency: LatencyRule[] = [];

	inject(fault: Fault): void {
		if (!Number.isInteger(fault.times) || fault.times < 1) {
			throw new RangeError(`Fault 'times' must be a positive integer, got ${fault.times}`);
		}
		const skip = fault.skip ?? 0;
		if (!Number.isInteger(skip) || skip < 0) {
			throw new RangeError(`Fault 'skip' must be a non-negative integer, got ${fault.skip}`);
		}
		this.pending.push({ fault, remaining: fault.times, toSkip: skip });
	}

	/**
	 * The first pending fault that matches, used up by one. A fault still skipping lets the request pass it by
	 * (a later fault may still take it).
	 */
	take(target: MatchTarget): Fault | undefined {
		let entry: (typeof this.pending)[number] | undefined;
		for (const candidate of this.pending) {
			if (!matches(candidate.fault.match, target)) continue;
			if (candidate.toSkip > 0) {
				candidate.toSkip -= 1;
				continue;
			}
			entry = candidate;
			break;
		}
		if (!entry) return undefined;
		entry.remaining -= 1;
		if (entry.remaining === 0)
			this.pending = this.pending.filter((candidate) => candidate !== entry);
		return entry.fault;
	}

	setLatency(ms: number, match?: RequestMatch, options: LatencyOptions = {}): void {
		const sameMatch = (rule: { match?: RequestMatch }) =>
			rule.match?.provider === match?.provider &&
			String(rule.match?.route) === String(match?.route);
		this.latency = this.latency.filter((rule) => !sameMatch(rule));
		if (ms > 0) this.latency.push({ ms, match, slowFirstPer: options.slowFirstPer, seen: new Map() });
	}

	/**
	 * The latency of the rule that matches last. With `slowFirstPer`, the n-th request (from 0) of one recipient
	 * waits ms / (n + 1): sent side by side, a recipient's later messages would overtake its first.
	 */
	latencyFor(target: MatchTarget): number {
		const rule = [...this.latency].reverse().find((candidate) => matches(candidate.match, target));
		if (!rule?.slowFirstPer) return rule?.ms ?? 0;
		rule.slowFirstPer.lastIndex = 0;
		const recipient = rule.slowFirstPer.exec(target.body ?? '')?.[1] ?? '';
		const earlier = rule.seen.get(recipient) ?? 0;
		rule.seen.set(recipient, earlier + 1);
		return Math.round(rule.ms / (earlier + 1));
	}

	clearFaults(): void {
		this.pending = [];
	}

	clear(): void {
		this.pending = [];
		this.latency = [];
	}
}
