/**
 * Mehery XMS's seeded account data (specs/mehery-xms.txt, Schemas): channels (MsgChannel), HSM templates
 * (HSMTemplateDoc), global variables (CompanyVarsConfigDoc) and chat sessions with their messages
 * (ChatMessageDTO). Same seed, same data.
 */
import type { SimulatorSizes } from '../provider';
import { randomFor, type Random } from '../random';

export interface MeheryChannel {
	channelId: string;
	contactType: string;
	lane: string;
	name: string;
}

/** Live channels; the sandbox one is listed only with sandbox=true. */
export const CHANNELS: MeheryChannel[] = [
	{ channelId: 'wa360:919999998888', contactType: 'WHATSAPP', lane: '919999998888', name: 'Customer Support' },
	{ channelId: 'tg:mehery_support_bot', contactType: 'TELEGRAM', lane: 'mehery_support_bot', name: 'Telegram Bot' },
	{ channelId: 'email:support@example.com', contactType: 'EMAIL', lane: 'support@example.com', name: 'Email Desk' },
	{ channelId: 'web:site-chat', contactType: 'WEBSITE', lane: 'site-chat', name: 'Website Chat' },
];
export const SANDBOX_CHANNELS: MeheryChannel[] = [
	{ channelId: 'wa360:sandbox:910000000000', contactType: 'WHATSAPP', lane: '910000000000', name: 'WhatsApp Sandbox' },
];

/** The spec's own sample session id, always present and open. */
export const SAMPLE_SESSION_ID = '61f3810a02e14c0877fc1a32';
/** The other sessions: ids in the same ObjectId form, numbered so examples and tests can name them. */
export const sessionId = (index: number) => `61f3810a02e14c0877fc${(0x2a00 + index).toString(16)}`;

const DATA_ANCHOR = Date.UTC(2024, 5, 3, 9, 30, 0);
const MINUTE = 60_000;

const objectId = (random: Random) =>
	random
		.bytes(12)
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');

/** Template codes with the placeholders their body uses. */
const NAMED_TEMPLATES: Array<{ code: string; body: string; category: string }> = [
	{ code: 'FEEDBACK', body: 'Thanks for paying {{amount}} {{currency}}. How did we do?', category: 'UTILITY' },
	{ code: 'ORDER_SHIPPED', body: 'Hi {{name}}, order {{orderId}} is on its way.', category: 'UTILITY' },
	{ code: 'OTP', body: 'Your code is {{code}}. It expires in 10 minutes.', category: 'AUTHENTICATION' },
	{ code: 'APPOINTMENT_REMINDER', body: 'Reminder: your appointment on {{date}} at {{time}}.', category: 'UTILITY' },
	{ code: 'WELCOME', body: 'Welcome to Example Co, {{name}}!', category: 'MARKETING' },
	{ code: 'PAYMENT_DUE', body: 'Your payment of {{amount}} is due on {{date}}.', category: 'UTILITY' },
];

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED'] as const;

export interface MeheryTemplate {
	id: string;
	code: string;
	name: string;
	lang: string;
	body: string;
	category: string;
	approved: Array<{ channelId: string; status: string; templateId: string }>;
	[key: string]: unknown;
}

export interface MeherySession {
	sessionId: string;
	contactId: string;
	phone: string;
	name: string;
	state: 'open' | 'resolved' | 'closed';
	queue: string;
	agent?: string;
	team?: string;
	skills?: string[];
	params?: Record<string, unknown>;
}

const NAMES = ['Aisha Khan', 'Rahul Mehta', 'John Smith', 'Mei Chen', 'Carlos Garcia', 'Noor Hassan'];

export class MeheryData {
	readonly templates: MeheryTemplate[];
	readonly sessions = new Map<string, MeherySession>();
	readonly globalVars: Array<Record<string, unknown>>;

	constructor(
		private readonly seed: number,
		private readonly sizes: SimulatorSizes,
	) {
		this.templates = this.makeTemplates(sizes.meheryTemplates ?? NAMED_TEMPLATES.length);
		this.globalVars = this.makeGlobalVars();
		this.addSession(SAMPLE_SESSION_ID, 0);
		for (let index = 1; index <= (sizes.meherySessions ?? 10); index++) this.addSession(sessionId(index), index);
	}

	channels(sandbox: boolean): MeheryChannel[] {
		return sandbox ? [...CHANNELS, ...SANDBOX_CHANNELS] : CHANNELS;
	}

	channel(channelId: string): MeheryChannel | undefined {
		return [...CHANNELS, ...SANDBOX_CHANNELS].find((channel) => channel.channelId === channelId);
	}

	template(codeOrId: { code?: string; id?: string }): MeheryTemplate | undefined {
		return this.templates.find((template) => template.code === codeOrId.code || template.id === codeOrId.id);
	}

