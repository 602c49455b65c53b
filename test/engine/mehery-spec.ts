/**
 * The request side of specs/mehery-xms.txt, extracted mechanically from its Schemas (property names and types)
 * and endpoint sections: what a server that follows the spec to the letter would accept. mehery-spec.test.ts
 * checks every request our nodes make against it, independently of the simulator's own checks.
 */

/** Schema name → property → the spec's type: string, boolean, object, integer, [X] (array of X) or a schema name. */
export const REQUEST_SCHEMAS: Record<string, Record<string, string>> = {
	OutBoundMsg: { audio: 'OutBoundMsgMedia', channelId: 'string', contacts: '[CommonMsgContactCard]', document: 'OutBoundMsgMedia', image: 'OutBoundMsgMedia', location: 'CommonMsgLocation', mask: 'boolean', options: 'CommonMsgOptions', template: 'CommonTemplateMeta', text: 'OutBoundMsgText', to: 'OutBoundContact', type: 'string', video: 'OutBoundMsgMedia' },
	OutBoundContact: { contactId: 'string', email: 'string', name: 'string', phone: 'string' },
	OutBoundMsgMedia: { caption: 'string', filename: 'string', link: 'string' },
	OutBoundMsgText: { body: 'string' },
	CommonMsgLocation: { address: 'string', latitude: 'string', longitude: 'string', name: 'string', url: 'string' },
	CommonMsgContactCard: { addresses: '[OutBoundMsgContactAddress]', birthday: 'string', emails: '[OutBoundMsgContactEmail]', ims: '[OutBoundMsgContactSocial]', name: 'OutBoundMsgContactName', org: 'OutBoundMsgContactOrg', phones: '[OutBoundMsgContactPhone]', urls: '[OutBoundMsgContactUrl]' },
	OutBoundMsgContactAddress: { city: 'string', country: 'string', country_code: 'string', state: 'string', street: 'string', type: 'string', zip: 'string' },
	OutBoundMsgContactEmail: { email: 'string', type: 'string' },
	OutBoundMsgContactName: { first_name: 'string', formatted_name: 'string', last_name: 'string' },
	OutBoundMsgContactOrg: { company: 'string', department: 'string', title: 'string' },
	OutBoundMsgContactPhone: { phone: 'string', type: 'string', wa_id: 'string' },
	OutBoundMsgContactSocial: { service: 'string', userid: 'string' },
	OutBoundMsgContactUrl: { type: 'string', url: 'string' },
	CommonMsgOptions: { buttons: '[TmplElement]' },
	TmplElement: { code: 'string', desc: 'string', label: 'string', name: 'string', phone: 'string', type: 'string', url: 'string' },
	CommonTemplateMeta: { code: 'string', data: 'object', id: 'string', lang: 'string', linked: 'string' },
	SessionStatusClose: { sessionId: 'string' },
	SessionQueueAssignment: { agent: 'string', params: 'object', queue: 'string', sessionId: 'string', skills: '[string]', team: 'string' },
	ContactPrefsUpdate: { contactId: 'string', lang: 'string' },
	DigitalObjectDto: { data: 'object', id: 'string', links: '[DigitalObjectLink]', type: 'string' },
	DigitalObjectLink: { linkName: 'string', linkType: 'string', linkValue: 'string' },
	DigitalEventDto: { eventName: 'string', id: 'string', links: '[DigitalObjectLink]' },
	WebhookUrlRequest: { url: 'string' },
};

/** 'METHOD /path' → the body schema (undefined: no body) and the query parameters the spec names. */
export const ENDPOINTS: Record<string, { body?: string; query: string[] }> = {
	'GET /api/v1/config/channels': { query: ['sabdnox', 'sandbox'] },
	'GET /api/v1/config/global/vars': { query: ['channelId'] },
	'GET /api/v1/config/tmpl/hsm': { query: ['channelId', 'channelStatus'] },
	'POST /api/v1/config/webhook': { body: 'WebhookUrlRequest', query: [] },
	'POST /api/v1/contact/prefs/lang': { body: 'ContactPrefsUpdate', query: [] },
	'POST /api/v1/data/push': { body: 'DigitalObjectDto', query: [] },
	'POST /api/v1/event/push': { body: 'DigitalEventDto', query: [] },
	'POST /api/v1/message/send': { body: 'OutBoundMsg', query: [] },
	'POST /api/v1/session/close': { body: 'SessionStatusClose', query: [] },
	'POST /api/v1/session/messages': { body: 'SessionStatusClose', query: [] },
	'POST /api/v1/session/resolve': { body: 'SessionStatusClose', query: [] },
	'POST /api/v1/session/routing': { body: 'SessionQueueAssignment', query: [] },
};
