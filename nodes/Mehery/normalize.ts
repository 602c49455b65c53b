import type { IDataObject } from 'n8n-workflow';

import { toChatMessage, type ChatMessage, type ChatMessageType } from '../shared/chatMessage';
import { EPOCH_MS_FORMAT, parseProviderDate } from '../shared/dates';

/**
 * Mehery's messages in the package's normalized chat-message shape: inbound notifications (InBoundMsg,
 * InBoundMsgStatus) and session history (ChatMessageDTO).
 */

export const PROVIDER_ID = 'mehery';

type Raw = Record<string, unknown>;

const asText = (value: unknown): string | null =>
	value === null || value === undefined || value === '' ? null : String(value);
const asObject = (value: unknown): Raw | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;

/**
 * Mehery's int64 timestamps. The spec's example (156753339076) fits neither seconds nor milliseconds of a
 * plausible date; Java services send epoch milliseconds, and values below 1e11 can only be seconds.
 * No usable time gives null: the time we fetched or received a message is not the time it was sent.
 */
export function meheryTimestamp(value: unknown): string | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return null;
	return parseProviderDate(number < 1e11 ? number * 1000 : number, [EPOCH_MS_FORMAT]);
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'voice', 'document', 'sticker'];

/**
 * The InBoundMsgMedia of a media message: the field named by its type (`image`, `voice`...), else its first
 * `attachments` entry; the spec documents both places.
 */
export function inboundMediaObject(message: Raw): Raw | undefined {
	const type = String(message.type ?? '');
	if (!MEDIA_TYPES.includes(type)) return undefined;
	const attachments = Array.isArray(message.attachments) ? message.attachments : [];
	return asObject(message[type]) ?? asObject(attachments[0]);
}

