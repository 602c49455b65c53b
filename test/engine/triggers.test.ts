/**
 * Trigger machinery: webhook(), webhookMethods and poll() in n8n-core's WebhookContext, HookContext and
 * PollContext, proven with test-only fixture triggers (test/engine/fixtures) against the simulator. Our real
 * triggers (Mehery, CTLive, Wavy, NetcoreBot) will be tested the same way.
 */
import type { IDataObject } from 'n8n-workflow';

import { chatMessageSchema } from '../../nodes/shared/chatMessage';
import { IRIS_SAMPLE_MOBILE_NO, startSimulator, type Simulator } from '../simulator';
import { CHAT_TRIGGER_TYPE, FEED_TRIGGER_TYPE, FIXTURE_PROVIDER, startRegistrationApi, type FixtureInboundMessage, type RegistrationApi } from './fixtures';
import { buildRequest, RecordingResponse } from './http-emulation';
import { activateWebhook, createCredentialStore, runPoll, runWebhook, runWebhookMethods, serveWebhook, webhookUrl, type TriggerOptions } from './harness';
import { persistedIds } from './persisted-ids';

const SECRET = 's3cret-webhook-token';
const API_KEY = 'fixture-api-key';
const NODE_NAME = 'Fixture Chat Trigger';
let deployments = 0;

let sim: Simulator;
let registrationApi: RegistrationApi;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	registrationApi = await startRegistrationApi(sim, FIXTURE_PROVIDER, API_KEY);
});
beforeEach(() => {
	sim.reset();
	registrationApi.calls.length = 0;
});
afterAll(async () => {
	await registrationApi.close();
	await sim.close();
});

const chatNode = {
	name: NODE_NAME,
	type: CHAT_TRIGGER_TYPE,
	parameters: {},
	credentials: { fixtureChatApi: { id: 'fixtureChatApi', name: 'Fixture Chat account' } },
};

/** A fresh deployment of the chat trigger: its credential and its (persistent) workflow static data. */
async function chatDeployment(overrides: IDataObject = {}): Promise<TriggerOptions & { staticData: IDataObject }> {
	const store = await createCredentialStore({
		fixtureChatApi: { baseUrl: registrationApi.url, apiKey: API_KEY, webhookSecret: SECRET, ...overrides },
	});
	// Its own workflow id: duplicate ids are also remembered per workflow + node in process memory.
	return { store, staticData: {}, workflowId: `chat-${++deployments}` };
}

const message = (id: string, text = 'hello'): FixtureInboundMessage => ({
	id,
	from: '971569113820',
	to: 'bot-1',
	name: 'Amal',
	text,
	sentAt: Date.UTC(2024, 0, 2, 3, 4, 5),
});

const delivery = (messages: FixtureInboundMessage[], authorization?: string) => ({
	headers: authorization === undefined ? {} : { Authorization: authorization },
	body: { messages },
});

