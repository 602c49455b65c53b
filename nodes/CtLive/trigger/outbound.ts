import type { IDataObject } from 'n8n-workflow';

import { toChatMessage } from '../../shared/chatMessage';
import type { TriggerEvent } from '../../shared/trigger';
import { PENDING_ENROUTE } from '../statuses';
import { z, type Infer } from '../../shared/trigger/zod';

export const PROVIDER_KEY = 'ctlive';

/**
 * An outbound message CTLive posts to the channel (an agent's text, image or document). Only what we use is
 * checked; anything else passes through into `raw`.
 */
export const outboundMessageSchema = z
	.object({
		scenarioKey: z.string().min(1),
		destinations: z.array(z.object({ to: z.object({ phoneNumber: z.string().min(1) }).passthrough() }).passthrough()).min(1),
		// null counts as absent: CTLive's own examples write unset fields as null (pairedMessageId).
		whatsApp: z
			.object({
				text: z.string().nullish(),
				imageUrl: z.string().min(1).nullish(),
				fileUrl: z.string().min(1).nullish(),
			})
			.passthrough()
			.refine((content) => content.text != null || content.imageUrl != null || content.fileUrl != null, {
				message: 'needs text, imageUrl or fileUrl',
			}),
	})
	.passthrough();

export type OutboundMessage = Infer<typeof outboundMessageSchema>;

/** The answer CTLive expects: each destination accepted (PENDING_ENROUTE) under the id later reports will use. */
export function acceptedAnswer(message: OutboundMessage, messageIds: string[]): IDataObject {
	return {
		messages: message.destinations.map((destination, index) => ({
			to: { phoneNumber: destination.to.phoneNumber },
			status: { ...PENDING_ENROUTE },
			messageId: messageIds[index],
		})),
	};
}

/**
 * One event per destination: the normalized chat message (with CTLive's scenarioKey, the account's source, kept
 * beside it) or, with Simplify off, CTLive's own fields for that destination; both carry the answered messageId.
 */
export function outboundEvents(message: OutboundMessage, messageIds: string[], receivedAt: Date): TriggerEvent[] {
	const { text, imageUrl, fileUrl } = message.whatsApp;
	const mediaUrl = imageUrl ?? fileUrl;
	const kind = imageUrl ? 'image' : 'document';
	return message.destinations.map((destination, index) => ({
		kind: 'message',
		id: messageIds[index],
		simplified: {
			...toChatMessage({
				provider: PROVIDER_KEY,
				direction: 'outbound',
				messageId: messageIds[index],
				conversationId: destination.to.phoneNumber,
				from: message.scenarioKey,
				to: destination.to.phoneNumber,
				contactName: null,
				type: mediaUrl ? 'media' : 'text',
				text: text ?? null,
				...(mediaUrl ? { media: { kind, url: mediaUrl, ...(text ? { caption: text } : {}) } } : {}),
				timestamp: receivedAt.toISOString(),
				raw: message as Record<string, unknown>,
			}),
			scenarioKey: message.scenarioKey,
		},
		raw: { messageId: messageIds[index], scenarioKey: message.scenarioKey, to: destination.to, whatsApp: message.whatsApp } as IDataObject,
		// A document's caption is its file name.
		...(mediaUrl ? { media: { url: mediaUrl, ...(kind === 'document' && text ? { fileName: text } : {}) } } : {}),
	}));
}
