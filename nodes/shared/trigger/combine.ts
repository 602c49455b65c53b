/** The "Combine Messages Sent Within" option every chat trigger offers, and its reader (see burst.ts). */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import type { CombineSpec, TriggerEvent } from './receive';

const MAX_WINDOW_SECONDS = 300;

/** `messages`: what is combined, in words (e.g. "messages a customer sends"). */
export function combineMessagesOption(messages: string): INodeProperties {
	return {
		displayName: 'Combine Messages Sent Within (Seconds)',
		name: 'combineWithinSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_WINDOW_SECONDS, numberPrecision: 1 },
		default: 0,
		description: `0: off. Otherwise ${messages} in a row, each less than this many seconds after the one before, start one execution once they stop, as one item: "text" holds all their texts (one per line), "messages" each message in order. Every call is still answered at once.`,
	};
}

/** undefined when combining is off. */
export function readCombine(context: IWebhookFunctions, senderOf: (event: TriggerEvent) => string | undefined): CombineSpec | undefined {
	const seconds = Number(context.getNodeParameter('options.combineWithinSeconds', 0));
	if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
	return { windowMs: Math.round(Math.min(seconds, MAX_WINDOW_SECONDS) * 1000), senderOf };
}