describe('webhook(): WebhookContext with an Express-like request/response', () => {
	test('a signed call starts the workflow with normalized chat messages; n8n answers 200', async () => {
		const options = await chatDeployment();
		const run = await runWebhook(chatNode, delivery([message('m1'), message('m2', 'second')], `Bearer ${SECRET}`), options);

		expect(run.items).toHaveLength(2);
		for (const item of run.items) expect(chatMessageSchema.safeParse(item.json).success).toBe(true);
		expect(run.items[0].json).toMatchObject({
			provider: FIXTURE_PROVIDER,
			direction: 'inbound',
			messageId: 'm1',
			from: '971569113820',
			contactName: 'Amal',
			type: 'text',
			text: 'hello',
			timestamp: '2024-01-02T03:04:05.000Z',
		});
		// n8n answers with the trigger's answer once it has stored and started the execution.
		expect(run.noWebhookResponse).toBeUndefined();
		expect(run.webhookResponse).toEqual({ received: 2, started: 2 });
		expect(run.response).toEqual({
			status: 200,
			headers: { 'content-type': 'application/json; charset=utf-8' },
			body: { received: 2, started: 2 },
		});
	});

	test('the raw secret without "Bearer" is accepted too', async () => {
		const run = await runWebhook(chatNode, delivery([message('m1')], SECRET), await chatDeployment());
		expect(run.items).toHaveLength(1);
	});

	test.each([
		['a wrong secret', 'Bearer not-the-secret', 'Invalid Authorization header'],
		['no Authorization header', undefined, 'Missing Authorization header'],
		['an empty Bearer', 'Bearer ', 'Invalid Authorization header'],
	])('%s: 401 written by the node, no workflow data', async (_case, authorization, reason) => {
		const options = await chatDeployment();
		const run = await runWebhook(chatNode, delivery([message('m1')], authorization), options);

		expect(run.response.status).toBe(401);
		expect(run.response.body).toEqual({ message: reason });
		expect(run.noWebhookResponse).toBe(true);
		expect(run.workflowData).toBeUndefined();
		// A rejected call must not mark ids as seen: the provider's genuine call with that id must still run.
		expect(options.staticData).toEqual({});
		expect((await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), options)).items).toHaveLength(1);
	});

	test('a resent message id starts nothing the second time, and n8n still answers 200', async () => {
		const options = await chatDeployment();
		const first = await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), options);
		const again = await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), options);
		const mixed = await runWebhook(chatNode, delivery([message('m1'), message('m2')], `Bearer ${SECRET}`), options);

		expect(first.items).toHaveLength(1);
		expect(again.workflowData).toBeUndefined();
		expect(again.response).toMatchObject({ status: 200, body: { received: 1, started: 0 } });
		expect(mixed.items.map((item) => item.json.messageId)).toEqual(['m2']);
		// Persisted as n8n saves it: JSON, under the node's key.
		expect(options.staticData).toEqual({ [`node:${NODE_NAME}`]: { seenMessageIds: persistedIds(['m1', 'm2']) } });
	});

	test('after a restart (process memory empty) the ids persisted in static data still catch a resend', async () => {
		const options = await chatDeployment();
		expect((await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), options)).items).toHaveLength(1);
		// Another workflow id is a scope this process has never seen: only static data knows m1.
		const restarted = { ...options, workflowId: `${options.workflowId}-restarted` };
		expect((await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), restarted)).workflowData).toBeUndefined();
		// And without static data nothing would have caught it.
		const forgotten = { ...options, staticData: {}, workflowId: `${options.workflowId}-forgotten` };
		expect((await runWebhook(chatNode, delivery([message('m1')], `Bearer ${SECRET}`), forgotten)).items).toHaveLength(1);
	});

	test('the body is parsed from the raw bytes as n8n does (BOM stripped), header names matched case-insensitively', async () => {
		const options = await chatDeployment();
		const run = await runWebhook(
			chatNode,
			{
				headers: { AUTHORIZATION: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
				rawBody: `\uFEFF${JSON.stringify({ messages: [message('m9')] })}`,
			},
			options,
		);
		expect(run.items.map((item) => item.json.messageId)).toEqual(['m9']);
	});
});

describe('the Express-like request/response pair (test/engine/http-emulation.ts)', () => {
	test('request: lower-cased headers with get(), body parsed by content type, raw bytes, query', () => {
		const json = buildRequest({ headers: { 'X-Signature': 'abc' }, body: { a: 1 }, query: { q: ['1', '2'] } });
		expect(json).toMatchObject({ method: 'POST', url: '/webhook/test?q=1&q=2', query: { q: ['1', '2'] }, body: { a: 1 }, params: {} });
		expect(json.headers).toEqual({ 'x-signature': 'abc', 'content-type': 'application/json' });
		expect(json.get('X-SIGNATURE')).toBe('abc');
		expect(json.rawBody.toString()).toBe('{"a":1}');

		const form = buildRequest({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: 'a=1&b=two' });
		expect(form.body).toEqual({ a: '1', b: 'two' });
		expect(buildRequest({ body: 'plain' }).body).toBe('plain');
		// n8n leaves other content types unparsed: only rawBody has them.
		expect(buildRequest({ headers: { 'content-type': 'application/octet-stream' }, rawBody: 'xyz' }).body).toEqual({});
	});

	test('response: records what the node wrote, Express-style', () => {
		const response = new RecordingResponse();
		expect(response.captured().status).toBe(0);
		response.status(403).set({ 'X-Reason': 'nope' }).send('<b>no</b>');
		expect(response.captured()).toEqual({
			status: 403,
			headers: { 'x-reason': 'nope', 'content-type': 'text/html; charset=utf-8' },
			body: '<b>no</b>',
		});
		expect(() => response.send('again')).toThrow(/already ended/);
	});
});

