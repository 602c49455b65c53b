/**
 * Signed calls between our own nodes: the waiting node registering at the trigger, the trigger resuming the waiting
 * execution. Both hold the same credential secret; an HMAC of the body and a timestamp proves the caller holds it
 * too, and the timestamp bounds a replay to a few minutes.
 */
import { createHmac } from 'crypto';
import type { IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { safeEqual } from '../webhookAuth';

export const SIGNATURE_HEADER = 'x-chat-providers-signature';

const PURPOSE = 'n8n-nodes-chat-providers/conversation/v1';
const MAX_SKEW_MS = 5 * 60_000;

const mac = (secret: string, timestamp: number, body: string) =>
	createHmac('sha256', `${PURPOSE}\u0000${secret}`).update(`${timestamp}.${body}`).digest('hex');

/** The header value for `body` (the exact JSON text sent). */
export function signBody(secret: string, body: string, now = Date.now()): string {
	return `t=${now},v1=${mac(secret, now, body)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySignature(header: unknown, secret: string, body: string, now = Date.now()): SignatureCheck {
	// Anyone can sign with an empty secret.
	if (!secret) return { ok: false, reason: 'There is no secret to check the signature against: complete the credential' };
	if (typeof header !== 'string' || header === '') return { ok: false, reason: `Missing ${SIGNATURE_HEADER} header` };
	const match = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header.trim());
	if (!match) return { ok: false, reason: `Malformed ${SIGNATURE_HEADER} header` };
	const timestamp = Number(match[1]);
	// Checked on every call so that timing says nothing about which part failed.
	const valid = safeEqual(match[2], mac(secret, timestamp, body));
	if (!valid) return { ok: false, reason: 'Invalid signature: the caller does not hold this credential' };
	if (Math.abs(now - timestamp) > MAX_SKEW_MS) return { ok: false, reason: 'Expired signature: the clocks differ by more than 5 minutes or the call was replayed' };
	return { ok: true };
}

/**
 * POSTs `body` (the exact JSON text) signed with `secret`, and returns every answer, errors included (only a
 * failed connection throws). `json`: parse the answer.
 */
export async function postSigned(
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest'>,
	call: { url: string; secret: string; body: string; timeoutMs?: number; json?: boolean },
): Promise<IN8nHttpFullResponse> {
	return (await helpers.httpRequest({
		method: 'POST',
		url: call.url,
		body: call.body,
		headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(call.secret, call.body) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: call.json ?? false,
		timeout: call.timeoutMs ?? 30_000,
	})) as IN8nHttpFullResponse;
}
