/**
 * What Mehery XMS posts to the customer's webhook (specs/mehery-xms.txt, Inbound Requests): InBoundWrapper
 * notifications (messages, statuses, events) and InBoundContact contact-information requests, all carrying
 * the `x-verify-token` header. Tests and `npm start` users fire them through POST /mehery/_sim/notify.
 */
import { isObject } from './mehery-validate';

export const NOTIFY_KINDS = ['message', 'image', 'status', 'event', 'contact'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export const STATUS_CODES = ['READ', 'DLVRD', 'SENT', 'FAILD', 'DELTD'];

export interface NotifyRequest {
	kind: NotifyKind;
	/** Message / status / event id; a fresh one each call when absent. */
	id?: string;
	/** How many messages, statuses or events in this one delivery (default 1). */
	count?: number;
	text?: string;
	status?: string;
	eventCode?: string;
	phone?: string;
	name?: string;
	sessionId?: string;
}

const CHANNEL = 'wa360:919999998888';
const LANE = '919999998888';

function contact(phone: string, name: string) {
	return {
		businessProfile: { email: null, name, phone, profileId: `C${phone.slice(-5)}` },
		channelId: CHANNEL,
		contactId: `wa${phone}_${LANE}`,
		contactType: 'WHATSAPP',
		csid: phone,
		lane: LANE,
		profile: { email: null, name, phone },
	};
}

const META = { appId: '61ec7d9c2ce85742b201c5ab', debug: false, domain: 'example', server: 'simulator' };

function wrapper(type: string, parts: Record<string, unknown[]>) {
	return { type, meta: META, actions: [], contacts: [], events: [], messages: [], statuses: [], ...parts };
}

function inboundMessage(request: NotifyRequest, id: string, now: number, index: number) {
	const phone = request.phone ?? '919988776655';
	const base = {
		id,
		messageIdExt: `wamid.${id}`,
		contactId: `wa${phone}_${LANE}`,
		from: phone,
		timestamp: now + index,
		session: {
			sessionId: request.sessionId ?? '61f3810a02e14c0877fc1a32',
			routingId: 'xsds34434-323-232',
			assignedToAgent: null,
			assignedToDept: 'SUPPORT',
		},
		attachments: [],
		originalMessage: {},
		tags: null,
	};
	if (request.kind === 'image') {
		const media = {
			id: `media-${id}`,
			caption: request.text ?? 'My receipt',
			filename: 'receipt.png',
			link: `https://media.example.com/${id}.png`,
			linkSecure: `https://media.example.com/${id}.png`,
			mime_type: 'image/png',
			sha256: 'm3232kaoe4belrr',
			type: 'image',
		};
		return { ...base, type: 'image', image: media, attachments: [media] };
	}
	return { ...base, type: 'text', text: { body: request.text ?? 'Hello, I need help with my order', type: 'text' } };
}

function inboundStatus(request: NotifyRequest, id: string, now: number, index: number) {
	const status = request.status ?? 'DLVRD';
	const phone = request.phone ?? '919988776655';
	return {
		id,
		messageIdExt: `wamid.${id}`,
		contactId: `wa${phone}_${LANE}`,
		status,
		timestamp: now + index,
		errors:
			status === 'FAILD'
				? [{ code: '470', title: 'Outside the support window for freeform messages', details: null, href: null }]
				: [],
	};
}

function inboundEvent(request: NotifyRequest, id: string, now: number) {
	const phone = request.phone ?? '919988776655';
	const sessionId = request.sessionId ?? '61f3810a02e14c0877fc1a32';
	return {
		eventId: id,
		eventCode: request.eventCode ?? 'SESSION_ROUTED',
		checksum: id,
		contactId: `wa${phone}_${LANE}`,
		sessionId,
		contact: { channelType: 'WHATSAPP', contactId: `wa${phone}_${LANE}`, contactType: 'WHATSAPP', csid: phone, email: null, lane: LANE, name: request.name ?? 'John Doe', phone },
		route: { queueCode: 'support', routerId: null, sendMode: null, senderApp: null, senderCode: null, senderType: null },
		session: { agent: null, bot: 'welcome_bot', dept: 'SUPPORT', firstMessage: false, initMessage: false, mode: 'AGENT', queue: 'support', resolved: false, routingId: 'xsds34434-323-232', sessionStamp: now, ticketHash: null },
		sessionAssigned: null,
		sessionRouted: { params: {}, routingId: 'xsds34434-323-232', sessionStart: false, sourceQueue: 'bot', targetQueue: 'support' },
		trace: [],
	};
}

/** The body Mehery would post for this request; `nextId` gives a fresh id when the request names none. */
export function notificationBody(request: NotifyRequest, nextId: () => string, now = Date.now()): Record<string, unknown> {
	const phone = request.phone ?? '919988776655';
	const name = request.name ?? 'John Doe';
	if (request.kind === 'contact') return contact(phone, name);
	const count = request.count ?? 1;
	const ids = Array.from({ length: count }, (_, index) => (request.id ? (count === 1 ? request.id : `${request.id}-${index + 1}`) : nextId()));
	if (request.kind === 'status') return wrapper('statuses', { statuses: ids.map((id, index) => inboundStatus(request, id, now, index)) });
	if (request.kind === 'event') return wrapper('events', { events: ids.map((id) => inboundEvent(request, id, now)) });
	return wrapper('messages', {
		contacts: [contact(phone, name)],
		messages: ids.map((id, index) => inboundMessage(request, id, now, index)),
	});
}

/** The /_sim/notify body, checked; a string says what is wrong. */
export function readNotifyRequest(body: unknown): NotifyRequest | string {
	if (!isObject(body)) return 'Body must be a JSON object like {"kind":"message"}';
	if (!NOTIFY_KINDS.includes(body.kind as NotifyKind)) return `kind must be one of ${NOTIFY_KINDS.join(', ')}`;
	if (body.count !== undefined && !(Number.isInteger(body.count) && (body.count as number) >= 1 && (body.count as number) <= 100))
		return 'count must be an integer from 1 to 100';
	if (body.status !== undefined && !STATUS_CODES.includes(body.status as string))
		return `status must be one of ${STATUS_CODES.join(', ')}`;
	for (const field of ['id', 'text', 'eventCode', 'phone', 'name', 'sessionId', 'url', 'verifyToken']) {
		if (body[field] !== undefined && typeof body[field] !== 'string') return `${field} must be a string`;
	}
	return body as unknown as NotifyRequest;
}