describe('webhookMethods: HookContext registering at the provider', () => {
	const registrations = () => sim.webhooks.list(FIXTURE_PROVIDER);

	test('create → checkExists true → delete → checkExists false', async () => {
		const options = await chatDeployment();
		const url = await webhookUrl(chatNode, options);
		expect(url).toBe('http://127.0.0.1:5678/webhook/engine-test-fixture-chat-trigger/webhook');

		expect(await runWebhookMethods(chatNode, 'checkExists', options)).toBe(false);
		expect(await runWebhookMethods(chatNode, 'create', options)).toBe(true);
		expect(registrations()).toEqual([expect.objectContaining({ id: 'wh_1', url, events: ['message'] })]);
		expect(options.staticData[`node:${NODE_NAME}`]).toEqual({ webhookId: 'wh_1', webhookUrl: url });

		expect(await runWebhookMethods(chatNode, 'checkExists', options)).toBe(true);
		expect(await runWebhookMethods(chatNode, 'delete', options)).toBe(true);
		expect(registrations()).toEqual([]);
		expect(options.staticData[`node:${NODE_NAME}`]).toEqual({});
		expect(await runWebhookMethods(chatNode, 'checkExists', options)).toBe(false);
		// Every call went through httpRequestWithAuthentication: the generic credential's header was applied.
		expect(registrationApi.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			'GET /webhooks',
			'POST /webhooks',
			'GET /webhooks',
			'DELETE /webhooks/wh_1',
			'GET /webhooks',
		]);
	});

	test('activating twice (create guarded by checkExists, as n8n does) leaves exactly one registration', async () => {
		const options = await chatDeployment();
		expect(await activateWebhook(chatNode, options)).toEqual({ existed: false });
		expect(await activateWebhook(chatNode, options)).toEqual({ existed: true });
		expect(registrations()).toHaveLength(1);
	});

	test('deactivate + reactivate leaves exactly one registration, under a new id', async () => {
		const options = await chatDeployment();
		await activateWebhook(chatNode, options);
		await runWebhookMethods(chatNode, 'delete', options);
		await activateWebhook(chatNode, options);
		expect(registrations()).toEqual([expect.objectContaining({ id: 'wh_2', url: await webhookUrl(chatNode, options) })]);
		expect(options.staticData[`node:${NODE_NAME}`]).toEqual({ webhookId: 'wh_2', webhookUrl: await webhookUrl(chatNode, options) });
	});

	test('checkExists recovers the id when static data was lost, so delete still removes the registration', async () => {
		const options = await chatDeployment();
		await activateWebhook(chatNode, options);
		const lost = { ...options, staticData: {} };
		expect(await runWebhookMethods(chatNode, 'checkExists', lost)).toBe(true);
		await runWebhookMethods(chatNode, 'delete', lost);
		expect(registrations()).toEqual([]);
	});

	test('a registration already gone at the provider deletes cleanly; other failures are errors, not false', async () => {
		const options = await chatDeployment();
		await activateWebhook(chatNode, options);
		sim.webhooks.unregister(FIXTURE_PROVIDER, 'wh_1');
		expect(await runWebhookMethods(chatNode, 'delete', options)).toBe(true);

		const wrongKey = await chatDeployment({ apiKey: 'wrong' });
		await expect(runWebhookMethods(chatNode, 'create', wrongKey)).rejects.toThrow(/did not accept the webhook URL .*Invalid API key \(HTTP 401\)/);
		expect(registrations()).toEqual([]);
	});

	test('test webhooks ("Listen for test event") register the test URL', async () => {
		const options = await chatDeployment();
		await activateWebhook(chatNode, { ...options, mode: 'manual' });
		expect(registrations()[0].url).toBe('http://127.0.0.1:5678/webhook-test/engine-test-fixture-chat-trigger/webhook');
	});
});

