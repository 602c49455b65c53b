/**
 * Duplicate deliveries, as the trigger core handles them (see ../dedupe for the memory itself): by the ids of a
 * delivery's events, or, for providers whose calls carry no id (CTLive), by the whole payload, remembered with the
 * values its answer carried so that a resend gets the same answer.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { claimKeys, unsettled, type Claim, type ClaimOptions } from '../dedupe';
import { callerGoneBefore } from './verdict';

/** Per-event ids; default on (the last 1000 ids). `false`: off. */
export type IdDedupe = Pick<ClaimOptions, 'max' | 'key' | 'persistEveryMs' | 'persistMax'> | false;

export interface PayloadDedupe<Body> extends Pick<ClaimOptions, 'max' | 'key' | 'persistEveryMs' | 'windowMs'> {
	/** The payload's identity (the same for a resend). */
	keyOf: (body: Body) => string;
	/** The values a new payload is answered with, remembered for its resends (e.g. one message id per destination). */
	values: (body: Body) => string[];
}

/** A provider resending while its first delivery of the same keys waits for n8n: rounds of waiting, bounded. */
const MAX_WAITS = 10;

export function scopeOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}\u0000${context.getMode()}`;
}

/**
 * Claims `keys` once no other delivery of them awaits its verdict (so a retry never drops a delivery whose first
 * try n8n then failed to start). Undefined when this delivery's caller went away while waiting.
 */
export async function claimWhenSettled(
	context: IWebhookFunctions,
	keys: Array<string | undefined>,
	options: ClaimOptions,
	valueFor?: (index: number) => string[],
): Promise<Claim | undefined> {
	const scope = scopeOf(context);
	for (let round = 0; round < MAX_WAITS; round++) {
		const verdicts = unsettled(scope, keys, options);
		if (verdicts.length === 0) break;
		if (await callerGoneBefore(context, verdicts)) return undefined;
	}
	return claimKeys(context.getWorkflowStaticData('node'), scope, keys, options, valueFor);
}
