/**
 * The admin HTTP API under /_sim/: the in-process Simulator's controls for `npm start` users and for tests in
 * another process (client.ts wraps it). It bypasses dispatch, so it is never logged, faulted or delayed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	BadInput,
	faultFromJson,
	filterFromQuery,
	inFlightLimitFromJson,
	latencyFromJson,
	providerFromJson,
	webhookCallFromJson,
	type AdminLogFilter,
} from './admin-input';
import { BodyTooLargeError, readBody, sendReply } from './http-io';
import { checkWebhookUrl, WebhookCallError } from './outbound';
import { json, type Reply } from './provider';
import type { RequestLogEntry, Simulator } from './types';

export const ADMIN_PREFIX = '/_sim';

export interface AdminContext {
	simulator: Simulator;
	/** The inbound entries a filter selects, matched as `Simulator.count()` does. */
	select: (filter: AdminLogFilter) => RequestLogEntry[];
}

interface AdminRequest {
	query: URLSearchParams;
	body: unknown;
}

type AdminHandler = (context: AdminContext, request: AdminRequest) => Reply | Promise<Reply>;

const ok = (status = 200) => json(status, { ok: true });

const handlers: Record<string, AdminHandler> = {
	'GET /health': ({ simulator }) =>
		json(200, {
			ok: true,
			providers: Object.fromEntries(
				Object.entries(simulator.providers).map(([name, info]) => [name, info.baseUrl]),
			),
		}),
	/** Base URLs with the test credentials each provider accepts (no secret: they are the simulator's own). */
	'GET /providers': ({ simulator }) => json(200, simulator.providers),
	'GET /log': ({ select }, { query }) => json(200, select(filterFromQuery(query))),
	'GET /count': ({ select }, { query }) => json(200, { count: select(filterFromQuery(query)).length }),
	'GET /outbound': ({ simulator }, { query }) => {
		const provider = query.get('provider') || undefined;
		return json(
			200,
			simulator.outbound.filter((entry) => provider === undefined || entry.provider === provider),
		);
	},
	'GET /webhooks': ({ simulator }, { query }) =>
		json(200, simulator.webhooks.list(query.get('provider') || undefined)),
	'POST /faults': ({ simulator }, { body }) => {
		simulator.injectFault(faultFromJson(body));
		return ok(201);
	},
	'DELETE /log': ({ simulator }) => {
		simulator.clearLog();
		return ok();
	},
	'DELETE /faults': ({ simulator }) => {
		simulator.clearFaults();
		return ok();
	},
	'POST /latency': ({ simulator }, { body }) => {
		const { ms, match, options } = latencyFromJson(body);
		simulator.setLatency(ms, match, options);
		return ok();
	},
	'POST /in-flight-limit': ({ simulator }, { body }) => {
		const { limit, match } = inFlightLimitFromJson(body);
		simulator.setInFlightLimit(limit, match);
		return ok();
	},
	'GET /tokens': ({ simulator }, { query }) => {
		const provider = query.get('provider') ?? '';
		if (!(provider in simulator.providers)) throw new BadInput(`No simulated provider named '${provider}'`);
		return json(200, simulator.issuedTokens(provider));
	},
	'POST /expire-tokens': ({ simulator }, { body }) => {
		simulator.expireTokens(providerFromJson(body, Object.keys(simulator.providers)));
		return ok();
	},
	'POST /reset': ({ simulator }) => {
		simulator.reset();
		return ok();
	},
	'POST /send-webhook': async ({ simulator }, { body }) => {
		const { url, options } = webhookCallFromJson(body);
		try {
			checkWebhookUrl(url);
		} catch (error) {
			throw new BadInput((error as Error).message);
		}
		try {
			return json(200, await simulator.sendWebhook(url, options));
		} catch (error) {
			// The customer's server did not answer: a gateway failure, not bad input.
			if (error instanceof WebhookCallError) return json(502, { message: error.message });
			throw error;
		}
	},
};

export function isAdminPath(pathname: string): boolean {
	return pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
}

async function answer(
	context: AdminContext,
	method: string,
	url: URL,
	incoming: IncomingMessage,
): Promise<Reply> {
	const action = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
	const handler = handlers[`${method} ${action}`];
	if (!handler) {
		const known = Object.keys(handlers).some((key) => key.endsWith(` ${action}`));
		return json(known ? 405 : 404, {
			message: `${known ? `${method} is not allowed on` : 'No admin route'} ${url.pathname}`,
		});
	}
	try {
		const raw = await readBody(incoming);
		// Parsed whatever the content type says: curl users often leave it out.
		let body: unknown;
		try {
			body = raw === '' ? undefined : JSON.parse(raw);
		} catch (error) {
			throw new BadInput(`Request body is not valid JSON: ${(error as Error).message}`);
		}
		return await handler(context, { query: url.searchParams, body });
	} catch (error) {
		if (error instanceof BadInput) return json(400, { message: error.message });
		if (error instanceof BodyTooLargeError) return json(413, { message: error.message });
		throw error;
	}
}

export async function handleAdmin(
	context: AdminContext,
	incoming: IncomingMessage,
	outgoing: ServerResponse,
): Promise<void> {
	const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
	const method = (incoming.method ?? 'GET').toUpperCase();
	sendReply(outgoing, await answer(context, method, url, incoming));
}
