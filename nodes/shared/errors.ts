import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeFailure, errorWithFailure, type RequestFailure } from './failure';

const TRANSPORT_MESSAGES: Record<string, string> = {
	ECONNRESET: 'the connection was reset before an answer arrived',
	ECONNREFUSED: 'the connection was refused (is the base URL right and the server up?)',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ENOTFOUND: 'the host name could not be resolved (check the base URL)',
};

/** The provider's own words, from the usual places APIs put them. */
export function providerMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return undefined;
	if (!body || typeof body !== 'object') return undefined;
	const data = body as Record<string, unknown>;
	// Infobip-style APIs (CTLive, Sinch): { requestError: { serviceException: { messageId, text } } }.
	const infobip = ((data.requestError as Record<string, unknown> | undefined)?.serviceException as Record<string, unknown> | undefined)?.text;
	if (typeof infobip === 'string' && infobip.trim()) return infobip.trim();
	for (const key of ['message', 'error_description', 'errorMessage', 'error', 'detail', 'title', 'description', 'msg']) {
		const value = data[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object') {
			const nested = providerMessage(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

/** How a transport failure reads to a user, by its code: "the connection was refused (…)". */
export function transportProblem(code: string): string {
	return TRANSPORT_MESSAGES[code] ?? 'a network error occurred';
}

/** Whether an answer is a web page (by its content type or its first bytes), not an API's answer. */
export function isHtml(failure: Pick<RequestFailure, 'contentType' | 'body'>): boolean {
	const text = typeof failure.body === 'string' ? failure.body.trimStart().slice(0, 200).toLowerCase() : '';
	return /text\/html/i.test(failure.contentType ?? '') || text.startsWith('<!doctype html') || text.startsWith('<html');
}

/** A short, tag-free excerpt of a non-JSON answer, so the user sees what the server said. */
export function excerpt(body: unknown): string | undefined {
	if (typeof body !== 'string' || !body.trim()) return undefined;
	const text = body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
	return text.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;
}

export interface ApiErrorContext {
	provider: string;
	itemIndex?: number;
	attempts?: number;
	fallbackMessage?: string;
	/** A send whose fate is unknown (reset, timeout, 5xx, or an unreadable 2xx): say so, and that it was not resent. */
	maybeDelivered?: boolean;
}

/** Errors of sends whose fate is unknown: the message may be at the provider. */
const deliveryUnknown = new WeakSet<Error>();

function markMaybeDelivered<E extends Error>(error: E, maybeDelivered: boolean | undefined): E {
	if (maybeDelivered) deliveryUnknown.add(error);
	return error;
}

/**
 * Whether a send that failed with `error` may still have reached the provider. Only our own errors that say
 * otherwise prove it did not: a refusal, a failure before sending, bad input. Anything else may have.
 */
export function mayHaveBeenDelivered(error: unknown): boolean {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return true;
	return deliveryUnknown.has(error);
}

/** For a person deciding whether to resend: the message may be there, and we did not send it twice. */
export function maybeDeliveredNote(provider: string): string {
	return `${provider} may have received this message: its answer does not say whether it was taken, so it was not sent again (a customer must never get it twice). Check with the recipient or in ${provider} before sending it again.`;
}

/**
 * A NodeApiError built from a plain, sanitized description of the failure. The raw transport error is
 * deliberately not passed on: it carries the request's headers and body, i.e. credentials.
 */
export function providerApiError(node: INode, failure: RequestFailure, context: ApiErrorContext): NodeApiError {
	const { provider, attempts = 1 } = context;
	const status = failure.status;
	const ownMessage = providerMessage(failure.body);
	let message: string;
	let description: string | undefined;
	if (status !== undefined && isHtml(failure)) {
		message = `${provider} answered HTTP ${status} with an HTML page instead of JSON`;
		description = `Usually a proxy or gateway in front of ${provider} failed. Page text: ${excerpt(failure.body) ?? '(empty)'}`;
	} else if (status !== undefined) {
		message = ownMessage ? `${provider}: ${ownMessage} (HTTP ${status})` : `${provider} answered HTTP ${status}`;
		description = ownMessage ? undefined : excerpt(failure.body);
	} else if (failure.code) {
		message = `${provider} could not be reached: ${transportProblem(failure.code)}`;
		description = `Network error code ${failure.code.toLowerCase()}.`;
	} else {
		message = `${provider} request failed: ${context.fallbackMessage ?? 'unknown error'}`;
	}
	if (attempts > 1) description = [description, `Gave up after ${attempts} attempts.`].filter(Boolean).join(' ');
	if (context.maybeDelivered) description = [description, maybeDeliveredNote(provider)].filter(Boolean).join(' ');
	const errorResponse: JsonObject = { message, ...(status !== undefined ? { httpCode: String(status) } : {}) };
	if (failure.body && typeof failure.body === 'object') errorResponse.response = failure.body as JsonObject;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status !== undefined ? String(status) : undefined,
		itemIndex: context.itemIndex,
	});
	return markMaybeDelivered(error, context.maybeDelivered);
}

/**
 * The provider answered 2xx but not in the documented shape (e.g. a truncated or non-JSON body). After a send,
 * `maybeDelivered` says the message may be there: a 2xx usually means it was taken.
 */
export function unexpectedAnswerError(node: INode, provider: string, what: string, problems: string, itemIndex?: number, maybeDelivered = false) {
	const error = new NodeApiError(node, { message: `${provider} sent an unexpected answer` } as JsonObject, {
		message: `${provider} sent an answer that is not the documented ${what}`,
		description: maybeDelivered ? `${problems} ${maybeDeliveredNote(provider)}` : problems,
		httpCode: '200',
		itemIndex,
	});
	return markMaybeDelivered(error, maybeDelivered);
}

/** Bad input from the user: names the field and what is allowed. Raised before any request. */
export function invalidParameter(node: INode, field: string, problem: string, itemIndex: number) {
	return new NodeOperationError(node, `${field}: ${problem}`, {
		itemIndex,
		description: `Fix the "${field}" parameter of item ${itemIndex + 1}.`,
	});
}

/**
 * For a credential's preAuthentication: the login failed. The message names the provider and carries its own
 * words and status, which n8n's credential Test shows as they are; nodes still map it to a NodeApiError with
 * that status. The raw error (which holds the password in its request body) is not kept.
 */
export function loginFailed(provider: string, error: unknown): Error {
	const failure = describeFailure(error);
	const reason =
		providerMessage(failure.body) ??
		(failure.code ? transportProblem(failure.code) : undefined) ??
		(failure.status ? 'the login was refused' : 'the login failed');
	const status = failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
	return errorWithFailure(`${provider} login failed: ${reason}${status}`, failure);
}
