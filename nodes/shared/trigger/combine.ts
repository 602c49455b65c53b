/** The "Combine Messages Sent Within" option every chat trigger offers, its reader, and the bursts it makes (./burst). */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { BurstDesk } from './burst';
import { persistNow } from './persist';
import type { CombineSpec, TriggerEvent } from './receive';
import { burst, single, type Unit } from './units';

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

/**
 * Messages into their senders' bursts; returns what this call's execution holds: the other events, each alone,
 * the bursts this call opened once their senders were quiet, and bursts cut off elsewhere that it takes over.
 * `endpointSecret`: signs the call that saves a newly opened burst at once (./persist).
 */
export async function collectBursts(context: IWebhookFunctions, combine: CombineSpec, scope: string, emitted: TriggerEvent[], endpointSecret?: () => Promise<string>): Promise<Unit[]> {
	const desk = new BurstDesk(context.getWorkflowStaticData('node'), scope, combine.windowMs);
	const others: Unit[] = [];
	const messages: Array<{ sender: string; event: TriggerEvent }> = [];
	for (const event of emitted) {
		const sender = combine.senderOf(event);
		if (sender === undefined) others.push(single(event));
		else messages.push({ sender, event });
	}
	const opened = desk.join(messages);
	const orphans = desk.adoptOrphans();
	desk.save();
	if (opened.length > 0) {
		// Saved now by a call of our own, not only when this long call ends: a restart meanwhile keeps the burst.
		if (endpointSecret) await persistNow(context, await endpointSecret());
		await desk.untilQuiet(opened);
	}
	const bursts = [...orphans, ...desk.take(opened)];
	desk.save();
	return [...others, ...bursts.map((collected) => burst(collected.events))];
}
