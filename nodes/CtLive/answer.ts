import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { excerpt, isHtml } from '../shared/errors';

/**
 * CTLive documents no body for its answers to the channel's posts, so an empty body or JSON may be CTLive's, even
 * JSON that does not parse (cut short on the way: the 2xx still says CTLive took the post, which must not be
 * sent again). Anything else (a web page, plain text) comes from something that is not CTLive's message
 * endpoint — a portal, a login page, another application at a wrong Base URL or Message Path — and what was
 * posted reached no CTLive. Returns what such an answer is ("an HTML page"), or undefined when it may be CTLive's.
 */
export function foreignAnswer(contentType: string | undefined, body: unknown): string | undefined {
	// With json: true, n8n hands over JSON parsed and anything else as text.
	if (body === undefined || body === null || typeof body !== 'string' || body.trim() === '') return undefined;
	if (isHtml({ contentType, body })) return 'an HTML page';
	if (/[/+]json\b/i.test(contentType ?? '')) return undefined;
	return `text that is not JSON${contentType ? ` (${contentType})` : ''}`;
}

/** The first words of every message about a foreign answer, in node errors and in the credential Test. */
export const foreignAnswerSummary = (status: number, what: string) =>
	`This address answered HTTP ${status} with ${what}, not as CTLive's message endpoint does`;

/** The address without user info or query: safe to show. */
function shownAddress(url: string): string {
	try {
		const { origin, pathname } = new URL(url);
		return `${origin}${pathname}`;
	} catch {
		return 'the configured address';
	}
}

/** A post answered by something that is not CTLive: it was probably not delivered. Never retried (a send). */
export function foreignAnswerError(node: INode, url: string, status: number, what: string, body: unknown, itemIndex: number): NodeApiError {
	const message = `${foreignAnswerSummary(status, what)}: it was probably not delivered`;
	const text = excerpt(body);
	const description =
		`Check the Base URL and Message Path of the CTLive API credential (the post went to ${shownAddress(url)}).` +
		(text ? ` The answer began: ${text}` : '');
	return new NodeApiError(node, { message } as JsonObject, { message, description, httpCode: String(status), itemIndex });
}
