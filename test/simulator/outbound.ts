/**
 * Calls from simulated providers to their customers' webhooks (e.g. an n8n Webhook node), with a log of
 * every call. Plain node:http, and only to this machine: tests must never reach another host.
 */
import { request, type ClientRequest } from 'node:http';
import { flattenHeaders, readBody } from './http-io';
import { pushBounded } from './log-limit';
import { redactBody, redactHeaders } from './redact';
import type { OutboundLogEntry, SendWebhookOptions, WebhookResponse } from './types';

const DEFAULT_TIMEOUT_MS = 10_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const METHODS = new Set(['POST', 'PUT']);

/** The call left but no answer came back: refused, reset, timed out, or cut by close(). */
export class WebhookCallError extends Error {}

/** The URL as a `URL`, or a TypeError saying why the simulator will not call it. */
export function checkWebhookUrl(url: string): URL {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new TypeError(`Webhook URL is not a valid URL: '${url}'`);
	}
	if (parsed.protocol !== 'http:' || !LOCAL_HOSTS.has(parsed.hostname)) {
		throw new TypeError(
			`Webhook URLs must be http:// on 127.0.0.1 or localhost, so tests never reach another host; got '${url}'`,
		);
	}
	return parsed;
}

function encode(options: SendWebhookOptions): { payload: string; headers: Record<string, string> } {
	const payload =
		options.body === undefined
			? ''
			: typeof options.body === 'string'
				? options.body
				: JSON.stringify(options.body);
	const contentType =
		typeof options.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
	const headers: Record<string, string> = { 'content-type': contentType };
	// Lower-cased so a caller's 'Content-Type' replaces the default instead of going out twice.
	for (const [name, value] of Object.entries(options.headers ?? {}))
		headers[name.toLowerCase()] = value;
	headers['content-length'] = String(Buffer.byteLength(payload));
	return { payload, headers };
}

export class WebhookCaller {
	/** Held by `Simulator.outbound`: cleared in place, never replaced. */
	readonly log: OutboundLogEntry[] = [];
	private readonly inFlight = new Set<ClientRequest>();

	async send(url: string, options: SendWebhookOptions): Promise<WebhookResponse> {
		const target = checkWebhookUrl(url);
		const method = options.method ?? 'POST';
		if (!METHODS.has(method)) throw new TypeError(`Webhook method must be POST or PUT, got '${method}'`);
		const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
			throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);

		const { payload, headers } = encode(options);
		const entry: OutboundLogEntry = {
			provider: options.provider,
			url,
			method,
			headers: redactHeaders(headers),
			body: redactBody(options.body),
			status: 0,
			at: Date.now(),
		};
		pushBounded(this.log, entry);

		// Kept apart: destroying a request also fails its response stream, with a vaguer error.
		let timedOut: Error | undefined;
		let timer: NodeJS.Timeout | undefined;
		try {
			const response = await new Promise<WebhookResponse>((resolve, reject) => {
				// agent: false, so no keep-alive socket outlives the call and holds the customer's server open.
				const req = request(target, { method, headers, agent: false }, (res) => {
					readBody(res).then(
						(body) =>
							resolve({ status: res.statusCode ?? 0, body, headers: flattenHeaders(res.headers) }),
						reject,
					);
				});
				this.inFlight.add(req);
				req.once('close', () => this.inFlight.delete(req));
				req.on('error', reject);
				timer = setTimeout(() => {
					timedOut = new Error(`timed out after ${timeoutMs} ms`);
					req.destroy(timedOut);
				}, timeoutMs);
				req.end(payload);
			});
			entry.status = response.status;
			return response;
		} catch (error) {
			entry.error = (timedOut ?? (error as Error)).message;
			throw new WebhookCallError(`Webhook call to ${url} failed: ${entry.error}`);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Fails every call still waiting for its answer (the simulator is closing). */
	abortAll(): void {
		for (const req of this.inFlight) req.destroy(new Error('the simulator closed'));
		this.inFlight.clear();
	}
}
