/**
 * What the adaptive limiter learned from a provider's 429s, kept across executions in this n8n process, per
 * operation and credential: the next execution starts at the window the last one settled on instead of
 * slow-starting into the same throttles (each costs a request and a round trip). Bounded; lost on restart, when
 * the limiter simply finds out again.
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
