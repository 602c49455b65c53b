/**
 * Session tokens for providers that log in first (IrisEngage now, Netcore later): JWT-shaped so nodes can
 * treat them like the real ones, but opaque to the simulator, which only looks them up in its own table.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { AuthCheck, Reply, SimRequest } from './provider';

export interface IssuedToken {
	token: string;
	/** Issue order, from 0; this (never the token) is what the request log records. */
	id: number;
	expiresAt: Date;
}

export type TokenStatus =
	{ state: 'valid'; id: number } | { state: 'expired'; id: number } | { state: 'unknown' };

/** Oldest tokens are forgotten beyond this, so long benchmark runs stay bounded. */
const MAX_REMEMBERED_TOKENS = 10_000;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenIssuer {
	private readonly issued = new Map<string, { id: number; expiresAtMs: number }>();
	private readonly secret = randomBytes(32);
	private nextId = 0;
	/** Tokens with an id below this were expired by `expireAll()`. */
	private firstLiveId = 0;

	/** Fractional seconds are allowed, so tests can watch a token expire without waiting long. */
	constructor(private readonly ttlSeconds: number) {}

	issue(subject: string): IssuedToken {
		const id = this.nextId++;
		const nowMs = Date.now();
		const expiresAtMs = nowMs + this.ttlSeconds * 1000;
		const now = Math.floor(nowMs / 1000);
		const header = base64url({ alg: 'HS256', typ: 'JWT' });
		const payload = base64url({
			unique_name: subject,
			nbf: now,
			exp: Math.floor(expiresAtMs / 1000),
			iat: now,
		});
		// The id is signed too: two logins in the same second must still get distinct tokens.
		const signature = createHmac('sha256', this.secret)
			.update(`${header}.${payload}.${id}`)
			.digest('base64url');
		const token = `${header}.${payload}.${signature}`;

		this.issued.set(token, { id, expiresAtMs });
		if (this.issued.size > MAX_REMEMBERED_TOKENS)
			this.issued.delete(this.issued.keys().next().value!);
		return { token, id, expiresAt: new Date(expiresAtMs) };
	}

	check(token: string): TokenStatus {
		const record = this.issued.get(token);
		if (!record) return { state: 'unknown' };
		const expired = record.id < this.firstLiveId || Date.now() >= record.expiresAtMs;
		return { state: expired ? 'expired' : 'valid', id: record.id };
	}

	/** The remembered tokens by issue id, so an end-to-end test can look for the very value n8n holds. */
	issuedTokens(): Array<{ id: number; token: string }> {
		return [...this.issued].map(([token, { id }]) => ({ id, token }));
	}

	/** Every token issued so far is refused from now on; new logins work. */
	expireAll(): void {
		this.firstLiveId = this.nextId;
	}

	/** Forget everything, including the id counter. */
	clear(): void {
		this.issued.clear();
		this.nextId = 0;
		this.firstLiveId = 0;
	}
}

/** An `authenticate` hook for `Authorization: Bearer <token>` APIs. */
export function bearerTokenAuth(
	issuer: TokenIssuer,
	unauthorized: Reply,
): (request: SimRequest) => AuthCheck {
	return (request) => {
		const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
		if (!scheme) return { rejection: unauthorized };
		if (scheme.toLowerCase() !== 'bearer' || !token) return { scheme, rejection: unauthorized };
		const status = issuer.check(token);
		if (status.state === 'unknown') return { scheme, rejection: unauthorized };
		return {
			scheme,
			tokenId: status.id,
			rejection: status.state === 'expired' ? unauthorized : undefined,
		};
	};
}
