/**
 * The shared trigger core (nodes/shared/trigger) through n8n-core's WebhookContext and HookContext, driven by the
 * fixture trigger that is written on it: each auth style, body checks, splitting and filtering, duplicates under
 * concurrency, media downloads, and registration errors that explain WEBHOOK_URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { CHAT_TRIGGER_TYPE, FIXTURE_PROVIDER, startRegistrationApi, type FixtureInboundMessage, type RegistrationApi } from './fixtures';
import { createCredentialStore, runWebhook, runWebhookMethods, serveWebhook, type TriggerOptions, type WebhookRequest } from './harness';
import { persistedIds } from './persisted-ids';

const SECRET = 'core-secret-7f3';
const API_KEY = 'fixture-api-key';
const NODE_NAME = 'Chat Trigger';

let sim: Simulator;
let registrationApi: RegistrationApi;
let media: { url: string; hits: string[]; failNext: number; close: () => Promise<void> };
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	registrationApi = await startRegistrationApi(sim, FIXTURE_PROVIDER, API_KEY);
	media = await startMediaServer();
});
afterAll(async () => {
	// Each may be missing when an earlier start failed: close whatever did start.
	await Promise.all([registrationApi?.close(), sim?.close(), media?.close()]);
});

/** Files over HTTP on 127.0.0.1: /photo.jpg (image/jpeg, 1 KB), /big.bin (50 KB), /missing (404); `failNext` answers 503s first. */
async function startMediaServer() {
	const hits: string[] = [];
	const state = { failNext: 0 };
	const server: Server = createServer((request, response) => {
		hits.push(request.url ?? '');
		if (state.failNext > 0) {
			state.failNext--;
			response.writeHead(503).end();
		} else if (request.url === '/photo.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(1024, 7));
		else if (request.url === '/big.bin') response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(50_000));
		else response.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return Object.assign(state, { url, hits, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) });
}

let deployments = 0;
async function deployment(overrides: IDataObject = {}): Promise<TriggerOptions & { staticData: IDataObject }> {
	const store = await createCredentialStore({ fixtureChatApi: { baseUrl: registrationApi.url, apiKey: API_KEY, webhookSecret: SECRET, ...overrides } });
	return { store, staticData: {}, workflowId: `core-${++deployments}` };
}

const node = (parameters: INodeParameters = {}) => ({
	name: NODE_NAME,
	type: CHAT_TRIGGER_TYPE,
	parameters,
	credentials: { fixtureChatApi: { id: 'fixtureChatApi', name: 'Fixture Chat account' } },
});

const message = (id: string, extra: Partial<FixtureInboundMessage> = {}): FixtureInboundMessage => ({
	id,
	from: '971569113820',
	to: 'bot-1',
	text: `text of ${id}`,
	sentAt: Date.UTC(2024, 0, 2, 3, 4, 5),
	...extra,
});
const status = (id: string) => ({ id, messageId: 'm1', status: 'DELIVERED', at: Date.UTC(2024, 0, 2) });
const signed = (body: unknown, extra: WebhookRequest = {}): WebhookRequest => ({ headers: { authorization: `Bearer ${SECRET}` }, body, ...extra });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('authentication: right, wrong and missing, for every style', () => {
	const styles: Array<[string, WebhookRequest, WebhookRequest, WebhookRequest]> = [
		['header', { headers: { authorization: SECRET } }, { headers: { authorization: 'nope' } }, {}],
		['basic', { headers: { authorization: basic('fixture', SECRET) } }, { headers: { authorization: basic('fixture', 'nope') } }, {}],
		['query', { query: { token: SECRET } }, { query: { token: 'nope' } }, { query: { other: SECRET } }],
		['path', { params: { secret: SECRET } }, { params: { secret: 'nope' } }, {}],
	];

	test.each(styles)('%s', async (authStyle, right, wrong, missing) => {
		const options = await deployment();
		const call = async (request: WebhookRequest, id: string) => await runWebhook(node({ authStyle }), { ...request, body: { messages: [message(id)] } }, options);

		for (const [request, id] of [[wrong, 'w'], [missing, 'x']] as const) {
			const run = await call(request, id);
			expect(run.response.status).toBe(401);
			expect(run.workflowData).toBeUndefined();
			expect(JSON.stringify(run.response.body)).not.toContain(SECRET);
		}
		if (authStyle === 'basic') expect((await call(wrong, 'w')).response.headers['www-authenticate']).toMatch(/^Basic/);
		// Rejected calls remembered nothing: the same ids still run when signed.
		expect(options.staticData).toEqual({});
		expect((await call(right, 'w')).items).toHaveLength(1);
	});

	test('the wrong user with the right password is refused too (Basic)', async () => {
		const run = await runWebhook(node({ authStyle: 'basic' }), { headers: { authorization: basic('intruder', SECRET) }, body: { messages: [message('m')] } }, await deployment());
		expect([run.response.status, run.workflowData]).toEqual([401, undefined]);
	});
});

describe('the body', () => {
	test('JSON sent as text/plain (a provider with a wrong content type) is still read', async () => {
		const run = await runWebhook(node(), { headers: { authorization: SECRET, 'content-type': 'text/plain' }, rawBody: JSON.stringify({ messages: [message('t1')] }) }, await deployment());
		expect(run.items.map((item) => item.json.messageId)).toEqual(['t1']);
	});

	test('malformed JSON declared as application/json: n8n itself answers 422 before the node runs (no execution)', async () => {
		const options = await deployment();
		const server = await serveWebhook(node(), options);
		try {
			const answer = await sim.sendWebhook(server.url, { headers: { authorization: SECRET, 'content-type': 'application/json' }, body: '{"messages": [' });
			expect(answer.status).toBe(422);
			expect(server.runs).toHaveLength(0);
		} finally {
			await server.close();
		}
	});

	test.each([
		['not JSON at all', { headers: { authorization: SECRET, 'content-type': 'text/plain' }, rawBody: '{"messages": [' }, /^The body is not JSON/],
		['a message without its id', signed({ messages: [{ ...message('x'), id: undefined }] }), /^Not a Fixture Chat delivery: messages\.0\.id: Required/],
		['messages that are not a list', signed({ messages: 'hello' }), /^Not a Fixture Chat delivery: messages: Expected array/],
		['an unknown binary body', { headers: { authorization: SECRET, 'content-type': 'application/octet-stream' }, rawBody: Buffer.from([0, 1, 2]) }, /^The body is not JSON/],
	])('%s: 400 with what is wrong, no execution, nothing remembered', async (_case, request, reason) => {
		const options = await deployment();
		const run = await runWebhook(node(), request as WebhookRequest, options);
		expect(run.response.status).toBe(400);
		expect((run.response.body as { message: string }).message).toMatch(reason);
		expect(run.workflowData).toBeUndefined();
		expect(options.staticData).toEqual({});
	});
});

describe('splitting and filtering', () => {
	test('a batch becomes one item per message, in order, each a normalized chat message with raw kept', async () => {
		const run = await runWebhook(node(), signed({ messages: [message('a'), message('b'), message('c')] }), await deployment());
		expect(run.items.map((item) => item.json.messageId)).toEqual(['a', 'b', 'c']);
		expect(run.items[0].json).toMatchObject({ provider: FIXTURE_PROVIDER, type: 'text', text: 'text of a', raw: message('a') });
	});

	test('Simplify off emits the provider payload as it came', async () => {
		const run = await runWebhook(node({ simplify: false }), signed({ messages: [message('a')] }), await deployment());
		expect(run.items.map((item) => item.json)).toEqual([message('a')]);
	});

	test('status updates the user did not select are answered and start no execution', async () => {
		const options = await deployment();
		const onlyStatuses = await runWebhook(node(), signed({ statuses: [status('s1'), status('s2')] }), options);
		expect(onlyStatuses.workflowData).toBeUndefined();
		expect(onlyStatuses.response).toMatchObject({ status: 200, body: { received: 2, started: 0 } });

		const mixed = await runWebhook(node(), signed({ messages: [message('m1')], statuses: [status('s3')] }), options);
		expect(mixed.items.map((item) => item.json.messageId)).toEqual(['m1']);
		// Dropped statuses are not remembered: selecting them later still lets a resend through.
		const withStatuses = await runWebhook(node({ events: ['message', 'status'] }), signed({ statuses: [status('s1')] }), options);
		expect(withStatuses.items.map((item) => item.json.id)).toEqual(['s1']);
	});

	test('an id repeated inside one delivery is emitted once', async () => {
		const run = await runWebhook(node(), signed({ messages: [message('a'), message('a'), message('b')] }), await deployment());
		expect(run.items.map((item) => item.json.messageId)).toEqual(['a', 'b']);
	});
});

describe('duplicates under concurrency', () => {
	test('50 concurrent deliveries of one id, each with its own copy of static data as n8n gives them: one run', async () => {
		const options = await deployment();
		const runs = await Promise.all(Array.from({ length: 50 }, async () => await runWebhook(node(), signed({ messages: [message('same')] }), options)));
		expect(runs.filter((run) => run.workflowData !== undefined)).toHaveLength(1);
		expect(runs.every((run) => run.response.status === 200)).toBe(true);
		expect(options.staticData).toEqual({ [`node:${NODE_NAME}`]: { seenMessageIds: persistedIds(['same']) } });
	});

	test('static data is written at most every persistEveryMs; the process memory catches resends in between', async () => {
		const options = await deployment();
		const throttled = node({ persistEveryMs: 60_000 });
		const first = await runWebhook(throttled, signed({ messages: [message('p1')] }), options);
		const second = await runWebhook(throttled, signed({ messages: [message('p2')] }), options);
		const resent = await runWebhook(throttled, signed({ messages: [message('p2')] }), options);
		expect([first.items.length, second.items.length, resent.workflowData]).toEqual([1, 1, undefined]);
		// Only the first call wrote static data; p2 lives in process memory until the next write is due.
		expect(options.staticData).toEqual({ [`node:${NODE_NAME}`]: { seenMessageIds: persistedIds(['p1']) } });
	});

	test('the memory is per workflow and node: another workflow receiving the same id runs it', async () => {
		const first = await runWebhook(node(), signed({ messages: [message('shared')] }), await deployment());
		const second = await runWebhook(node(), signed({ messages: [message('shared')] }), await deployment());
		expect([first.items.length, second.items.length]).toEqual([1, 1]);
	});
});

describe('media download into binary data', () => {
	const withMedia = (path: string) => signed({ messages: [message(`media-${path}-${Math.random()}`, { mediaUrl: `${media.url}${path}` })] });

	test('the file arrives as binary data with its MIME type and file name', async () => {
		const run = await runWebhook(node({ downloadMedia: true }), withMedia('/photo.jpg'), await deployment());
		expect(run.items).toHaveLength(1);
		expect(run.items[0].binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'photo.jpg', fileSize: '1.02 kB' });
		expect(run.items[0].json.mediaError).toBeUndefined();
	});

	test('one retry after a transient failure', async () => {
		media.failNext = 1;
		const before = media.hits.length;
		const run = await runWebhook(node({ downloadMedia: true }), withMedia('/photo.jpg'), await deployment());
		expect(run.items[0].binary?.data?.mimeType).toBe('image/jpeg');
		expect(media.hits.length - before).toBe(2);
	});

	test.each([
		['larger than the limit', '/big.bin', /^Media not downloaded: .*larger than the limit of 10000 bytes/],
		['missing (404, not retried)', '/missing', /^Media not downloaded: the server answered HTTP 404/],
	])('%s: the message is still emitted, with a mediaError', async (_case, path, error) => {
		const before = media.hits.length;
		const run = await runWebhook(node({ downloadMedia: true, maxMediaBytes: 10_000 }), withMedia(path), await deployment());
		expect(run.items).toHaveLength(1);
		expect(run.items[0].binary).toBeUndefined();
		expect(run.items[0].json.mediaError).toMatch(error);
		expect(media.hits.length - before).toBe(1);
	});

	test('without Download Media no request is made', async () => {
		const before = media.hits.length;
		const run = await runWebhook(node(), withMedia('/photo.jpg'), await deployment());
		expect([run.items.length, run.items[0].binary, media.hits.length - before]).toEqual([1, undefined, 0]);
	});
});