	private makeTemplates(count: number): MeheryTemplate[] {
		const random = randomFor(this.seed, 'mehery-templates');
		return Array.from({ length: count }, (_, index) => {
			const named = NAMED_TEMPLATES[index] ?? {
				code: `CAMPAIGN_${index + 1}`,
				body: `Campaign ${index + 1} for {{name}}`,
				category: 'MARKETING',
			};
			const id = objectId(random);
			// The first templates are approved everywhere so examples can rely on them; later ones vary.
			const approved = [...CHANNELS, ...SANDBOX_CHANNELS].map((channel) => ({
				channelId: channel.channelId,
				status: index < NAMED_TEMPLATES.length ? 'APPROVED' : random.pick(TEMPLATE_STATUSES),
				templateId: `${channel.contactType.toLowerCase()}_${id.slice(-8)}`,
			}));
			return {
				id,
				code: named.code,
				name: named.code
					.toLowerCase()
					.split('_')
					.map((word) => word[0].toUpperCase() + word.slice(1))
					.join(' '),
				title: named.code,
				lang: 'en_US',
				body: named.body,
				header: '',
				footer: 'Example Co',
				template: named.body,
				category: named.category,
				categoryType: named.category,
				contactType: 'WHATSAPP',
				formatType: 'TEXT',
				createdBy: 'admin',
				createdStamp: DATA_ANCHOR - (count - index) * 86_400_000,
				desc: `${named.code} template`,
				attachments: [],
				meta: {},
				model: {},
				options: {},
				approved,
			};
		});
	}

	private makeGlobalVars(): Array<Record<string, unknown>> {
		const vars: Array<[string, unknown, string | null]> = [
			['SUPPORT_EMAIL', 'support@example.com', null],
			['OFFICE_HOURS', { from: '09:00', to: '18:00', zone: 'Asia/Kolkata' }, null],
			['WA_GREETING', 'Hi! How can we help?', 'wa360:919999998888'],
			['TG_GREETING', 'Hello from our Telegram bot', 'tg:mehery_support_bot'],
		];
		return vars.map(([key, value, channelId], index) => ({
			id: `var${index + 1}`,
			key,
			value,
			description: `${key} variable`,
			disabled: false,
			domain: 'example',
			group: channelId ?? 'GLOBAL',
			server: 'sim',
			shared: channelId === null,
			type: typeof value === 'string' ? 'STRING' : 'JSON',
		}));
	}

	private addSession(sessionId: string, index: number): void {
		const random = randomFor(this.seed, 'mehery-session', sessionId);
		const phone = `9199${String(10_000_000 + index * 7919).slice(-8)}`;
		this.sessions.set(sessionId, {
			sessionId,
			contactId: `wa${phone}_919999998888`,
			phone,
			name: random.pick(NAMES),
			state: 'open',
			queue: 'bot',
		});
	}

	/** A session's messages, oldest first: customer and agent take turns, some with attachments. */
	messages(session: MeherySession): Array<Record<string, unknown>> {
		const random = randomFor(this.seed, 'mehery-messages', session.sessionId);
		const count = this.sizes.meheryMessagesPerSession ?? 6;
		const start = DATA_ANCHOR - count * 5 * MINUTE;
		return Array.from({ length: count }, (_, index) => {
			const inbound = index % 2 === 0;
			const withImage = index === 2 || random.chance(0.1);
			const messageId = objectId(random);
			return {
				messageId,
				messageIdExt: `wamid.${messageId.slice(0, 16)}`,
				messageIdRef: null,
				sessionId: session.sessionId,
				bulkSessionId: null,
				type: withImage ? 'image' : 'text',
				action: inbound ? 'RECEIVED' : 'SENT',
				sender: inbound ? session.contactId : 'agent:support',
				name: inbound ? session.name : 'Support Agent',
				text: withImage ? 'Here is the receipt' : inbound ? `Customer message ${index + 1}` : `Agent reply ${index + 1}`,
				timestamp: start + index * 5 * MINUTE,
				status: inbound ? 'READ' : 'DLVRD',
				contact: {
					channelType: 'WHATSAPP',
					contactId: session.contactId,
					contactType: 'WHATSAPP',
					csid: session.phone,
					email: null,
					lane: '919999998888',
					name: session.name,
					phone: session.phone,
				},
				route: { queueCode: session.queue, routerId: null, sendMode: null, senderApp: null, senderCode: null, senderType: inbound ? 'CONTACT' : 'AGENT' },
				attachments: withImage
					? [
							{
								mediaCaption: 'Transaction Receipt',
								mediaCode: null,
								mediaId: String(1000 + index),
								mediaMimeType: 'image/png',
								mediaName: 'receipt.png',
								mediaSrc: `https://media.example.com/${messageId}.png`,
								mediaSubType: 'IMAGE',
								mediaType: 'IMAGE',
								mediaURL: `https://media.example.com/${messageId}.png`,
							},
						]
					: [],
				stamps: {},
				tags: null,
				template: null,
				templateId: null,
				options: {},
				meta: {},
				logs: [],
				replyId: null,
				replyIdExt: null,
				replyTo: null,
				vccards: [],
			};
		});
	}
}
