/**
 * What went wrong with one HTTP attempt, read from whatever n8n's request helpers threw
 * (a NodeApiError wrapping an axios-style error, or the bare error). Walks the `cause` chain
 * because n8n wraps the transport error once or twice before it reaches us.
 */
export interface RequestFailure {
	status?: number;
	/** Node's socket error code, e.g. ECONNRESET, ECONNREFUSED, ETIMEDOUT. */
	code?: string;
	retryAfterMs?: number;
	/** The provider's answer, parsed when it was JSON, else the raw text. */
	body?: unknown;
	contentType?: string;
}

/** Codes that prove the request never reached the provider: safe to retry even for a send. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Codes of transport failures that may have happened after the request went out. */
const AMBIGUOUS_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

type Level = Record<string, unknown>;

/** Node's socket codes (ECONNRESET…), not axios's own (ERR_BAD_RESPONSE), which only restate the status. */
function isSocketCode(code: string): boolean {
	return /^E[A-Z]+$/.test(code) || NOT_SENT_CODES.has(code) || AMBIGUOUS_CODES.has(code);
}

function levelsOf(error: unknown): Level[] {
	const levels: Level[] = [];
	let current: unknown = error;
	// Bounded: causes are a short chain, but a cyclic one must not hang us.
	for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
		levels.push(current as Level);
		current = (current as Level).cause;
	}
	return levels;
}

function asStatus(value: unknown): number | undefined {
	const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
	return typeof status === 'number' && status >= 100 && status <= 599 ? status : undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	const bag = headers as Record<string, unknown> & { get?: (n: string) => unknown };
	const value = typeof bag.get === 'function' ? bag.get(name) : bag[name] ?? bag[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * An error carrying a RequestFailure under a key n8n's error wrapping does not interpret, so n8n neither
 * replaces its message with a generic status text nor exposes the raw response; describeFailure reads it back.
 */
export function errorWithFailure(message: string, failure: RequestFailure): Error {
	return Object.assign(new Error(message), { requestFailure: failure });
}

export function describeFailure(error: unknown): RequestFailure {
	const failure: RequestFailure = {};
	for (const level of levelsOf(error)) {
		const carried = level.requestFailure as RequestFailure | undefined;
		for (const [key, value] of Object.entries(carried ?? {}) as Array<[keyof RequestFailure, never]>) {
			failure[key] ??= value;
		}
		const response = (level.response ?? undefined) as Level | undefined;
		failure.status ??= asStatus(response?.status) ?? asStatus(level.httpCode);
		if (typeof level.code === 'string' && isSocketCode(level.code)) failure.code ??= level.code;
		if (response) {
			failure.retryAfterMs ??= parseRetryAfter(headerOf(response.headers, 'retry-after'));
			failure.contentType ??= headerOf(response.headers, 'content-type');
			if (failure.body === undefined && response.data !== undefined) failure.body = response.data;
		}
	}
	return failure;
}

/** The request certainly did not reach the provider, or the provider said it did not take it. */
export function providerDidNotTakeIt(failure: RequestFailure): boolean {
	if (failure.status === 429 || failure.status === 503) return true;
	return failure.status === undefined && failure.code !== undefined && NOT_SENT_CODES.has(failure.code);
}

/**
 * Whether a send that failed may still have reached the provider: no answer (reset, timeout), a server error, or
 * a 2xx we could not read. A refusal (4xx) or a failure before sending proves it did not.
 */
export function sendMayHaveArrived(failure: RequestFailure): boolean {
	if (providerDidNotTakeIt(failure)) return false;
	const { status } = failure;
	return status === undefined || status === 408 || status >= 500 || (status >= 200 && status < 300);
}

/** The provider asks us to slow down: the adaptive limiter shrinks on these. */
export function isThrottle(failure: RequestFailure): boolean {
	return failure.status === 429 || failure.status === 503;
}

/** Worth another try for a read (reads are idempotent): throttling, a server or gateway error, or a transport failure. */
export function isTransient(failure: RequestFailure): boolean {
	if (failure.status !== undefined) return [408, 429, 500, 502, 503, 504].includes(failure.status);
	return failure.code !== undefined && (NOT_SENT_CODES.has(failure.code) || AMBIGUOUS_CODES.has(failure.code));
}
