/**
 * One login for many refused requests. n8n calls a credential's preAuthentication again for every request its
 * provider answers 401, and our items run side by side: when a session expires, every request then in flight is
 * refused, and each would log in on its own (up to Max Concurrent Requests logins at once, which a provider may
 * count against the account). Here the logins of one account (the same URL and secret) go out one at a time:
 * a request refused while a login is out waits for that login, and one refused with an older token than a login
 * finished moments ago takes that login's token. A first login (no token yet) waits for one that is out, but is
 * never served from a finished one.
 *
 * The memory holds what the credential itself holds (its session token), per account, for a short while.
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { loginFailed } from './errors';

/** A token fetched this recently serves requests refused with an older one (a request times out after 30 s). */
const REUSE_MS = 30_000;
const MAX_ACCOUNTS = 1_000;

type LoginResult = Record<string, string>;

interface Account {
	pending?: Promise<LoginResult>;
	result?: LoginResult;
	at: number;
}

const accounts = new Map<string, Account>();

function remember(key: string, account: Account): void {
	accounts.delete(key); // re-inserted last: the oldest accounts are forgotten first
	accounts.set(key, account);
	for (const oldest of accounts.keys()) {
		if (accounts.size <= MAX_ACCOUNTS) break;
		accounts.delete(oldest);
	}
}

/**
 * Logs in for the account `identity` (every value the login depends on, secrets included; only a hash is kept)
 * unless a login of it is out or just finished; `refused` is the token the credential held (empty on a first
 * login), `tokenField` the result's field holding the new one.
 */
export async function sharedLogin(identity: unknown[], refused: unknown, tokenField: string, login: () => Promise<LoginResult>, now = Date.now): Promise<LoginResult> {
	const key = createHash('sha256').update(JSON.stringify(identity)).digest('base64');
	const known = accounts.get(key);
	if (known?.pending) return { ...(await known.pending) };
	const renewing = typeof refused === 'string' && refused !== '';
	if (renewing && known?.result && known.result[tokenField] !== refused && now() - known.at < REUSE_MS) return { ...known.result };
	const pending = login();
	const account: Account = { pending, at: now() };
	remember(key, account);
	// Registered before anyone awaits the login: the memory is up to date when they go on. A failed login is
	// forgotten (its error reaches every caller through `pending`).
	pending.then(
		(result) => accounts.get(key) === account && remember(key, { result, at: now() }),
		() => accounts.get(key) === account && accounts.delete(key),
	);
	return { ...(await pending) };
}

export interface TokenLogin {
	/** The provider's name, for errors. */
	provider: string;
	url: string;
	/** The JSON body of the login POST. */
	body: IDataObject;
	/** The answer's field holding the token. */
	tokenField: string;
	/** What the user should check when the answer holds no token, e.g. "the Base URL and Auth Path". */
	check: string;
}

/**
 * The login both logging-in credentials use: POST the body as JSON, take the token from the answer. A refusal
 * or transport failure becomes an error with the provider's message (never a credential value); an answer
 * without a token one that says what to check.
 */
export async function postTokenLogin(helper: IHttpRequestHelper, login: TokenLogin): Promise<{ token: string; answer: IDataObject }> {
	let answer: IDataObject;
	try {
		answer = ((await helper.helpers.httpRequest({ method: 'POST', url: login.url, body: login.body, json: true })) ?? {}) as IDataObject;
	} catch (error) {
		throw loginFailed(login.provider, error);
	}
	const token = answer?.[login.tokenField];
	if (typeof token !== 'string' || token === '') {
		throw new Error(`${login.provider} login failed: no ${login.tokenField} in its answer (check ${login.check})`);
	}
	return { token, answer };
}
