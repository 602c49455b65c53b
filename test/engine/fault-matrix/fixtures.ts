/**
 * How to run each action operation once over a few input items against the simulator: its parameters (per-item
 * values come from the item, as in a real workflow), its items, and which of its requests the faults hit. Keyed
 * by `<node name>:<resource>:<operation>` (operations.ts); an operation without an entry has no row.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sessionId } from '../../simulator/providers/mehery-data';
import { IRIS_SAMPLE_SESSION } from '../../simulator';
import { CHANNEL } from '../mehery.fixture';

export interface ProviderFixture {
	/** The simulated provider (its name in the simulator). */
	simulator: string;
	/** How the nodes name the provider in their errors. */
	name: string;
	credentialType: string;
	/** Providers that trade a secret for an expiring session token: their login request. */
	login?: RegExp;
	/** An error answer in the provider's own shape, carrying `text`; default `{ message }`. */
	errorBody?: (text: string) => unknown;
}

export interface OperationFixture {
	provider: ProviderFixture;
	/** Resource and operation are added from the operation under test. */
	parameters: INodeParameters;
	items: IDataObject[];
	/** The operation's own request, where faults are injected (for nested reads, the nested one). */
	route: RegExp;
	/** Sends: the request of one input item, recognized by its body. */
	itemBody?: (item: IDataObject) => RegExp;
}

const IRISENGAGE: ProviderFixture = { simulator: 'irisengage', name: 'IrisEngage', credentialType: 'irisEngageApi', login: /\/Users\/authenticate$/ };
const NETCORE: ProviderFixture = { simulator: 'netcore', name: 'Netcore Bot', credentialType: 'netcoreBotApi', login: /\/v1\/auth$/ };
const MEHERY: ProviderFixture = { simulator: 'mehery', name: 'Mehery XMS', credentialType: 'meheryXmsApi' };
const WAVY: ProviderFixture = { simulator: 'wavy', name: 'Wavy', credentialType: 'wavyApi' };
const CTLIVE: ProviderFixture = {
	simulator: 'ctlive',
	name: 'CTLive',
	credentialType: 'ctLiveApi',
	// Infobip's error shape, which CTLive's channel API uses.
	errorBody: (text) => ({ requestError: { serviceException: { messageId: 'UNKNOWN', text } } }),
};