describe('end to end: the simulator calls the URL the trigger registered', () => {
	test('signed call → 200 and an execution; wrong secret → 401; resend → no execution', async () => {
		const options = await chatDeployment();
		const server = await serveWebhook(chatNode, options);
		try {
			const live = { ...options, webhookBaseUrl: server.baseUrl };
			await activateWebhook(chatNode, live);
			const [registration] = sim.webhooks.list(FIXTURE_PROVIDER);
			expect(registration.url).toBe(server.url);

			const send = async (authorization: string) =>
				await sim.sendWebhook(registration.url, {
					provider: FIXTURE_PROVIDER,
					headers: { authorization },
					body: { messages: [message('m1')] },
				});
			const accepted = await send(`Bearer ${SECRET}`);
			const rejected = await send('Bearer nope');
			const resent = await send(`Bearer ${SECRET}`);

			expect([accepted.status, JSON.parse(accepted.body)]).toEqual([200, { received: 1, started: 1 }]);
			expect([rejected.status, JSON.parse(rejected.body)]).toEqual([401, { message: 'Invalid Authorization header' }]);
			expect([resent.status, JSON.parse(resent.body)]).toEqual([200, { received: 1, started: 0 }]);
			expect(server.runs.map((run) => run.items.length)).toEqual([1, 0, 0]);
			expect(sim.outbound.map((entry) => entry.status)).toEqual([200, 401, 200]);

			const elsewhere = await sim.sendWebhook(server.url.replace(/webhook$/, 'other'), { body: {} });
			expect(elsewhere.status).toBe(404);
		} finally {
			await server.close();
		}
	});
});

describe('poll(): PollContext', () => {
	const feedNode = (mobileNo = IRIS_SAMPLE_MOBILE_NO) => ({
		name: 'Fixture Feed Trigger',
		type: FEED_TRIGGER_TYPE,
		parameters: { feedUrl: `${sim.url}/feeds/irisengage/${mobileNo}.rss` },
	});
	const feedStore = async () => await createCredentialStore();
	const guids = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => item.json.guid);

	test('first poll returns the items, the next poll returns null (nothing new)', async () => {
		const options = { store: await feedStore(), staticData: {} as IDataObject };
		const first = await runPoll(feedNode(), options);
		expect(first).not.toBeNull();
		expect(first![0].length).toBeGreaterThan(1);
		expect(first![0][0].json).toEqual({
			guid: expect.any(String),
			title: expect.stringContaining('conversation'),
			link: expect.stringMatching(/^urn:irisengage:/),
			category: expect.any(String),
			publishedAt: expect.stringMatching(/Z$/),
		});
		expect(options.staticData).toEqual({ 'node:Fixture Feed Trigger': { lastGuid: first![0][0].json.guid } });

		expect(await runPoll(feedNode(), options)).toBeNull();
		expect(sim.count({ route: /\/feeds\/irisengage\// })).toBe(2);
	});

	test('only items newer than the remembered guid are returned', async () => {
		const options = { store: await feedStore(), staticData: {} as IDataObject };
		const all = guids(await runPoll(feedNode(), { store: options.store, mode: 'manual' }));
		options.staticData['node:Fixture Feed Trigger'] = { lastGuid: all[2] };
		expect(guids(await runPoll(feedNode(), options))).toEqual(all.slice(0, 2));
		expect(await runPoll(feedNode(), options)).toBeNull();
	});

	test('manual mode returns every item again, and n8n keeps none of its static data changes', async () => {
		const options = { store: await feedStore(), staticData: {} as IDataObject };
		const manual = await runPoll(feedNode(), { ...options, mode: 'manual' });
		expect(manual![0].length).toBeGreaterThan(1);
		expect(options.staticData).toEqual({});
		// The node moved its cursor during the manual run, but that change was discarded: all items are still new.
		const first = await runPoll(feedNode(), options);
		expect(guids(first)).toEqual(guids(manual));
		expect(await runPoll(feedNode(), options)).toBeNull();
		expect(guids(await runPoll(feedNode(), { ...options, mode: 'manual' }))).toEqual(guids(manual));
	});

	test('a failing poll in an active workflow is reported as an error (n8n: emitError), and remembers nothing', async () => {
		const options = { store: await feedStore(), staticData: {} as IDataObject };
		await expect(runPoll(feedNode('not-a-number'), options)).rejects.toThrow(/400/);
		expect(options.staticData).toEqual({});
	});
});
