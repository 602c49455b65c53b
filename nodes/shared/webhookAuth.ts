import * as crypto from 'crypto';
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Secret checks for incoming webhooks.
 *
 * `timingSafeEqual` needs equal-length buffers, and comparing lengths first would tell an attacker how long the
 * secret is. Both sides are therefore hashed with SHA-256 under a per-process random key: the digests always
 * have the same length and an attacker cannot steer them, so the comparison time says nothing about the secret.
 */

const hmacKey = randomBytes(32);
const keyPrefix = hmacKey.toString('hex');

/** Node's one-shot hash (20.12+): a seventh of an HMAC's cost per delivery, which a trigger pays on every call. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

// SHA-256 over the random key followed by the value: as unsteerable as the HMAC for a comparison whose digests
// never leave the process (the HMAC's extra guard, against length extension, protects digests an attacker sees).
const digest = (value: string): Buffer =>
	typeof oneShotHash === 'function' ? oneShotHash('sha256', keyPrefix + value, 'buffer') : createHmac('sha256', hmacKey).update(value, 'utf8').digest();

/** A configured secret as it can be kept in memory for later checks: its digest, never its value. */
export interface SealedSecret {
	readonly sealed: Buffer;
	readonly empty: boolean;
}

export type Secret = string | SealedSecret;

export const seal = (value: string): SealedSecret => ({ sealed: digest(value), empty: value === '' });

const sealedOf = (secret: Secret): SealedSecret | undefined =>
	typeof secret === 'string' ? seal(secret) : secret !== null && typeof secret === 'object' && Buffer.isBuffer(secret.sealed) ? secret : undefined;

const isEmpty = (secret: Secret) => (typeof secret === 'string' ? secret === '' : !secret || secret.empty);

/**
 * Timing-safe equality. `expected` is the configured secret (or its seal): an empty one never matches, so a
 * credential left blank cannot be satisfied by a request that sends nothing.
 */
export function safeEqual(received: string, expected: Secret): boolean {
	const secret = sealedOf(expected);
	if (typeof received !== 'string' || !secret || secret.empty) return false;
	return timingSafeEqual(digest(received), secret.sealed);
}

/**
 * Accepts `Authorization: Bearer <token>` or the raw token itself (providers differ on which they send). A pasted
 * secret's surrounding whitespace is ignored (a sealed one was trimmed before sealing).
 */
export function checkBearerOrToken(headerValue: string | undefined, expected: Secret): boolean {
	if (typeof headerValue !== 'string' || (typeof expected !== 'string' && !sealedOf(expected))) return false;
	const secret = typeof expected === 'string' ? seal(expected.trim()) : expected;
	const raw = headerValue.trim();
	const bearer = /^bearer\s+/i.exec(raw);
	const token = bearer ? raw.slice(bearer[0].length).trim() : raw;
	// Both comparisons always run, so timing does not reveal which form matched.
	const matchesToken = safeEqual(token, secret);
	const matchesRaw = safeEqual(raw, secret);
	return matchesToken || matchesRaw;
}

/** Decodes `Authorization: Basic base64(user:password)`; undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^basic\s+([A-Za-z0-9+/_-]+={0,2})$/i.exec(header.trim());
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** True only when the header carries exactly the expected user and (non-empty) password. */
export function checkBasicAuth(header: string | undefined, expected: { user: Secret; password: Secret }): boolean {
	const given = parseBasicAuth(header);
	if (!given || !expected || isEmpty(expected.password)) return false;
	// An empty expected user is allowed (password-only setups) and must then be sent empty.
	const userMatches = isEmpty(expected.user) ? given.user === '' : safeEqual(given.user, expected.user);
	const passwordMatches = safeEqual(given.password, expected.password);
	return userMatches && passwordMatches;
}
