import { toChatMessage, type ChatMessage } from '../../shared/chatMessage';
import { EPOCH_MS_FORMAT, ISO_FORMAT, parseProviderDate } from '../../shared/dates';
import { PROVIDER_KEY } from '../api';
import type { MoMessage } from './mo';

const MEDIA_TYPES = new Set(['IMAGE', 'AUDIO', 'VIDEO', 'DOCUMENT', 'STICKER', 'VOICE']);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function coordinate(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(number) ? number : undefined;
}

/** Wavy writes a location as `geoPoint: "lat,long"`; plain latitude/longitude fields are accepted too. */
function location(raw: Record<string, unknown> | null | undefined): ChatMessage['location'] {
	if (!raw) return undefined;
	const [lat, long] = typeof raw.geoPoint === 'string' ? raw.geoPoint.split(',') : [raw.latitude, raw.longitude];
	const latitude = coordinate(lat);
	const longitude = coordinate(long);
	if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
	return { latitude, longitude, ...(str(raw.name) ? { name: raw.name as string } : {}), ...(str(raw.address) ? { address: raw.address as string } : {}) };
}

/** Shared contacts as one readable line: "Maria Souza (+55 11 98888-7777)". The full cards stay in `raw`. */
function contactsText(contacts: Array<Record<string, unknown>>): string {
	return contacts
		.map((contact) => {
			const name = contact.name as Record<string, unknown> | string | undefined;
			const display = typeof name === 'string' ? name : str(name?.formattedName) ?? [name?.firstName, name?.lastName].filter(str).join(' ');
			const phones = (Array.isArray(contact.phones) ? contact.phones : []).map((phone: Record<string, unknown>) => str(phone?.phone)).filter(Boolean);
			return phones.length ? `${display || 'Contact'} (${phones.join(', ')})` : display || 'Contact';
		})
		.join('; ');
}

function content(message: MoMessage['message']): Pick<ChatMessage, 'type' | 'text' | 'media' | 'location'> {
	const type = message.type.toUpperCase();
	if (type === 'TEXT') return { type: 'text', text: message.messageText ?? '' };
	if (MEDIA_TYPES.has(type) && str(message.mediaUrl)) {
		const media = { kind: type.toLowerCase(), url: message.mediaUrl as string, ...(str(message.caption) ? { caption: message.caption as string } : {}), ...(str(message.mimeType) ? { mimeType: message.mimeType as string } : {}) };
		return { type: 'media', text: str(message.caption) ?? null, media };
	}
	if (type === 'LOCATION') {
		const place = location(message.location);
		if (place) return { type: 'location', text: place.name ?? null, location: place };
	}
	if (type === 'CONTACTS' && message.contacts?.length) return { type: 'unknown', text: contactsText(message.contacts) };
	// Anything newer (buttons, interactive replies...) keeps whatever text it has; `raw` holds the rest.
	return { type: 'unknown', text: str(message.messageText) ?? str(message.caption) ?? null };
}

/**
 * When Wavy received it: `receivedAt` (epoch ms), else `receivedDate`, else now. A message whose dates do not
 * parse is still emitted (with the time it reached us); its own values stay in `raw`.
 */
export function receivedAt(message: MoMessage, now: number): string {
	try {
		if (typeof message.receivedAt === 'number') return parseProviderDate(message.receivedAt, [EPOCH_MS_FORMAT]);
		if (str(message.receivedDate)) return parseProviderDate(message.receivedDate as string, [ISO_FORMAT], 'UTC');
	} catch {
		// fall through to the time of receipt
	}
	return new Date(now).toISOString();
}

/** An MO message as the normalized chat message. The customer's number is the conversation. */
export function moToChatMessage(message: MoMessage, now = Date.now()): ChatMessage {
	const customer = message.origin ?? message.source ?? null;
	return toChatMessage({
		provider: PROVIDER_KEY,
		direction: 'inbound',
		messageId: message.id,
		conversationId: customer,
		from: customer,
		to: null,
		contactName: message.userProfile?.name ?? null,
		...content(message.message),
		timestamp: receivedAt(message, now),
		raw: message,
	});
}
