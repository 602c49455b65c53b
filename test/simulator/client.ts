/**
 * A typed client for the admin API (admin.ts), for tests that run in another process than the simulator,
 * e.g. a real n8n's end-to-end suite against `npm run simulator`. Method names and semantics follow the
 * in-process Simulator; they return promises, and failures reject with the admin API's message.
 */
import type { AdminLogFilter } from './admin-input';
import { ADMIN_PREFIX } from './admin';
import { escapeRegExp, type RequestMatch } from './routing';
import type {
	Fault,
	LatencyOptions,
	LogFilter,
	OutboundLogEntry,
	ProviderInfo,
	RequestLogEntry,
	SendWebhookOptions,
	WebhookResponse,
	WebhookSubscription,
} from './types';

export interface SimulatorHealth {
	ok: true;
	/** Base URL by provider name. */
	providers: Record<string, string>;
}

/**
 * The admin API takes routes as regex sources, so a string keeps its in-process meaning (the whole label,
 * pattern or path) by being escaped and anchored. Regex flags cannot travel, so they are refused.
 */
function routeSource(route: string | RegExp | undefined): string | undefined {
	if (route === undefined) return undefined;
	if (typeof route === 'string') return `^${escapeRegExp(route)}$`;
	if (/[^gy]/.test(route.flags))
		throw new TypeError(`Route regexes cannot carry flags to the admin API, got ${String(route)}`);
	return route.source;
}

function wireMatch(match: RequestMatch | undefined) {
	return match && { ...match, route: routeSource(match.route), body: match.body && routeSource(match.body) };
}

export class SimulatorClient {
	private readonly adminUrl: string;

	/** `url` is the simulator's own URL (http://127.0.0.1:PORT), as `Simulator.url` and the CLI print it. */
	constructor(url: string) {
		this.adminUrl = `${url.replace(/\/+$/, '')}${ADMIN_PREFIX}`;
	}

	async health(): Promise<SimulatorHealth> {
		return await this.call('GET', '/health');
	}

	/** Every provider's base URL and the test credentials it accepts. */
	async clearLog(): Promise<void> {
		await this.call('DELETE', '/log');
	}

	async providers(): Promise<Record<string, ProviderInfo>> {
		return await this.call('GET', '/providers');
	}

	async count(filter: LogFilter = {}): Promise<number> {
		return (await this.call<{ count: number }>('GET', `/count${query(filter)}`)).count;
	}

	/** The inbound log, or the entries a filter selects; `since` is epoch ms, compared with `at`. */
	async log(filter: AdminLogFilter = {}): Promise<RequestLogEntry[]> {
		return await this.call('GET', `/log${query(filter)}`);
	}

	async outbound(provider?: string): Promise<OutboundLogEntry[]> {
		return await this.call('GET', `/outbound${query({ provider })}`);
	}

	async injectFault(fault: Fault): Promise<void> {
		await this.call('POST', '/faults', { ...fault, match: wireMatch(fault.match) });
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async setLatency(ms: number, match?: Omit<RequestMatch, 'method'>, options: LatencyOptions = {}): Promise<void> {
		const slowFirstPer = options.slowFirstPer && routeSource(options.slowFirstPer);
		await this.call('POST', '/latency', { ms, match: wireMatch(match), slowFirstPer });
	}

	/** At most `limit` matching requests in flight, 429 beyond; 0 removes the rule. */
	async setInFlightLimit(limit: number, match?: RequestMatch): Promise<void> {
		await this.call('POST', '/in-flight-limit', { limit, match: wireMatch(match) });
	}

	/** The tokens `provider` issued, with the ids the log's `tokenId` refers to. */
	async issuedTokens(provider: string): Promise<Array<{ id: number; token: string }>> {
		return await this.call('GET', `/tokens${query({ provider })}`);
	}

	async expireTokens(provider?: string): Promise<void> {
		await this.call('POST', '/expire-tokens', { provider });
	}

	async reset(): Promise<void> {
		await this.call('POST', '/reset');
	}

	/** Makes the simulator call `url` (e.g. an n8n webhook); rejects when no answer came back. */
	async sendWebhook(url: string, options: SendWebhookOptions): Promise<WebhookResponse> {
		return await this.call('POST', '/send-webhook', { url, ...options });
	}

	async webhooks(provider?: string): Promise<WebhookSubscription[]> {
		return await this.call('GET', `/webhooks${query({ provider })}`);
	}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.adminUrl}${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const parsed: unknown = text === '' ? undefined : JSON.parse(text);
		if (!response.ok) {
			const message = (parsed as { message?: string } | undefined)?.message ?? text;
			throw new Error(`Simulator admin API ${method} ${path}: ${response.status} ${message}`);
		}
		return parsed as T;
	}
}

function query(filter: AdminLogFilter): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries({ ...filter, route: routeSource(filter.route) })) {
		if (value !== undefined) params.set(name, String(value));
	}
	const text = params.toString();
	return text === '' ? '' : `?${text}`;
}
