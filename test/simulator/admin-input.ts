/**
 * Turns admin API input (query strings, JSON bodies) into the in-process API's types, or a BadInput with
 * a message that says what was wrong. Routes arrive as regex source strings, since JSON has no RegExp.
 */
import type { RequestMatch } from './routing';
import type { Fault, LatencyOptions, LogFilter, SendWebhookOptions } from './types';

/** Answered with 400 `{ message }`. */
export class BadInput extends Error {}

export type AdminLogFilter = LogFilter & { since?: number };

type JsonObject = Record<string, unknown>;

export function object(value: unknown, what: string): JsonObject {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new BadInput(`${what} must be a JSON object`);
	return value as JsonObject;
}

function optionalString(value: unknown, name: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value === '')
		throw new BadInput(`${name} must be a non-empty string`);
	return value;
}

function optionalNumber(
	value: unknown,
	name: string,
	check: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
	if (value === undefined) return undefined;
	const { integer = false, min = 0, max = Number.MAX_SAFE_INTEGER } = check;
	if (
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		(integer && !Number.isInteger(value)) ||
		value < min ||
		value > max
	) {
		throw new BadInput(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
	}
	return value;
}

function required<T>(value: T | undefined, name: string): T {
	if (value === undefined) throw new BadInput(`${name} is required`);
	return value;
}

function regex(source: string | undefined, name: string): RegExp | undefined {
	if (source === undefined) return undefined;
	try {
		return new RegExp(source);
	} catch (error) {
		throw new BadInput(`${name} is not a valid regular expression: ${(error as Error).message}`);
	}
}

/** A query value as a number, where `?status=abc` must be refused rather than ignored. */
function queryNumber(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	return raw === null || raw === '' ? undefined : optionalNumber(Number(raw), name, { integer: true });
}

export function filterFromQuery(query: URLSearchParams): AdminLogFilter {
	const text = (name: string) => query.get(name) || undefined;
	return {
		provider: text('provider'),
		route: regex(text('route'), 'route'),
		method: text('method'),
		status: queryNumber(query, 'status'),
		since: queryNumber(query, 'since'),
	};
}

export function matchFromJson(value: unknown): RequestMatch | undefined {
	if (value === undefined) return undefined;
	const match = object(value, 'match');
	return {
		provider: optionalString(match.provider, 'match.provider'),
		route: regex(optionalString(match.route, 'match.route'), 'match.route'),
		method: optionalString(match.method, 'match.method'),
		body: regex(optionalString(match.body, 'match.body'), 'match.body'),
	};
}

const STATUS = { integer: true, min: 100, max: 599 };

export function faultFromJson(value: unknown): Fault {
	const body = object(value, 'A fault');
	const match = matchFromJson(body.match);
	const times = required(optionalNumber(body.times, 'times', { integer: true, min: 1 }), 'times');
	const skip = optionalNumber(body.skip, 'skip', { integer: true });
	const common = { times, match, ...(skip === undefined ? {} : { skip }) };
	switch (body.kind) {
		case 'status':
			return {
				kind: 'status',
				status: required(optionalNumber(body.status, 'status', STATUS), 'status'),
				retryAfter: optionalNumber(body.retryAfter, 'retryAfter'),
				body: body.body,
				...common,
			};
		case 'html':
		case 'empty':
			return { kind: body.kind, status: optionalNumber(body.status, 'status', STATUS), ...common };
		case 'delay':
			return { kind: 'delay', ms: required(optionalNumber(body.ms, 'ms'), 'ms'), ...common };
		case 'reset':
		case 'malformed':
		case 'expire-tokens':
			return { kind: body.kind, ...common };
		default:
			throw new BadInput(
				`kind must be one of status, reset, malformed, html, empty, delay, expire-tokens; got ${JSON.stringify(body.kind)}`,
			);
	}
}

export function latencyFromJson(value: unknown): {
	ms: number;
	match?: Omit<RequestMatch, 'method'>;
	options: LatencyOptions;
} {
	const body = object(value, 'A latency rule');
	const match = matchFromJson(body.match);
	if (match?.method !== undefined) throw new BadInput('Latency rules cannot match on method');
	const slowFirstPer = optionalString(body.slowFirstPer, 'slowFirstPer');
	return {
		ms: required(optionalNumber(body.ms, 'ms'), 'ms'),
		match,
		options: { slowFirstPer: regex(slowFirstPer, 'slowFirstPer') },
	};
}

export function inFlightLimitFromJson(value: unknown): { limit: number; match?: RequestMatch } {
	const body = object(value, 'An in-flight limit');
	const limit = required(optionalNumber(body.limit, 'limit', { integer: true }), 'limit');
	return { limit, match: matchFromJson(body.match) };
}

export function providerFromJson(value: unknown, known: string[]): string | undefined {
	const provider = optionalString(object(value ?? {}, 'The body').provider, 'provider');
	if (provider !== undefined && !known.includes(provider))
		throw new BadInput(`No simulated provider named '${provider}'`);
	return provider;
}

export function webhookCallFromJson(value: unknown): { url: string; options: SendWebhookOptions } {
	const body = object(value, 'A webhook call');
	const url = required(optionalString(body.url, 'url'), 'url');
	const headers = body.headers === undefined ? undefined : object(body.headers, 'headers');
	if (headers && Object.values(headers).some((header) => typeof header !== 'string'))
		throw new BadInput('Header values must be strings');
	if (body.method !== undefined && body.method !== 'POST' && body.method !== 'PUT')
		throw new BadInput('method must be POST or PUT');
	return {
		url,
		options: {
			body: body.body,
			headers: headers as Record<string, string> | undefined,
			method: body.method,
			provider: optionalString(body.provider, 'provider'),
			timeoutMs: optionalNumber(body.timeoutMs, 'timeoutMs', { min: 1 }),
		},
	};
}
