import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from '../../shared/trigger';
import { moToChatMessage } from './normalize';
import { z, type Infer } from '../../shared/trigger/zod';

/** Ids and numbers may come as text or as numbers; they are kept as text. */
const textOrNumber = z.union([z.string(), z.number()]).transform(String);

/** The `message` object of an MO (mobile-originated) message; its fields depend on `type`. */
export const moContentSchema = z
	.object({
		type: z.string().min(1),
		messageText: z.string().nullish(),
		mediaUrl: z.string().nullish(),
		mimeType: z.string().nullish(),
		caption: z.string().nullish(),
		location: z.record(z.string(), z.unknown()).nullish(),
		contacts: z.array(z.record(z.string(), z.unknown())).nullish(),
	})
	.passthrough();

/** One MO message of a batch, as Wavy posts it. */
export const moMessageSchema = z
	.object({
		id: textOrNumber.pipe(z.string().min(1)),
		source: textOrNumber.nullish(),
		origin: textOrNumber.nullish(),
		userProfile: z.object({ name: z.string().nullish() }).passthrough().nullish(),
		message: moContentSchema,
		receivedAt: z.number().finite().nullish(),
		receivedDate: z.string().nullish(),
	})
	.passthrough();
export type MoMessage = Infer<typeof moMessageSchema>;

/** An MO batch: `total` is Wavy's own count and may disagree with `data`. */
export const moBatchSchema = z.object({ total: z.number().int().nonnegative().nullish(), data: z.array(moMessageSchema) }).passthrough();
export type MoBatch = Infer<typeof moBatchSchema>;

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
