import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { isHttpUrl } from '../../../shared/fields';
import type { SendOperation } from '../../../shared/operation';
import { phoneDigits, phoneNumberProblem, readPhoneDigits } from '../../../shared/phone';
import { meheryRequest, receiptSchema } from '../../api';
import { readChannelId, readKeyValueOrJson, readRequiredText } from '../../fields';
import type { Button, ButtonType, ContactCard, MediaType, MessageContent, OutboundMessage, Recipient } from './outbound';
import { buildOutboundMessage, recipientKey } from './outbound';
import { MEDIA_TYPES, sendFields, TEMPLATE_DATA } from './sendFields';

/** Message → Send: one OutBoundMsg per item; Mehery answers a receipt id. */
export const sendMessage: SendOperation<OutboundMessage> = {
	kind: 'send',
	option: {
		name: 'Send',
		action: 'Send a message',
		description: 'Send a text, media, location, contact card or template message, with optional buttons',
	},
	description: sendFields,

	readParameters(this: IExecuteFunctions, itemIndex) {
		return readOutboundMessage(this, itemIndex);
	},

	// Messages to one recipient keep their input order; different recipients go out side by side.
	orderKey: recipientKey,

	async run(this: IExecuteFunctions, message, itemIndex): Promise<IDataObject[]> {
		const body = buildOutboundMessage(message);
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/message/send', body, kind: 'send', itemIndex },
			receiptSchema,
			'send receipt (ApiResponse of OutBoundReciept)',
		);
		return [{ receiptId: String(answer.data!.id), channelId: message.channelId, to: body.to as IDataObject, type: message.content.type }];
	},
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Context = IExecuteFunctions;

function readRecipient(context: Context, itemIndex: number): Recipient {
	const type = context.getNodeParameter('recipientType', itemIndex, 'phone') as 'phone' | 'contactId' | 'email';
	const value = String(context.getNodeParameter('recipient', itemIndex, '') ?? '').trim();
	const name = String(context.getNodeParameter('options.recipientName', itemIndex, '') ?? '').trim() || undefined;
	const fail = (problem: string) => invalidParameter(context.getNode(), 'Recipient', problem, itemIndex);
	if (!value) throw fail('must not be empty: give the phone number, contact ID or email to send to');
	if (type === 'phone') {
		return { phone: readPhoneDigits(value, '919988776655', fail), name };
	}
	if (type === 'email') {
		if (!EMAIL.test(value)) throw fail(`"${value}" is not an email address`);
		return { email: value, name };
	}
	return { contactId: value, name };
}

function readMedia(context: Context, type: MediaType, itemIndex: number): MessageContent {
	const link = readRequiredText(context, 'mediaUrl', 'Media URL', itemIndex, 'give the public http(s) URL of the file');
	if (!isHttpUrl(link)) {
		throw invalidParameter(context.getNode(), 'Media URL', `"${link}" is not an http(s) URL; Mehery needs a public link it can download`, itemIndex);
	}
	const caption = String(context.getNodeParameter('caption', itemIndex, '') ?? '') || undefined;
	const filename = type === 'document' ? String(context.getNodeParameter('fileName', itemIndex, '') ?? '') || undefined : undefined;
	return { type, link, caption, filename };
}

function readCoordinate(context: Context, name: string, displayName: string, limit: number, itemIndex: number): number {
	const given = context.getNodeParameter(name, itemIndex, null) as unknown;
	// An expression that resolves to nothing must not become 0 (a point in the Gulf of Guinea).
	const blank = given === null || given === undefined || (typeof given === 'string' && given.trim() === '');
	const value = blank ? NaN : Number(given);
	if (!Number.isFinite(value) || Math.abs(value) > limit) {
		throw invalidParameter(context.getNode(), displayName, `must be a number from -${limit} to ${limit}`, itemIndex);
	}
	return value;
}

function readLocation(context: Context, itemIndex: number): MessageContent {
	const details = context.getNodeParameter('locationDetails', itemIndex, {}) as { address?: string; name?: string; url?: string };
	return {
		type: 'location',
		latitude: readCoordinate(context, 'latitude', 'Latitude', 90, itemIndex),
		longitude: readCoordinate(context, 'longitude', 'Longitude', 180, itemIndex),
		...details,
	};
}

interface ContactEntries {
	phones?: Array<{ phone?: string; type?: string; waId?: string }>;
	emails?: Array<{ email?: string; type?: string }>;
	urls?: Array<{ url?: string; type?: string }>;
	addresses?: Array<{ street?: string; city?: string; state?: string; zip?: string; country?: string; countryCode?: string; type?: string }>;
}

