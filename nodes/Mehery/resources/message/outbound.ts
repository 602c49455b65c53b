import type { IDataObject } from 'n8n-workflow';

import { compact } from '../../../shared/fields';

/** What one Message → Send item delivers, validated; `buildOutboundMessage` turns it into Mehery's OutBoundMsg. */

export interface Recipient {
	phone?: string;
	contactId?: string;
	email?: string;
	/** Overrides the contact's name in the message. */
	name?: string;
}

export type MediaType = 'image' | 'video' | 'audio' | 'document';

export interface ContactCard {
	name: { formatted_name?: string; first_name?: string; last_name?: string };
	org?: { company?: string; department?: string; title?: string };
	birthday?: string;
	phones: Array<{ phone: string; type?: string; wa_id?: string }>;
	emails: Array<{ email: string; type?: string }>;
	urls: Array<{ url: string; type?: string }>;
	addresses: Array<{ street?: string; city?: string; state?: string; zip?: string; country?: string; country_code?: string; type?: string }>;
}

export type MessageContent =
	| { type: 'text'; body: string }
	| { type: MediaType; link: string; caption?: string; filename?: string }
	| { type: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
	| { type: 'contacts'; card: ContactCard }
	| { type: 'template'; code?: string; id?: string; lang?: string; data: IDataObject; linked: string };

export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER';

/** TmplElement: `name` is required by the spec; `url` for URL buttons, `phone` for call buttons. */
export interface Button {
	type: ButtonType;
	name: string;
	label?: string;
	code?: string;
	desc?: string;
	url?: string;
	phone?: string;
}

export interface OutboundMessage {
	channelId: string;
	to: Recipient;
	content: MessageContent;
	buttons: Button[];
	mask: boolean;
}

/** A content's fields without its `type` tag. */
function withoutType<T extends { type: string }>(content: T): Omit<T, 'type'> {
	return Object.fromEntries(Object.entries(content).filter(([key]) => key !== 'type')) as Omit<T, 'type'>;
}

function contentFields(content: MessageContent): IDataObject {
	switch (content.type) {
		case 'text':
			return { text: { body: content.body } };
		case 'location': {
			// CommonMsgLocation types the coordinates as strings.
			const { latitude, longitude, ...rest } = withoutType(content);
			return { location: { latitude: String(latitude), longitude: String(longitude), ...compact(rest) } };
		}
		case 'contacts': {
			const { card } = content;
			// CommonMsgContactCard requires every list: an empty one says "none" and asks nothing of the server.
			// (The package offers no instant-messenger entries, so `ims` is always empty.)
			const lists = { addresses: card.addresses, emails: card.emails, ims: [], phones: card.phones, urls: card.urls };
			const allLists = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, (list as object[]).map(compact)]));
			const org = card.org && Object.keys(compact(card.org)).length > 0 ? { org: compact(card.org) } : {};
			return { contacts: [{ name: compact(card.name), ...org, ...compact({ birthday: card.birthday }), ...allLists }] };
		}
		case 'template': {
			// `linked` is required by CommonTemplateMeta even when empty, so it is sent as given.
			const { data, linked, ...rest } = withoutType(content);
			return { template: { ...compact(rest), data, linked } };
		}
		default: {
			const { type, ...media } = content;
			return { [type]: compact(media) };
		}
	}
}

/** The OutBoundMsg body (spec: Schemas → OutBoundMsg). Only the chosen type's content field is present. */
export function buildOutboundMessage(message: OutboundMessage): IDataObject {
	const body: IDataObject = {
		channelId: message.channelId,
		to: compact(message.to),
		type: message.content.type,
		mask: message.mask,
		...contentFields(message.content),
	};
	if (message.buttons.length > 0) body.options = { buttons: message.buttons.map((button) => compact(button)) };
	return body;
}

/** Messages to one recipient on one channel go out in input order. */
export function recipientKey(message: OutboundMessage): string {
	const { phone, contactId, email } = message.to;
	return `${message.channelId}|${contactId ?? phone ?? email ?? ''}`;
}
