/**
 * What one item of a trigger's execution stands for: one event, or (with "Combine Messages Sent Within") every
 * message of one sender's burst, as a single item. One item per burst because an AI Agent node runs once per
 * item: the burst must reach it as one prompt (`text`, the messages' texts joined by line breaks), with each
 * message still there in `messages`, in order.
 */
import type { IBinaryData, IBinaryKeyData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { downloadMedia, type MediaDownloadOptions } from './media';
import type { TriggerEvent } from './receive';

export interface Unit {
	events: TriggerEvent[];
	/** A burst: emitted as one combined item even when it holds one message. */
	combined: boolean;
}

export const single = (event: TriggerEvent): Unit => ({ events: [event], combined: false });
export const burst = (events: TriggerEvent[]): Unit => ({ events, combined: true });

const textOf = (json: IDataObject): string | null => (typeof json.text === 'string' ? json.text : null);

/** The texts a reply filter looks at, in order. */
export const unitTexts = (unit: Unit): Array<string | null> => unit.events.map((event) => textOf(event.simplified));

/** The item as Simplify says: the event (or the burst's last message) plus, for a burst, all its messages. */
export function unitJson(unit: Unit, simplify: boolean): IDataObject {
	const shape = (event: TriggerEvent) => (simplify ? event.simplified : event.raw);
	if (!unit.combined) return { ...shape(unit.events[0]) };
	const last = unit.events[unit.events.length - 1];
	const json: IDataObject = { ...shape(last), messageCount: unit.events.length, messages: unit.events.map(shape) };
	if (simplify) {
		const texts = unitTexts(unit).filter((text): text is string => text !== null && text !== '');
		json.text = texts.length > 0 ? texts.join('\n') : null;
	}
	return json;
}

async function download(context: IWebhookFunctions, event: TriggerEvent, media: MediaDownloadOptions): Promise<{ binary?: IBinaryData; error?: string }> {
	try {
		return { binary: await downloadMedia(context, event.media!, media) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/**
 * The execution item, with media downloaded when asked: binary `data` for a message; for a burst `data`, `data_2`,
 * `data_3`... in message order, each named in its entry of `messages` (`binaryProperty`, or `mediaError`).
 */
export async function unitItem(context: IWebhookFunctions, unit: Unit, simplify: boolean, media?: MediaDownloadOptions): Promise<INodeExecutionData> {
	const json = unitJson(unit, simplify);
	const withMedia = media ? unit.events.map((event, index) => ({ event, index })).filter(({ event }) => event.media) : [];
	if (withMedia.length === 0) return { json };
	const binary: IBinaryKeyData = {};
	const entries = unit.combined ? (json.messages as IDataObject[]) : undefined;
	// One at a time: a burst of a hundred images must not open a hundred downloads at once.
	for (const [position, { event, index }] of withMedia.entries()) {
		const key = position === 0 ? 'data' : `data_${position + 1}`;
		const outcome = await download(context, event, media!);
		const target = entries ? (entries[index] = { ...entries[index] }) : json;
		if (outcome.binary) {
			binary[key] = outcome.binary;
			if (entries) target.binaryProperty = key;
		} else target.mediaError = outcome.error;
	}
	return Object.keys(binary).length > 0 ? { json, binary } : { json };
}
