/** The simulator's public API, as tests, benchmarks and `npm start` use it. */
import type { SimulatorSizes } from './provider';
import type { RequestMatch } from './routing';

export type { RequestMatch } from './routing';
export type { SimulatorSizes } from './provider';

export interface SimulatorOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Same seed, same data. Default 1. */
	seed?: number;
	sizes?: SimulatorSizes;
	/** Lifetime of issued session tokens; fractions allowed. Default 3600. */
	tokenTtlSeconds?: number;
	/** When false, prints one line per request (the CLI does this). Default true. */
	quiet?: boolean;
}

export interface RequestLogEntry {
	/** Undefined when the path matched no provider. */
	provider?: string;
	/** The route label, e.g. 'POST /IrisEngage_API/api/GetContent'; undefined when no route matched. */
	route?: string;
	method: string;
	/** Full path with query string, as received (secret-looking query values redacted). */
	path: string;
	/** Request headers; credential headers hold '[redacted]'. */
	headers: Record<string, string>;
	/** Parsed JSON or raw text, with secret-looking fields redacted. */
	body: unknown;
	/** 0 when the simulator answered nothing (a 'reset' fault). */
	status: number;
	/** Arrival time, epoch milliseconds. */
	at: number;
	/** The injected fault that shaped the answer, e.g. 'status 429', 'reset'. */
	fault?: string;
	/** The credential scheme the request presented, e.g. 'Bearer'. */
	authScheme?: string;
	/** Which issued token the request presented (issue order from 0), valid or not. */
	tokenId?: number;
}

export interface LogFilter extends RequestMatch {
	status?: number;
}

export type Fault = { match?: RequestMatch; times: number } & (
	| { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
	/** Destroys the connection without answering, after the request body arrived. */
	| { kind: 'reset' }
	/** 200 with a JSON content type and a body that does not parse. */
	| { kind: 'malformed' }
	/** A proxy's HTML error page, 502 unless told otherwise. */
	| { kind: 'html'; status?: number }
	/** Answers normally, ms later. */
	| { kind: 'delay'; ms: number }
);

export interface ProviderInfo {
	baseUrl: string;
	credentials: Record<string, string>;
}

export interface Simulator {
	/** http://127.0.0.1:PORT */
	url: string;
	providers: Record<string, ProviderInfo>;
	log: RequestLogEntry[];
	count(filter?: LogFilter): number;
	clearLog(): void;
	/** Shapes the answer to the next `times` requests that match. Faults are used in the order injected. */
	injectFault(fault: Fault): void;
	clearFaults(): void;
	/** Delays every matching answer by ms (0 removes the rule); a later rule wins over an earlier one. */
	setLatency(ms: number, match?: Omit<RequestMatch, 'method'>): void;
	/** Every token issued so far (by one provider, or all) is refused with 401 from now on. */
	expireTokens(provider?: string): void;
	/** Clears the log, faults, latency and tokens; the data stays as seeded. */
	reset(): void;
	close(): Promise<void>;
}
