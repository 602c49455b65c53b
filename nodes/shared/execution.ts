/**
 * What one node execution shares across all its items: the one limiter of provider requests in flight, and
 * whether the operation sends. `runOperation` registers it for the IExecuteFunctions object it hands to every
 * item; `providerRequest` looks it up, so an operation cannot forget either.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from './errors';
import type { RequestKind } from './request';
import { AdaptiveLimiter } from './throttle';

export interface ExecutionScope {
	limiter: AdaptiveLimiter;
	/** The request kind of the running operation; a request may only name its kind explicitly to be stricter. */
	kind: RequestKind;
	/** Credentials read once per execution, by type, in the shape n8n's request helper takes (see credentials.ts). */
	credentials?: Map<string, Promise<ICredentialsDecrypted & { data: ICredentialDataDecryptedObject }>>;
}

const scopes = new WeakMap<object, ExecutionScope>();

export function beginExecution(context: object, scope: ExecutionScope): void {
	scopes.set(context, scope);
}

export function executionScope(context: object): ExecutionScope | undefined {
	return scopes.get(context);
}

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 100;
export const MAX_CONCURRENT_REQUESTS_LIMIT = 1000;

/** For an operation's Options collection. */
export const maxConcurrentRequestsOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENT_REQUESTS_LIMIT, numberPrecision: 0 },
	default: DEFAULT_MAX_CONCURRENT_REQUESTS,
	description:
		'Upper bound of requests this node has open at the provider at once, over all items. The node starts lower, speeds up while the provider keeps up and slows down when it answers 429 (too many requests); lower this to stay well within a shared rate limit.',
};

/** The user's upper bound, read once per execution (item 0): it bounds the whole execution, not one item. */
export function readMaxConcurrentRequests(context: IExecuteFunctions): number {
	const value = context.getNodeParameter(`options.${maxConcurrentRequestsOption.name}`, 0, DEFAULT_MAX_CONCURRENT_REQUESTS) as unknown;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONCURRENT_REQUESTS_LIMIT) {
		throw invalidParameter(
			context.getNode(),
			maxConcurrentRequestsOption.displayName,
			`must be a whole number from 1 to ${MAX_CONCURRENT_REQUESTS_LIMIT}, got ${JSON.stringify(value)}`,
			0,
		);
	}
	return value;
}