function readContactCard(context: Context, itemIndex: number): MessageContent {
	const formatted = readRequiredText(context, 'contactName', 'Contact Name', itemIndex, 'give the name shown on the contact card');
	const details = context.getNodeParameter('contactDetails', itemIndex, {}) as Record<string, string | undefined>;
	const entries = context.getNodeParameter('contactEntries', itemIndex, {}) as ContactEntries;
	const field = 'Contact Phones, Emails, URLs and Addresses';
	const fail = (problem: string) => invalidParameter(context.getNode(), field, problem, itemIndex);
	const phones = (entries.phones ?? []).map(({ phone = '', type, waId }, index) => {
		if (!phone.trim()) throw fail(`phone ${index + 1} has no number`);
		return { phone: phone.trim(), type: type || undefined, wa_id: waId || undefined };
	});
	const emails = (entries.emails ?? []).map(({ email = '', type }) => {
		if (!EMAIL.test(email.trim())) throw fail(`"${email}" is not an email address`);
		return { email: email.trim(), type: type || undefined };
	});
	const urls = (entries.urls ?? []).map(({ url = '', type }) => {
		if (!isHttpUrl(url.trim())) throw fail(`"${url}" is not an http(s) URL`);
		return { url: url.trim(), type: type || undefined };
	});
	const addresses = (entries.addresses ?? []).map(({ countryCode, ...address }) => ({ ...address, country_code: countryCode }));
	const card: ContactCard = {
		name: { formatted_name: formatted, first_name: details.firstName, last_name: details.lastName },
		org: { company: details.company, department: details.department, title: details.title },
		birthday: details.birthday,
		phones,
		emails,
		urls,
		addresses,
	};
	return { type: 'contacts', card };
}

function readTemplate(context: Context, itemIndex: number): MessageContent {
	const locator = context.getNodeParameter('template', itemIndex, { mode: 'list', value: '' }) as { mode?: string; value?: unknown };
	const reference = String(locator.value ?? '').trim();
	if (!reference) {
		throw invalidParameter(context.getNode(), 'Template', 'must not be empty: pick a template from the list or give its code or ID', itemIndex);
	}
	const lang = String(context.getNodeParameter('templateLanguage', itemIndex, '') ?? '').trim() || undefined;
	const data = readKeyValueOrJson(context, TEMPLATE_DATA, itemIndex);
	const linked = String(context.getNodeParameter('templateLinked', itemIndex, '') ?? '').trim();
	const byId = locator.mode === 'id';
	return { type: 'template', code: byId ? undefined : reference, id: byId ? reference : undefined, lang, data, linked };
}

function readButtons(context: Context, itemIndex: number): Button[] {
	const collection = context.getNodeParameter('buttons', itemIndex, {}) as { button?: Array<Record<string, string | undefined>> };
	return (collection.button ?? []).map((raw, index) => {
		const fail = (problem: string) => invalidParameter(context.getNode(), 'Buttons', `button ${index + 1} ${problem}`, itemIndex);
		const type = (raw.type ?? 'QUICK_REPLY') as ButtonType;
		const name = (raw.name ?? '').trim() || (raw.label ?? '').trim();
		if (!name) throw fail('needs a Name (or at least a Label)');
		const url = (raw.url ?? '').trim();
		const phone = (raw.phone ?? '').trim();
		if (type === 'URL' && !isHttpUrl(url)) throw fail(`is a URL button but "${url}" is not an http(s) URL`);
		if (type === 'PHONE_NUMBER' && phoneDigits(phone) === undefined) throw fail(`is a call button but ${phoneNumberProblem(phone, '+919988776655')}`);
		return {
			type,
			name,
			label: raw.label || undefined,
			code: raw.code || undefined,
			desc: raw.desc || undefined,
			url: type === 'URL' ? url : undefined,
			phone: type === 'PHONE_NUMBER' ? phone : undefined,
		};
	});
}

function readContent(context: Context, itemIndex: number): MessageContent {
	const type = context.getNodeParameter('messageType', itemIndex, 'text') as string;
	if (type === 'text') {
		return { type, body: readRequiredText(context, 'text', 'Text', itemIndex, 'give the message text') };
	}
	if ((MEDIA_TYPES as readonly string[]).includes(type)) return readMedia(context, type as MediaType, itemIndex);
	if (type === 'location') return readLocation(context, itemIndex);
	if (type === 'contacts') return readContactCard(context, itemIndex);
	if (type === 'template') return readTemplate(context, itemIndex);
	throw invalidParameter(context.getNode(), 'Message Type', `"${type}" is not supported; use text, image, video, audio, document, location, contacts or template`, itemIndex);
}

/** Reads and validates one Message → Send item, before any request: every refusal names the field. */
function readOutboundMessage(context: Context, itemIndex: number): OutboundMessage {
	const channelId = readChannelId(context, itemIndex, true);
	const to = readRecipient(context, itemIndex);
	const content = readContent(context, itemIndex);
	const buttons = ['location', 'contacts'].includes(content.type) ? [] : readButtons(context, itemIndex);
	const mask = context.getNodeParameter('options.mask', itemIndex, false) as boolean;
	return { channelId, to, content, buttons, mask };
}