describe('registration errors explain WEBHOOK_URL', () => {
	test('a provider on the internet is not handed a localhost URL: refused before any request', async () => {
		const options = await deployment({ baseUrl: 'https://api.fixture-chat.example' });
		const error = await runWebhookMethods(node(), 'create', options).catch((caught: unknown) => caught as Error & { description?: string });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^Fixture Chat cannot call this webhook\. The webhook URL http:\/\/127\.0\.0\.1:5678\/webhook\/.* points at 127\.0\.0\.1/);
		expect((error as { description?: string }).description).toMatch(/WEBHOOK_URL/);
	});

	test('the provider refusing the URL: its own message, its status, and the WEBHOOK_URL hint', async () => {
		const options = { ...(await deployment()), webhookBaseUrl: 'http://127.0.0.1:5678/refused/webhook' };
		const error = (await runWebhookMethods(node(), 'create', options).catch((caught: unknown) => caught)) as Error & { description?: string; httpCode?: string };
		expect(error.message).toMatch(/^Fixture Chat did not accept the webhook URL http:\/\/127\.0\.0\.1:5678\/refused\/webhook\/.*: Fixture Chat: Webhook URL is not reachable \(HTTP 400\)$/);
		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(options.staticData).toEqual({});
	});

	test('a local provider (the simulator, an on-premise install) registers a local URL', async () => {
		const options = await deployment();
		expect(await runWebhookMethods(node(), 'create', options)).toBe(true);
		expect(sim.webhooks.list(FIXTURE_PROVIDER).map((registration) => registration.url)).toContain('http://127.0.0.1:5678/webhook/engine-test-chat-trigger/webhook');
		await runWebhookMethods(node(), 'delete', options);
	});
});
