import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from '../shared/trigger';
import type { MoBatch, MoMessage } from './api';
import { moToChatMessage } from './normalize';

/** Wavy's `total` disagreeing with what `data` holds: the batch is still processed, with this note on each item. */
export function totalWarning(batch: MoBatch): string | undefined {
	if (batch.total === undefined || batch.total === null || batch.total === batch.data.length) return undefined;
	return `Wavy said this batch holds ${batch.total} message(s) but sent ${batch.data.length}; every message sent is here.`;
}

/** The file of an image, audio, video or document message, for "Download Media". */
function mediaOf({ message }: MoMessage): TriggerEvent['media'] {
	if (typeof message.mediaUrl !== 'string' || message.mediaUrl.trim() === '') return undefined;
	return { url: message.mediaUrl, ...(message.mimeType ? { mimeType: message.mimeType } : {}) };
}

/** One MO message as a trigger event: the normalized chat message, or Wavy's own message with Simplify off. */
export function moEvent(message: MoMessage, warning: string | undefined, now: number): TriggerEvent {
	const withWarning = (json: IDataObject) => (warning ? { ...json, warning } : json);
	return {
		kind: 'message',
		id: message.id,
		simplified: withWarning(moToChatMessage(message, now) as unknown as IDataObject),
		raw: withWarning(message as IDataObject),
		media: mediaOf(message),
	};
}