function coordinate(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** CommonMsgLocation → the normalized location, when its coordinates are usable. */
function location(raw: unknown): ChatMessage['location'] {
	const value = asObject(raw);
	const latitude = coordinate(value?.latitude);
	const longitude = coordinate(value?.longitude);
	if (!value || latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
	return {
		latitude,
		longitude,
		...(asText(value.name) ? { name: String(value.name) } : {}),
		...(asText(value.address) ? { address: String(value.address) } : {}),
	};
}

/** InBoundMsgMedia → the normalized media, when it has a link. */
function inboundMedia(kind: string, raw: unknown): ChatMessage['media'] {
	const media = asObject(raw);
	const url = asText(media?.linkSecure) ?? asText(media?.link);
	if (!media || !url) return undefined;
	return {
		kind,
		url,
		...(asText(media.caption) ? { caption: String(media.caption) } : {}),
		...(asText(media.mime_type) ? { mimeType: String(media.mime_type) } : {}),
	};
}

/** One InBoundMsg of an InBoundWrapper; `contacts` are the wrapper's InBoundContact entries. */
export function simplifyInboundMessage(message: Raw, contacts: Raw[]): ChatMessage {
	const contactId = asText(message.contactId);
	const contact = contacts.find((entry) => asText(entry.contactId) === contactId) ?? (contacts.length === 1 ? contacts[0] : undefined);
	const profile = asObject(contact?.profile);
	const business = asObject(contact?.businessProfile);
	const session = asObject(message.session);
	const rawType = String(message.type ?? 'unknown');
	let type: ChatMessageType = 'unknown';
	let text: string | null = null;
	let media: ChatMessage['media'];
	let place: ChatMessage['location'];
	if (rawType === 'text') {
		type = 'text';
		text = asText(asObject(message.text)?.body);
	} else if (MEDIA_TYPES.includes(rawType)) {
		const file = inboundMediaObject(message);
		media = inboundMedia(rawType, file);
		type = media ? 'media' : 'unknown';
		text = asText(file?.caption);
	} else if (rawType === 'location') {
		place = location(message.location);
		type = place ? 'location' : 'unknown';
		text = asText(asObject(message.location)?.name) ?? asText(asObject(message.location)?.address);
	} else {
		text = asText(asObject(message.text)?.body);
	}
	return toChatMessage({
		provider: PROVIDER_ID,
		direction: 'inbound',
		messageId: String(message.id ?? message.messageIdExt ?? ''),
		conversationId: asText(session?.sessionId) ?? contactId,
		from: asText(message.from) ?? asText(profile?.phone) ?? contactId,
		to: asText(contact?.lane) ?? asText(contact?.channelId),
		contactName: asText(profile?.name) ?? asText(business?.name),
		type,
		text,
		...(media ? { media } : {}),
		...(place ? { location: place } : {}),
		timestamp: meheryTimestamp(message.timestamp),
		raw: message,
	});
}

/** One InBoundMsgStatus: the delivery state of a message we sent (READ, DLVRD, SENT, FAILD, DELTD). */
export function simplifyStatus(status: Raw): ChatMessage {
	const errors = Array.isArray(status.errors) ? (status.errors as Raw[]) : [];
	const firstError = errors.map((error) => asText(error.title) ?? asText(error.details)).find(Boolean) ?? null;
	return toChatMessage({
		provider: PROVIDER_ID,
		direction: 'outbound',
		messageId: String(status.id ?? status.messageIdExt ?? ''),
		conversationId: asText(status.contactId),
		from: null,
		to: asText(status.contactId),
		contactName: null,
		type: 'status',
		text: firstError,
		status: String(status.status ?? 'UNKNOWN'),
		timestamp: meheryTimestamp(status.timestamp),
		raw: status,
	});
}

/** A ChatMessageDTO of Session → Get Messages. All attachments stay in `raw`; the first is `media`. */
export function simplifySessionMessage(message: Raw): ChatMessage {
	const contact = asObject(message.contact);
	const route = asObject(message.route);
	const customer = asText(contact?.phone) ?? asText(contact?.contactId);
	const sender = asText(message.sender);
	const inbound =
		String(route?.senderType ?? '').toUpperCase() === 'CONTACT' ||
		(sender !== null && (sender === asText(contact?.contactId) || sender === asText(contact?.phone)));
	const business = asText(contact?.lane);
	const attachment = (Array.isArray(message.attachments) ? (message.attachments as Raw[]) : [])[0];
	const url = asText(attachment?.mediaURL) ?? asText(attachment?.mediaSrc);
	const media: ChatMessage['media'] =
		attachment && url
			? {
					kind: String(attachment.mediaType ?? message.type ?? 'file').toLowerCase(),
					url,
					...(asText(attachment.mediaCaption) ? { caption: String(attachment.mediaCaption) } : {}),
					...(asText(attachment.mediaMimeType) ? { mimeType: String(attachment.mediaMimeType) } : {}),
				}
			: undefined;
	const buttons = (asObject(message.options)?.buttons as Raw[] | undefined) ?? [];
	const labels = buttons.map((button) => asText(button.label) ?? asText(button.name)).filter((label): label is string => label !== null);
	let type: ChatMessageType = 'text';
	if (message.type === 'template' || asText(message.templateId) || asText(message.template)) type = 'template';
	else if (labels.length > 0) type = 'buttons';
	else if (media) type = 'media';
	else if (message.type !== undefined && message.type !== 'text' && message.type !== null) type = 'unknown';
	return toChatMessage({
		provider: PROVIDER_ID,
		direction: inbound ? 'inbound' : 'outbound',
		messageId: String(message.messageId ?? message.messageIdExt ?? ''),
		conversationId: asText(message.sessionId),
		from: inbound ? customer : business,
		to: inbound ? business : customer,
		contactName: asText(contact?.name),
		type,
		text: asText(message.text),
		...(media ? { media } : {}),
		...(labels.length > 0 ? { buttons: labels } : {}),
		timestamp: meheryTimestamp(message.timestamp),
		raw: message,
	});
}

/** An InBoundEvent (e.g. SESSION_ROUTED) flattened to what a workflow branches on; the event stays in `raw`. */
export function simplifyEvent(event: Raw): IDataObject {
	const session = asObject(event.session);
	const routed = asObject(event.sessionRouted);
	const assigned = asObject(event.sessionAssigned);
	const contact = asObject(event.contact);
	return {
		provider: PROVIDER_ID,
		event: asText(event.eventCode),
		eventId: asText(event.eventId),
		sessionId: asText(event.sessionId),
		contactId: asText(event.contactId) ?? asText(contact?.contactId),
		contactName: asText(contact?.name),
		phone: asText(contact?.phone),
		queue: asText(session?.queue) ?? asText(routed?.targetQueue),
		fromQueue: asText(routed?.sourceQueue),
		agent: asText(session?.agent) ?? asText(assigned?.newAgent),
		resolved: typeof session?.resolved === 'boolean' ? session.resolved : null,
		raw: event as IDataObject,
	};
}

/** An InBoundContact: Mehery asks who this contact is (answer with a ContactInfoUpdate). */
export function simplifyContactRequest(request: Raw): IDataObject {
	const profile = asObject(request.profile);
	return {
		provider: PROVIDER_ID,
		contactId: asText(request.contactId),
		channelId: asText(request.channelId),
		contactType: asText(request.contactType),
		phone: asText(profile?.phone),
		name: asText(profile?.name),
		email: asText(profile?.email),
		raw: request as IDataObject,
	};
}
