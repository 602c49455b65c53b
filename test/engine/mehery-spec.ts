/**
 * GENERATED from Mehery's API document (mehery-xms.txt) by scripts/extract-mehery-spec.ts: do not edit by hand.
 * Regenerate: node -r ts-node/register/transpile-only scripts/extract-mehery-spec.ts [path/to/mehery-xms.txt]
 * (test/unit/mehery-spec-extract.test.ts compares this file with a fresh extraction when the spec is present).
 *
 * The request side of the spec read literally: every call to Mehery with its query and header parameters and
 * body schema, and every schema those bodies use, with each property's type, Required flag and enumerated
 * values. Where our nodes depart from it, test/engine/mehery-deviations.ts lists each departure and its reason.
 */
import type { ExtractedSpec } from '../../scripts/lib/mehery-spec';

export const MEHERY_SPEC: ExtractedSpec = {
	endpoints: {
		'GET /api/v1/config/channels': {
			query: { sabdnox: { type: 'boolean', required: false } },
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
		},
		'GET /api/v1/config/global/vars': {
			query: { channelId: { type: 'string', required: false } },
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
		},
		'GET /api/v1/config/tmpl/hsm': {
			query: { channelId: { type: 'string', required: false }, channelStatus: { type: 'string', required: false } },
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
		},
		'POST /api/v1/config/webhook': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'WebhookUrlRequest', required: true },
		},
		'POST /api/v1/contact/prefs/lang': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'ContactPrefsUpdate', required: true },
		},
		'POST /api/v1/data/push': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'DigitalObjectDto', required: true },
		},
		'POST /api/v1/event/push': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'DigitalEventDto', required: true },
		},
		'POST /api/v1/message/send': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'OutBoundMsg', required: true },
		},
		'POST /api/v1/session/close': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'SessionStatusClose', required: true },
		},
		'POST /api/v1/session/messages': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'SessionStatusClose', required: true },
		},
		'POST /api/v1/session/resolve': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'SessionStatusClose', required: true },
		},
		'POST /api/v1/session/routing': {
			query: {},
			headers: { 'x-api-key': { type: 'string', required: false }, 'x-api-id': { type: 'string', required: false } },
			body: { schema: 'SessionQueueAssignment', required: true },
		},
	},
	webhooks: ['POST /api/v1/contact/info', 'POST /api/v1/message/receive'],
	schemas: {
		CommonMsgContactCard: {
			addresses: { type: '[OutBoundMsgContactAddress]', required: true },
			birthday: { type: 'string', required: true },
			emails: { type: '[OutBoundMsgContactEmail]', required: true },
			ims: { type: '[OutBoundMsgContactSocial]', required: true },
			name: { type: 'OutBoundMsgContactName', required: true },
			org: { type: 'OutBoundMsgContactOrg', required: true },
			phones: { type: '[OutBoundMsgContactPhone]', required: true },
			urls: { type: '[OutBoundMsgContactUrl]', required: true },
		},
		CommonMsgLocation: {
			address: { type: 'string', required: true },
			latitude: { type: 'string', required: true },
			longitude: { type: 'string', required: true },
			name: { type: 'string', required: true },
			url: { type: 'string', required: true },
		},
		CommonMsgOptions: {
			buttons: { type: '[TmplElement]', required: true },
		},
		CommonTemplateMeta: {
			code: { type: 'string', required: false },
			data: { type: 'object', required: false },
			id: { type: 'string', required: false },
			lang: { type: 'string', required: false },
			linked: { type: 'string', required: true },
		},
		ContactPrefsUpdate: {
			contactId: { type: 'string', required: true },
			lang: { type: 'string', required: true },
		},
		DigitalEventDto: {
			eventName: { type: 'string', required: true },
			id: { type: 'string', required: true },
			links: { type: '[DigitalObjectLink]', required: true },
		},
		DigitalObjectDto: {
			data: { type: 'object', required: true },
			id: { type: 'string', required: true },
			links: { type: '[DigitalObjectLink]', required: true },
			type: { type: 'string', required: true },
		},
		DigitalObjectLink: {
			linkName: { type: 'string', required: true },
			linkType: { type: 'string', required: true },
			linkValue: { type: 'string', required: true },
		},
		OutBoundContact: {
			contactId: { type: 'string', required: true },
			email: { type: 'string', required: true },
			name: { type: 'string', required: true },
			phone: { type: 'string', required: true },
		},
		OutBoundMsg: {
			audio: { type: 'OutBoundMsgMedia', required: false },
			channelId: { type: 'string', required: true },
			contacts: { type: '[CommonMsgContactCard]', required: true },
			document: { type: 'OutBoundMsgMedia', required: false },
			image: { type: 'OutBoundMsgMedia', required: false },
			location: { type: 'CommonMsgLocation', required: true },
			mask: { type: 'boolean', required: true },
			options: { type: 'CommonMsgOptions', required: false },
			template: { type: 'CommonTemplateMeta', required: false },
			text: { type: 'OutBoundMsgText', required: false },
			to: { type: 'OutBoundContact', required: true },
			type: { type: 'string', required: true, enum: ['audio', 'document', 'image', 'location', 'system', 'text', 'video', 'voice', 'contacts', 'template', 'optin', 'optout'] },
			video: { type: 'OutBoundMsgMedia', required: false },
		},
		OutBoundMsgContactAddress: {
			city: { type: 'string', required: true },
			country: { type: 'string', required: true },
			country_code: { type: 'string', required: true },
			state: { type: 'string', required: true },
			street: { type: 'string', required: true },
			type: { type: 'string', required: true },
			zip: { type: 'string', required: true },
		},
		OutBoundMsgContactEmail: {
			email: { type: 'string', required: true },
			type: { type: 'string', required: true },
		},
		OutBoundMsgContactName: {
			first_name: { type: 'string', required: true },
			formatted_name: { type: 'string', required: true },
			last_name: { type: 'string', required: true },
		},
		OutBoundMsgContactOrg: {
			company: { type: 'string', required: true },
			department: { type: 'string', required: true },
			title: { type: 'string', required: true },
		},
		OutBoundMsgContactPhone: {
			phone: { type: 'string', required: true },
			type: { type: 'string', required: true },
			wa_id: { type: 'string', required: true },
		},
		OutBoundMsgContactSocial: {
			service: { type: 'string', required: true },
			userid: { type: 'string', required: true },
		},
		OutBoundMsgContactUrl: {
			type: { type: 'string', required: true },
			url: { type: 'string', required: true },
		},
		OutBoundMsgMedia: {
			caption: { type: 'string', required: false },
			filename: { type: 'string', required: false },
			link: { type: 'string', required: false },
		},
		OutBoundMsgText: {
			body: { type: 'string', required: true },
		},
		SessionQueueAssignment: {
			agent: { type: 'string', required: false },
			params: { type: 'object', required: true },
			queue: { type: 'string', required: true },
			sessionId: { type: 'string', required: true },
			skills: { type: '[string]', required: false },
			team: { type: 'string', required: false },
		},
		SessionStatusClose: {
			sessionId: { type: 'string', required: true },
		},
		TmplElement: {
			code: { type: 'string', required: false },
			desc: { type: 'string', required: false },
			label: { type: 'string', required: false },
			name: { type: 'string', required: true },
			phone: { type: 'string', required: false },
			type: { type: 'string', required: false, enum: ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'] },
			url: { type: 'string', required: false },
		},
		WebhookUrlRequest: {
			url: { type: 'string', required: true },
		},
	},
};
