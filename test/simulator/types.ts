/** The simulator's public API, as tests, benchmarks and `npm start` use it. */
import type { SimulatorSizes, SimulatorVariants } from './provider';
import type { LatencyOptions } from './faults';
import type { RequestMatch } from './routing';

export type { LatencyOptions } from './faults';

export type { RequestMatch } from './routing';
export type { SimulatorSizes, SimulatorVariants } from './provider';

export interface SimulatorOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Same seed, same data. Default 1. */
	seed?: number;
	sizes?: SimulatorSizes;
	/** Which reading a provider serves where its spec allows several (see SimulatorVariants). */
	variants?: SimulatorVariants;
	/** Lifetime of issued session tokens; fractions allowed. Default 3600. */
	tokenTtlSeconds?: number;
	/** When false, prints one line per request (the CLI does this). Default true. */
	quiet?: boolean;
	/**
	 * Default true: every provider holds us to the literal reading of its spec, as an independent server written
	 * from the spec alone would (each required field present and typed, the spec's exact paths, the variants it
	 * allows served, undocumented input refused). false relaxes only what a literal reading adds over the
	 * evident intent, to see how the nodes meet a lenient server (`npm run simulator -- --lenient`).
	 */
	strict?: boolean;
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
	/** When the answer went out (or the connection was dropped), epoch milliseconds; unset while in flight. */
	answeredAt?: number;
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

export type Fault = {
	match?: RequestMatch;
	times: number;
	/** Lets this many matching requests through first (default 0): "from the second request on". */
	skip?: number;
} & (
	| { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
	/** Destroys the connection without answering, after the request body arrived. */
	| { kind: 'reset' }
	/** 200 with a JSON content type and a body that does not parse. */
	| { kind: 'malformed' }
	/** A status (200 unless told otherwise) with a JSON content type and no body at all. */
	| { kind: 'empty'; status?: number }
	/**
	 * The provider's session tokens expire as this request arrives: every token issued so far is refused from now
	 * on (as `expireTokens`), and the request is answered as the provider would answer it then.
	 */
	| { kind: 'expire-tokens' }
	/** A proxy's HTML error page, 502 unless told otherwise. */
	| { kind: 'html'; status?: number }
	/** Answers normally, ms later. */
	| { kind: 'delay'; ms: number }
);

export interface SendWebhookOptions {
	/** A string is sent as text/plain, anything else as JSON. */
	body: unknown;
	/** Sent as given; they override the default content type. */
	headers?: Record<string, string>;
	/** Default 'POST'. */
	method?: 'POST' | 'PUT';
	/** The simulated provider making the call, for the outbound log. */
	provider?: string;
	/** Whole-call deadline, connect to last byte. Default 10000. */
	timeoutMs?: number;
}

export interface WebhookResponse {
	status: number;
	body: string;
	headers: Record<string, string>;
}

export interface OutboundLogEntry {
	provider?: string;
	url: string;
	method: 'POST' | 'PUT';
	/** What was sent; credential-looking headers hold '[redacted]'. */
	headers: Record<string, string>;
	/** What was sent, with secret-looking fields redacted. */
	body: unknown;
	/** 0 until the answer arrives, and when none did. */
	status: number;
	/** Start time, epoch milliseconds. */
	at: number;
	/** Why the call failed: refused, reset, timed out, closed. */
	error?: string;
}

export interface WebhookRegistration {
	url: string;
	/** Event names the subscriber wants; default ['*'], every event. */
	events?: string[];
	/** For signing payloads; kept by the registry, never listed. */
	secret?: string;
}

export interface WebhookSubscription {
	id: string;
	provider: string;
	url: string;
	events: string[];
	/** Epoch milliseconds. */
	createdAt: number;
}

/** Customers' webhook subscriptions, as providers with a "register webhook" API keep them. */
export interface Webhooks {
	/** Returns the new subscription's id. The URL must be one `sendWebhook` may call. */
	register(provider: string, registration: WebhookRegistration): string;
	/** False when the provider has no subscription with that id. */
	unregister(provider: string, id: string): boolean;
	/** In registration order, of one provider or all. */
	list(provider?: string): WebhookSubscription[];
}

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
	/**
	 * Delays every matching answer by ms (0 removes the rule); a later rule wins over an earlier one. With
	 * `slowFirstPer`, a recipient's n-th request (from 0) waits ms / (n + 1) instead (see LatencyOptions).
	 */
	setLatency(ms: number, match?: Omit<RequestMatch, 'method'>, options?: LatencyOptions): void;
	/**
	 * At most `limit` matching requests in flight at once; more are answered 429 at once, without latency
	 * (0 removes the rule with the same match).
	 */
	setInFlightLimit(limit: number, match?: RequestMatch): void;
	/**
	 * The tokens one provider issued and still remembers, oldest first, matched with the log's `tokenId`. Test
	 * tokens only: tests use them to prove no token value leaks anywhere.
	 */
	issuedTokens(provider: string): Array<{ id: number; token: string }>;
	/** Every token issued so far (by one provider, or all) is refused with 401 from now on. */
	expireTokens(provider?: string): void;
	/**
	 * Calls a customer's webhook as a provider would. Only http:// on 127.0.0.1 or localhost, so tests never
	 * reach another host. Rejects when no answer arrives (refused, reset, timeout, close()); any status resolves.
	 */
	sendWebhook(url: string, options: SendWebhookOptions): Promise<WebhookResponse>;
	/** Every outgoing webhook call, oldest first, bounded like `log`. */
	outbound: OutboundLogEntry[];
	clearOutbound(): void;
	webhooks: Webhooks;
	/** Clears the logs, faults, latency, tokens and webhook subscriptions; the data stays as seeded. */
	reset(): void;
	close(): Promise<void>;
}
