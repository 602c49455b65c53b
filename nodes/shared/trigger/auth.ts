/**
 * Who may call a trigger's webhook. A provider proves itself with a token header, HTTP Basic, or a secret the user
 * put into the URL (query parameter or path segment); every comparison is timing-safe (../webhookAuth). A failed
 * check is answered by the trigger core with 401 and starts no execution.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { checkBasicAuth, checkBearerOrToken, safeEqual, seal, type Secret } from '../webhookAuth';

export type WebhookAuth =
	/** The provider signs nothing (say so in the node's help text). */
	| { type: 'none' }
	/** A secret in a request header, raw or as `Bearer <secret>` when `allowBearer` is set. */
	| { type: 'header'; header: string; secret: Secret; allowBearer?: boolean }
	| { type: 'basic'; user: Secret; password: Secret }
	/** A secret in a query parameter of the URL the user gave the provider (`?token=...`). */
	| { type: 'query'; parameter: string; secret: Secret }
	/** A secret in a `:parameter` segment of the webhook path. */
	| { type: 'path'; parameter: string; secret: Secret };

export type AuthOutcome = { ok: true } | { ok: false; reason: string; headers?: Record<string, string> };

const first = (value: unknown): string | undefined =>
	typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

/** The same check with every secret replaced by its seal, to be kept in memory (see ./credentialAuth). */
export function sealAuth(auth: WebhookAuth): WebhookAuth {
	const sealed = (secret: Secret, trim = false) => (typeof secret === 'string' ? seal(trim ? secret.trim() : secret) : secret);
	switch (auth.type) {
		case 'none':
			return auth;
		case 'header':
			return { ...auth, secret: sealed(auth.secret, auth.allowBearer) };
		case 'basic':
			return { type: 'basic', user: sealed(auth.user), password: sealed(auth.password) };
		default:
			return { ...auth, secret: sealed(auth.secret) };
	}
}

/** Where the secret is missing the caller learns which credential is expected, never its value. */
export function verifyWebhookAuth(context: IWebhookFunctions, auth: WebhookAuth): AuthOutcome {
	switch (auth.type) {
		case 'none':
			return { ok: true };
		case 'header': {
			const received = first(context.getHeaderData()[auth.header.toLowerCase()]);
			if (received === undefined) return { ok: false, reason: `Missing ${auth.header} header` };
			const matches = auth.allowBearer ? checkBearerOrToken(received, auth.secret) : safeEqual(received, auth.secret);
			return matches ? { ok: true } : { ok: false, reason: `Invalid ${auth.header} header` };
		}
		case 'basic': {
			const header = first(context.getHeaderData().authorization);
			const challenge = { 'www-authenticate': 'Basic realm="n8n webhook"' };
			if (header === undefined) return { ok: false, reason: 'Missing HTTP Basic authorization', headers: challenge };
			return checkBasicAuth(header, auth) ? { ok: true } : { ok: false, reason: 'Invalid HTTP Basic credentials', headers: challenge };
		}
		case 'query': {
			const received = first((context.getQueryData() as Record<string, unknown>)[auth.parameter]);
			if (received === undefined) return { ok: false, reason: `Missing "${auth.parameter}" query parameter` };
			return safeEqual(received, auth.secret) ? { ok: true } : { ok: false, reason: `Invalid "${auth.parameter}" query parameter` };
		}
		case 'path': {
			const received = first((context.getParamsData() as Record<string, unknown>)[auth.parameter]);
			if (received === undefined) return { ok: false, reason: 'Missing secret in the webhook path' };
			return safeEqual(received, auth.secret) ? { ok: true } : { ok: false, reason: 'Invalid secret in the webhook path' };
		}
	}
}
