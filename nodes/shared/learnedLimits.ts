/**
 * What the adaptive limiter learned about a provider, kept across executions in this n8n process, per operation
 * and credential: the window the last execution settled on after a 429 (the next one does not slow-start into the
 * same throttles, each costing a request and a round trip), or how many requests the provider held at once without
 * one (the next one starts there, not at the initial 20). Bounded; lost on restart, when the limiter finds out again.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { AdaptiveLimiter, type LearnedLimit } from './throttle';

const MAX_REMEMBERED = 500;
const remembered = new Map<string, LearnedLimit>();

/** The credentials a node runs with (type and id): requests with the same ones reach the same account. */
function accountOf(context: IExecuteFunctions): string | undefined {
	const credentials = Object.entries(context.getNode().credentials ?? {}).filter(([, credential]) => credential.id);
	if (credentials.length === 0) return undefined;
	return credentials.map(([type, credential]) => `${type}:${String(credential.id)}`).sort().join(',');
}

/** `operationName` tells operations apart: a provider may take more reads at once than sends. */
export function limiterFor(context: IExecuteFunctions, operationName: string, max: number): { limiter: AdaptiveLimiter; remember(): void } {
	const account = accountOf(context);
	const key = account && `${context.getNode().type}|${operationName}|${account}`;
	const limiter = new AdaptiveLimiter(max);
	const known = key ? remembered.get(key) : undefined;
	if (known) limiter.resumeFrom(known);
	return {
		limiter,
		remember: () => {
			const learned = limiter.learned;
			if (!key || !learned) return;
			remembered.delete(key);
			remembered.set(key, learned);
			for (const oldest of remembered.keys()) {
				if (remembered.size <= MAX_REMEMBERED) break;
				remembered.delete(oldest);
			}
		},
	};
}
