/**
 * A trigger's webhook check, built from its credential and kept for a couple of seconds.
 *
 * Why: `getCredentials` in a webhook call is not just a database read and a decryption. n8n 2.41 resolves the
 * credential's expressions in a fresh expression isolate each time (credentials-helper: no run data in a webhook
 * context), and with its default engine ('vm', pool of 1) that is a new V8 isolate per call, ~100 ms of CPU,
 * on top of the isolate n8n already takes for the webhook call itself. At tens of deliveries a second that CPU is
 * what the machine does not have. Kept here: only seals (HMAC digests, ../webhookAuth) of the secrets, never
 * their values; a changed or removed credential is read again within `CREDENTIAL_TTL_MS`.
 */
import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { sealAuth, type WebhookAuth } from './auth';

export const CREDENTIAL_TTL_MS = 2_000;
/** How many trigger nodes this process keeps a check for. */
const MAX_ENTRIES = 1000;

/** The check, or the read in flight: deliveries arriving together share one read. */
const cache = new Map<string, { at: number; auth: Promise<WebhookAuth> }>();

export interface CredentialAuth<T extends object> {
	/** The credential type the node declares. */
	credential: string;
	/** The check from the credential's data (and the node's parameters, which are read per call). */
	from: (data: T) => WebhookAuth;
}

/** The clock, for tests. */
export interface CredentialAuthOptions {
	now?: () => number;
	ttlMs?: number;
}

export async function credentialAuth<T extends object>(context: IWebhookFunctions, spec: CredentialAuth<T>, options: CredentialAuthOptions = {}): Promise<WebhookAuth> {
	const { now = Date.now, ttlMs = CREDENTIAL_TTL_MS } = options;
	const node = context.getNode();
	const reference = node.credentials?.[spec.credential];
	// Per credential and node: the check may depend on the node's parameters (e.g. where the secret travels).
	const key = reference?.id ? [spec.credential, reference.id, context.getWorkflow().id ?? '', node.id ?? node.name].join('\u0000') : undefined;
	const hit = key === undefined ? undefined : cache.get(key);
	if (hit && now() - hit.at < ttlMs) return await hit.auth;
	const auth = context.getCredentials<T & ICredentialDataDecryptedObject>(spec.credential).then((data) => sealAuth(spec.from(data)));
	if (key !== undefined) {
		const entry = { at: now(), auth };
		cache.delete(key);
		cache.set(key, entry);
		if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
		// A failed read is not kept: the next delivery reads again.
		auth.catch(() => cache.get(key) === entry && cache.delete(key));
	}
	return await auth;
}