/** Three input items; `value(index)` gives each its own field value. */
const three = (field: string, value: (index: number) => string): IDataObject[] => [0, 1, 2].map((index) => ({ [field]: value(index) }));
/** A request body holding `"<field>":"<the item's value>"`. */
const bodyHolds = (field: string, inBody = field) => (item: IDataObject) => new RegExp(`"${inBody}":"${String(item[field]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);

const meheryRoute = (path: string) => new RegExp(`/api/v1${path}$`);
const sessions = three('sessionId', (index) => sessionId(index + 1));

export const OPERATION_FIXTURES: Record<string, OperationFixture> = {
	'irisEngage:conversation:getMany': {
		provider: IRISENGAGE,
		parameters: { mobileNumber: '={{ $json.phone }}', sessionCount: 2 },
		items: three('phone', (index) => `97150000000${index + 1}`),
		route: /\/EngageAPIRequestDetails$/,
	},
	'irisEngage:conversation:getHistory': {
		provider: IRISENGAGE,
		parameters: { mobileNumber: '={{ $json.phone }}', sessionCount: 1 },
		items: three('phone', (index) => `97150000000${index + 1}`),
		route: /\/GetContent$/,
	},
	'irisEngage:message:getMany': {
		provider: IRISENGAGE,
		parameters: { requestId: '={{ $json.requestId }}', returnAll: true },
		items: three('requestId', () => IRIS_SAMPLE_SESSION.requestId),
		route: /\/GetContent$/,
	},
	'mehery:message:send': {
		provider: MEHERY,
		parameters: { channelId: { __rl: true, mode: 'id', value: CHANNEL }, recipientType: 'phone', recipient: '={{ $json.phone }}', messageType: 'text', text: 'Your order has shipped' },
		items: three('phone', (index) => `91998877660${index + 1}`),
		route: meheryRoute('/message/send'),
		itemBody: bodyHolds('phone'),
	},
	'mehery:session:getMessages': {
		provider: MEHERY,
		parameters: { sessionId: '={{ $json.sessionId }}', returnAll: true },
		items: sessions,
		route: meheryRoute('/session/messages'),
	},
	'mehery:session:route': {
		provider: MEHERY,
		parameters: { sessionId: '={{ $json.sessionId }}', queue: 'support' },
		items: sessions,
		route: meheryRoute('/session/routing'),
		itemBody: bodyHolds('sessionId'),
	},
	'mehery:session:resolve': {
		provider: MEHERY,
		parameters: { sessionId: '={{ $json.sessionId }}' },
		items: sessions,
		route: meheryRoute('/session/resolve'),
		itemBody: bodyHolds('sessionId'),
	},
	'mehery:session:close': {
		provider: MEHERY,
		parameters: { sessionId: '={{ $json.sessionId }}' },
		items: sessions,
		route: meheryRoute('/session/close'),
		itemBody: bodyHolds('sessionId'),
	},
	'mehery:configuration:getChannels': {
		provider: MEHERY,
		// Without sandbox channels: one request per item (marking sandbox channels takes a second list).
		parameters: { returnAll: true },
		items: [{}, {}, {}],
		route: meheryRoute('/config/channels'),
	},
	'mehery:configuration:getGlobalVariables': {
		provider: MEHERY,
		parameters: { channelId: { __rl: true, mode: 'id', value: CHANNEL }, returnAll: true },
		items: [{}, {}, {}],
		route: meheryRoute('/config/global/vars'),
	},
	'mehery:configuration:getTemplates': {
		provider: MEHERY,
		parameters: { channelId: { __rl: true, mode: 'id', value: CHANNEL }, channelStatus: 'APPROVED', returnAll: true },
		items: [{}, {}, {}],
		route: meheryRoute('/config/tmpl/hsm'),
	},
	'mehery:configuration:setWebhook': {
		provider: MEHERY,
		parameters: { url: '={{ $json.url }}' },
		items: three('url', (index) => `http://127.0.0.1:5678/webhook/fault-matrix-${index + 1}/mehery`),
		route: meheryRoute('/config/webhook'),
	},
	'mehery:contact:setLanguage': {
		provider: MEHERY,
		parameters: { contactId: '={{ $json.contactId }}', lang: 'hi_IN' },
		items: three('contactId', (index) => `wa91998877660${index + 1}_919999998888`),
		route: meheryRoute('/contact/prefs/lang'),
	},
	'mehery:analytics:pushCustomerData': {
		provider: MEHERY,
		parameters: { recordId: '={{ $json.recordId }}', recordType: 'CUSTOMER', dataMode: 'keyValue', dataFields: { values: [{ key: 'tier', value: 'gold' }] } },
		items: three('recordId', (index) => `C3456${index + 1}`),
		route: meheryRoute('/data/push'),
	},
	'mehery:analytics:pushCustomerEvent': {
		provider: MEHERY,
		parameters: { eventName: 'ORDER_SHIPPED', eventId: '={{ $json.eventId }}' },
		items: three('eventId', (index) => `evt-fault-${index + 1}`),
		route: meheryRoute('/event/push'),
		itemBody: bodyHolds('eventId', 'id'),
	},
	'ctLive:message:send': {
		provider: CTLIVE,
		parameters: { messageType: 'text', from: '={{ $json.from }}', to: '1234', text: 'Where is my order?' },
		items: three('from', (index) => `38591999888${index + 1}`),
		route: /\/imchannel\/message$/,
		itemBody: bodyHolds('from'),
	},
	'ctLive:report:sendDelivery': {
		provider: CTLIVE,
		parameters: { messageId: '={{ $json.messageId }}', to: '41793026731', status: 'DELIVERED_TO_HANDSET', sentAt: '2024-06-03T09:30:00Z', doneAt: '2024-06-03T09:30:02Z' },
		items: three('messageId', (index) => `fb469d73-d362-463f-b30f-1e959b53bad${index + 1}`),
		route: /\/imchannel\/message$/,
		itemBody: bodyHolds('messageId'),
	},
	'ctLive:report:sendSeen': {
		provider: CTLIVE,
		parameters: { messageId: '={{ $json.messageId }}', to: '41793026731', sentAt: '2024-06-03T09:30:00Z', seenAt: '2024-06-03T09:31:00Z' },
		items: three('messageId', (index) => `1215f543-ab19-345f-adbd-12ad31451ed${index + 1}`),
		route: /\/imchannel\/message$/,
		itemBody: bodyHolds('messageId'),
	},
	'netcoreBot:transcript:getMany': {
		provider: NETCORE,
		parameters: { channelId: 1014, botUserId: { __rl: true, mode: 'id', value: '={{ $json.botUserId }}' }, returnAll: true },
		items: three('botUserId', (index) => `+91987654321${index}`),
		route: /\/v1\/transcripts$/,
	},
	'netcoreBot:user:getMany': {
		provider: NETCORE,
		parameters: { channelIds: [1014], limit: 25 },
		items: [{}, {}, {}],
		route: /\/v1\/users$/,
	},
	'netcoreBot:usage:get': {
		provider: NETCORE,
		parameters: { channelId: 1014, month: '={{ $json.month }}' },
		items: three('month', (index) => `2024-0${index + 4}`),
		route: /\/v1\/usage$/,
	},
	'wavy:session:getManyOpen': {
		provider: WAVY,
		parameters: { customerId: '42', returnAll: true },
		items: [{}, {}, {}],
		route: /\/v1\/session$/,
	},
};
