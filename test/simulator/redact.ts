/**
 * Keeps credentials out of the request log: tests print it on failure, and benchmarks may write it to disk.
 * What a test needs to assert about credentials is kept in `authScheme` and `tokenId` instead.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { flattenHeaders } from './http-io';

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set([
	'authorization',
	'proxy-authorization',
	'x-api-key',
	'authenticationtoken',
	'cookie',
	'set-cookie',
]);

/** Body fields and query parameters whose values are credentials: password, appSecret, authToken, apiKey... */
const SECRET_FIELD = /pass(word)?|secret|token|api[-_]?key/i;

/** Also catches webhook-style headers such as 'x-webhook-secret' or 'x-auth-token' by their name. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	return Object.fromEntries(
		Object.entries(flattenHeaders(headers)).map(([name, value]) => [
			name,
			SECRET_HEADERS.has(name.toLowerCase()) || SECRET_FIELD.test(name) ? REDACTED : value,
		]),
	);
}

export function redactBody(body: unknown): unknown {
	if (Array.isArray(body)) return body.map(redactBody);
	if (body === null || typeof body !== 'object') return body;
	return Object.fromEntries(
		Object.entries(body).map(([key, value]) => [
			key,
			SECRET_FIELD.test(key) ? REDACTED : redactBody(value),
		]),
	);
}

/** `/x?appSecret=abc&page=2` becomes `/x?appSecret=%5Bredacted%5D&page=2`. */
export function redactPath(path: string): string {
	const queryStart = path.indexOf('?');
	if (queryStart === -1) return path;
	const query = new URLSearchParams(path.slice(queryStart + 1));
	for (const key of [...query.keys()]) {
		if (SECRET_FIELD.test(key)) query.set(key, REDACTED);
	}
	return `${path.slice(0, queryStart)}?${query.toString()}`;
}
