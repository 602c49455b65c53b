import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { credentialsForHelper } from './credentials';
import { providerApiError } from './errors';
import { executionScope } from './execution';
import { describeFailure, isTransient, isThrottle, providerDidNotTakeIt, sendMayHaveArrived, type RequestFailure } from './failure';

export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * `read`: safe to repeat, retried on any transient failure.
 * `send`: delivers a message, retried only when the provider clearly did not take it (429, 503, refused
 * before sending), so that a customer never gets the same message twice.
 */
export type RequestKind = 'read' | 'send';

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error is surfaced instead. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	maxRetryAfterMs: 60_000,
};

export interface ProviderRequest {
	/** Display name used in error messages, e.g. "IrisEngage". */
	provider: string;
	credentialType: string;
	/** Defaults to the running operation's kind; a send operation's requests are always sends. */
	kind?: RequestKind;
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
}

/** How often one request may wait at the limiter (instead of on a timer) after a throttle. */
const MAX_REQUEUES = 8;

/**
 * Capped exponential backoff with "equal jitter" (a random point in the upper half of the step), so items that
 * failed together do not retry in lockstep, yet never retry at once; a provider's Retry-After wins when longer.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random = Math.random): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
	return Math.max(jittered, retryAfterMs ?? 0);
}

/** A request is a send when it says so or when it runs inside a send operation: it can only be made stricter. */
export function requestKind(context: RequestContext, request: Pick<ProviderRequest, 'kind'>): RequestKind {
	return request.kind === 'send' || executionScope(context)?.kind === 'send' ? 'send' : 'read';
}

/**
 * The one way our nodes talk to a provider: n8n's authenticated request helper (so tokens, proxies and
 * SSRF rules are n8n's), plus retries with backoff and errors mapped to a NodeApiError that carries the
 * provider's own message and status and never a credential.
 */
export async function providerRequest<T = unknown>(
	context: RequestContext,
	options: IHttpRequestOptions,
	request: ProviderRequest,
): Promise<T> {
	const policy = { ...DEFAULT_RETRY, ...request.retry };
	const scope = executionScope(context);
	const kind = requestKind(context, request);
	let requeues = 0;
	const credentials = await credentialsForHelper(context, request.credentialType);
	for (let attempt = 1; ; attempt++) {
		let failure: RequestFailure;
		let error: unknown;
		// Every attempt holds one slot of the execution's limiter while it is out, never while backing off.
		const slot = await scope?.limiter.acquire();
		try {
			const answer = (await context.helpers.httpRequestWithAuthentication.call(context, request.credentialType, {
				json: true,
				timeout: 30_000,
				...options,
			}, credentials)) as T;
			slot?.release('ok');
			return answer;
		} catch (caught) {
			error = caught;
			failure = describeFailure(caught);
			slot?.release(isThrottle(failure) ? 'throttled' : 'failed');
		}
		const retryable = kind === 'send' ? providerDidNotTakeIt(failure) : isTransient(failure);
		const waitTooLong = (failure.retryAfterMs ?? 0) > policy.maxRetryAfterMs;
		if (!retryable || waitTooLong || attempt >= policy.maxAttempts) {
			throw providerApiError(context.getNode(), failure, {
				provider: request.provider,
				itemIndex: request.itemIndex,
				attempts: attempt,
				fallbackMessage: (error as Error)?.message,
				maybeDelivered: kind === 'send' && sendMayHaveArrived(failure),
			});
		}
		// Throttled while our own requests are still out: our concurrency is what the provider refused, and the
		// limiter has just shrunk to what it holds. Wait for one of ours to finish, then queue at the limiter,
		// rather than wait on a timer; with nothing of ours out (a rate limit, not a concurrency limit), back off
		// in time. Such a wait is not an attempt, but it is bounded.
		if (scope && isThrottle(failure) && failure.retryAfterMs === undefined && scope.limiter.outstanding > 0 && requeues < MAX_REQUEUES) {
			requeues++;
			attempt--;
			await scope.limiter.nextCompletion();
			continue;
		}
		await sleep(backoffDelay(attempt, policy, failure.retryAfterMs));
	}
}
