import { startSimulator, type Simulator } from '..';
import { startReceiver } from '../testing';
import { MeheryData, SAMPLE_SESSION_ID, sessionId } from './mehery-data';

let sim: Simulator;
let api: string;
let credentials: Record<string, string>;
beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	api = `${sim.providers.mehery.baseUrl}/api/v1`;
	credentials = sim.providers.mehery.credentials;
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk arbitrary answer JSON
type Json = Record<string, any>;
interface Answer {
	status: number;
	body: Json;
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
	const response = await fetch(`${api}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			...(headers ?? { 'x-api-key': credentials.apiKey, 'x-api-id': credentials.apiId }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Json };
}
const send = async (body: unknown) => await call('POST', '/message/send', body);
const text = { channelId: 'wa360:919999998888', to: { phone: '919988776655' }, type: 'text', text: { body: 'Hi' }, mask: false };

describe('Mehery auth', () => {
	it('refuses a missing or wrong API key with 401 and a wrong API id with 403, in the ApiResponse shape', async () => {
		const missing = await call('GET', '/config/channels', undefined, {});
		const wrongKey = await call('GET', '/config/channels', undefined, { 'x-api-key': 'nope', 'x-api-id': credentials.apiId });
		const wrongId = await call('GET', '/config/channels', undefined, { 'x-api-key': credentials.apiKey, 'x-api-id': 'nope' });
		expect([missing.status, wrongKey.status, wrongId.status]).toEqual([401, 401, 403]);
		expect(wrongKey.body).toMatchObject({ status: 401, statusKey: 'UNAUTHORIZED', message: 'Invalid API key' });
		expect(sim.log.every((entry) => entry.headers['x-api-key'] !== credentials.apiKey)).toBe(true);
	});
});

describe('Mehery configuration', () => {
	it('lists channels (MsgChannel), sandbox ones only when asked with either spelling of the parameter', async () => {
		const live = await call('GET', '/config/channels');
		expect(live.status).toBe(200);
		expect(live.body.results[0]).toEqual({ channelId: 'wa360:919999998888', contactType: 'WHATSAPP', lane: '919999998888', name: 'Customer Support' });
		const withSandbox = await call('GET', '/config/channels?sandbox=true');
		const typo = await call('GET', '/config/channels?sabdnox=true');
		expect(withSandbox.body.results).toHaveLength(live.body.results.length + 1);
		expect(typo.body.results).toEqual(withSandbox.body.results);
	});

	it('filters templates by channel and approval status', async () => {
		const sim2 = await startSimulator({ seed: 1, sizes: { meheryTemplates: 30 } });
		try {
			const all = await fetch(`${sim2.providers.mehery.baseUrl}/api/v1/config/tmpl/hsm`, {
				headers: { 'x-api-key': credentials.apiKey, 'x-api-id': credentials.apiId },
			});
			const list = ((await all.json()) as { results: Array<{ code: string; approved: Array<{ status: string }> }> }).results;
			expect(list).toHaveLength(30);
			expect(list[0].code).toBe('FEEDBACK');
			const pending = await fetch(`${sim2.providers.mehery.baseUrl}/api/v1/config/tmpl/hsm?channelId=wa360:919999998888&channelStatus=PENDING`, {
				headers: { 'x-api-key': credentials.apiKey, 'x-api-id': credentials.apiId },
			});
			const pendingList = ((await pending.json()) as { results: typeof list }).results;
			expect(pendingList.length).toBeGreaterThan(0);
			expect(pendingList.length).toBeLessThan(30);
		} finally {
			await sim2.close();
		}
	});

	it('keeps one webhook per account: setting a second URL replaces the first', async () => {
		expect((await call('POST', '/config/webhook', { url: 'http://127.0.0.1:1/a' })).status).toBe(200);
		const second = await call('POST', '/config/webhook', { url: 'http://127.0.0.1:1/b' });
		expect(second.body.data.webhook).toBe('http://127.0.0.1:1/b');
		expect(sim.webhooks.list('mehery').map((hook) => hook.url)).toEqual(['http://127.0.0.1:1/b']);
	});

	it('refuses a webhook URL that is not https on a public host', async () => {
		const answer = await call('POST', '/config/webhook', { url: 'http://example.com/hook' });
		expect(answer.status).toBe(400);
		expect(answer.body.message).toMatch(/HTTPS/);
		expect(answer.body.errors[0].field).toBe('url');
	});
});

describe('Mehery send (OutBoundMsg)', () => {
	it('answers a receipt id for a valid text message', async () => {
		const answer = await send(text);
		expect(answer.status).toBe(200);
		expect(answer.body.data.id).toMatch(/^[\w-]{27}$/);
	});

	it.each([
		[{ ...text, to: {} }, 'to'],
		[{ ...text, to: { phone: 919988776655 } }, 'to.phone'],
		[{ ...text, text: undefined }, 'text.body'],
		[{ ...text, type: 'image', text: undefined, image: { link: 'not a url' } }, 'image.link'],
		[{ ...text, type: 'template', text: undefined, template: { lang: 'en_US', linked: '' } }, 'template'],
		[{ ...text, image: { link: 'https://x.example/a.png' } }, 'image'],
		[{ ...text, txt: { body: 'x' } }, 'txt'],
		[{ ...text, options: { buttons: [{ name: 'site', type: 'URL' }] } }, 'options.buttons[0].url'],
		[{ ...text, type: 'location', text: undefined, location: { latitude: '91', longitude: '0' } }, 'location.latitude'],
		[{ ...text, type: 'location', text: undefined, location: { latitude: 12.9, longitude: 6.9 } }, 'location.latitude'],
		[{ ...text, type: 'contacts', text: undefined, contacts: [{ name: {}, addresses: [], emails: [], ims: [], phones: [], urls: [] }] }, 'contacts[0].name.formatted_name'],
		[{ ...text, channelId: 'wa360:nope' }, 'channelId'],
	])('refuses %j naming the field %s', async (body, field) => {
		const answer = await send(body);
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0].field).toBe(field);
	});

	it('sends an approved template and refuses an unknown one with 404', async () => {
		const template = { ...text, type: 'template', text: undefined, template: { code: 'FEEDBACK', lang: 'en_US', data: { amount: '10' }, linked: '' } };
		expect((await send(template)).status).toBe(200);
		expect((await send({ ...template, template: { code: 'NOPE', linked: '' } })).status).toBe(404);
	});
});

describe('Mehery strict mode (the default): the spec read literally', () => {
	const template = { ...text, type: 'template', text: undefined, template: { code: 'FEEDBACK', linked: '' } };
	const card = { name: { formatted_name: 'J' }, addresses: [], emails: [], ims: [], phones: [], urls: [] };

	it.each([
		['mask', (({ mask: _mask, ...rest }) => rest)(text), 'is required by OutBoundMsg'],
		['template.linked', { ...template, template: { code: 'FEEDBACK' } }, 'is required by CommonTemplateMeta'],
		['contacts[0].ims', { ...text, type: 'contacts', text: undefined, contacts: [(({ ims: _ims, ...rest }) => rest)(card)] }, 'is required by CommonMsgContactCard'],
		['location', { ...text, type: 'location', text: undefined }, 'is required by OutBoundMsg'],
		['type', { ...text, type: 'fax' }, 'must be one of audio, document, image, location, system, text, video, voice, contacts, template, optin, optout'],
	])('refuses a message without or with a wrong %s', async (field, body, description) => {
		const answer = await send(body);
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0]).toMatchObject({ field, description });
	});

	it('takes a message that carries every required field, and leaves out only what the listed deviations allow', async () => {
		expect((await send(template)).status).toBe(200);
		expect((await send({ ...text, type: 'contacts', text: undefined, contacts: [card] })).status).toBe(200);
		expect((await send({ ...text, type: 'location', text: undefined, location: { latitude: '1.5', longitude: '2.5' } })).status).toBe(200);
	});

	it('refuses query parameters the spec does not name, or of the wrong type; sandbox (a listed deviation) is taken', async () => {
		const unknown = await call('GET', '/config/channels?limit=5');
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors[0]).toMatchObject({ field: 'limit', description: 'is not a parameter of GET /api/v1/config/channels' });
		expect((await call('GET', '/config/channels?sabdnox=yes')).body.errors[0]).toMatchObject({ field: 'sabdnox', description: 'must be true or false' });
		expect((await call('GET', '/config/tmpl/hsm?status=APPROVED')).status).toBe(400);
		expect((await call('GET', '/config/channels?sandbox=true&sabdnox=true')).status).toBe(200);
	});

	it('serves documented paths only: an undocumented one is 404, another method on a documented one 405', async () => {
		expect((await call('POST', '/message/sendx', text)).status).toBe(404);
		expect((await call('POST', '/message/receive', { messages: [] })).status).toBe(404);
		expect((await call('GET', '/message/send')).status).toBe(405);
	});

	it('refuses a body of the wrong shape for every endpoint, e.g. a session call without a body', async () => {
		const answer = await call('POST', '/session/close');
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0]).toMatchObject({ field: '(body)', description: 'is required: a SessionStatusClose' });
	});

	it('with strict off, relaxes only the literal reading: required fields and unknown query parameters', async () => {
		const lenient = await startSimulator({ seed: 1, strict: false });
		try {
			const lenientCall = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
				await fetch(`${lenient.providers.mehery.baseUrl}/api/v1${path}`, {
					method,
					headers: { 'content-type': 'application/json', 'x-api-key': credentials.apiKey, 'x-api-id': credentials.apiId },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
			expect((await lenientCall('POST', '/message/send', (({ mask: _mask, ...rest }) => rest)(text))).status).toBe(200);
			expect((await lenientCall('POST', '/message/send', { ...template, template: { code: 'FEEDBACK' } })).status).toBe(200);
			expect((await lenientCall('GET', '/config/channels?limit=5')).status).toBe(200);
			// What the spec's meaning requires still holds: a text needs its text.
			expect((await lenientCall('POST', '/message/send', { ...text, text: undefined })).status).toBe(400);
		} finally {
			await lenient.close();
		}
	});
});

describe('Mehery under load', () => {
	it('takes only as many sends at once as its in-flight limit allows and answers 429 beyond', async () => {
		sim.setLatency(100, { provider: 'mehery' });
		sim.setInFlightLimit(3, { provider: 'mehery', route: /message\/send$/ });
		try {
			const answers = await Promise.all(Array.from({ length: 5 }, async () => (await send(text)).status));
			expect(answers.sort()).toEqual([200, 200, 200, 429, 429]);
		} finally {
			sim.setInFlightLimit(0, { provider: 'mehery', route: /message\/send$/ });
		}
	});
});

describe('Mehery sessions', () => {
	it('lists a session\'s messages (ChatMessageDTO) and 404s an unknown session', async () => {
		const answer = await call('POST', '/session/messages', { sessionId: SAMPLE_SESSION_ID });
		expect(answer.status).toBe(200);
		expect(answer.body.results).toHaveLength(6);
		expect(answer.body.results[2].attachments[0]).toMatchObject({ mediaType: 'IMAGE', mediaMimeType: 'image/png' });
		expect((await call('POST', '/session/messages', { sessionId: 'nope' })).status).toBe(404);
	});

	it('routes, resolves and closes a session (closing twice is fine); a closed session refuses routing with 409', async () => {
		const id = sessionId(1);
		expect(new MeheryData(1, {}).sessions.has(id)).toBe(true);
		const routed = await call('POST', '/session/routing', { sessionId: id, queue: 'support', agent: 'a1', skills: ['dental'], params: {} });
		expect(routed.body.results[0]).toMatchObject({ eventCode: 'SESSION_ROUTED', sessionRouted: { targetQueue: 'support' } });
		expect((await call('POST', '/session/routing', { sessionId: id, queue: 'x' })).body.errors[0].field).toBe('params');
		expect((await call('POST', '/session/resolve', { sessionId: id })).body.results[0].eventCode).toBe('SESSION_RESOLVED');
		expect((await call('POST', '/session/close', { sessionId: id })).body.results[0].eventCode).toBe('SESSION_CLOSED');
		expect((await call('POST', '/session/close', { sessionId: id })).status).toBe(200);
		expect((await call('POST', '/session/routing', { sessionId: id, queue: 'x', params: {} })).status).toBe(409);
	});
});

describe('Mehery contact and analytics', () => {
	it('checks ContactPrefsUpdate, DigitalObjectDto and DigitalEventDto field types', async () => {
		expect((await call('POST', '/contact/prefs/lang', { contactId: 'fb:1', lang: 'en_US' })).status).toBe(200);
		expect((await call('POST', '/contact/prefs/lang', { contactId: 'fb:1', lang: 'english' })).body.errors[0].field).toBe('lang');
		expect((await call('POST', '/data/push', { id: 'c1', type: 'CUSTOMER', data: { tier: 'gold' }, links: [] })).body.data.id).toBe('c1');
		expect((await call('POST', '/event/push', { eventName: 'CUSTOMER_CREATED', id: 1234567, links: [] })).body.errors[0].field).toBe('id');
	});
});

describe('Mehery webhook calls', () => {
	it('posts an inbound message to the registered URL with the verify token, and reports the answer', async () => {
		const receiver = await startReceiver();
		try {
			await call('POST', '/config/webhook', { url: `${receiver.url}/hook` });
			const fired = await fetch(`${sim.providers.mehery.baseUrl}/_sim/notify`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ kind: 'message', id: 'm1', text: 'hello' }),
			});
			expect(fired.status).toBe(200);
			expect(receiver.calls).toHaveLength(1);
			expect(receiver.calls[0].headers['x-verify-token']).toBe(credentials.verifyToken);
			const body = JSON.parse(receiver.calls[0].body);
			expect(body).toMatchObject({ type: 'messages', messages: [{ id: 'm1', type: 'text', text: { body: 'hello' } }] });
		} finally {
			await receiver.close();
		}
	});

	it('builds statuses, events and contact-info requests, and refuses to fire with no webhook set', async () => {
		const notify = async (body: unknown) =>
			await fetch(`${sim.providers.mehery.baseUrl}/_sim/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect((await notify({ kind: 'status' })).status).toBe(409);
		const receiver = await startReceiver();
		try {
			await call('POST', '/config/webhook', { url: receiver.url });
			await notify({ kind: 'status', status: 'FAILD', count: 2 });
			await notify({ kind: 'event', eventCode: 'SESSION_ROUTED' });
			await notify({ kind: 'contact' });
			const [statuses, events, contact] = receiver.calls.map((received) => JSON.parse(received.body));
			expect(statuses.statuses.map((status: { status: string }) => status.status)).toEqual(['FAILD', 'FAILD']);
			expect(events.events[0].eventCode).toBe('SESSION_ROUTED');
			expect(contact).toMatchObject({ channelId: 'wa360:919999998888', contactType: 'WHATSAPP', profile: { phone: '919988776655' } });
			expect((await notify({ kind: 'status', status: 'LOST' })).status).toBe(400);
		} finally {
			await receiver.close();
		}
	});
});
