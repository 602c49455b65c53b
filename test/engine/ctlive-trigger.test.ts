import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chatMessageSchema } from '../../nodes/shared/chatMessage';
import { startSimulator, type Simulator } from '../simulator';
import { CTLIVE_TRIGGER_TYPE, ctliveStore } from './ctlive.fixture';
import { activateWebhook, runWebhook, runWebhookMethods, serveWebhook, webhookUrl, type TriggerOptions } from './harness';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PENDING_ENROUTE = { groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE', description: 'Message sent to next instance' };

const trigger = (options: INodeParameters = {}, simplify = true) => ({
	name: 'CTLive Trigger',
	type: CTLIVE_TRIGGER_TYPE,
	parameters: { simplify, options },
	credentials: { ctLiveWebhookApi: { id: 'ctLiveWebhookApi', name: 'CTLive webhook' } },
});

let deployments = 0;
/** A fresh workflow with the trigger: its own id, so n8n's process memory of seen deliveries is its own too. */
async function deployment(): Promise<TriggerOptions & { staticData: IDataObject }> {
	return { store: await ctliveStore(sim), staticData: {}, workflowId: `ctlive-${++deployments}` };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const goodAuth = () => basic(sim.providers.ctlive.credentials.webhookUser, sim.providers.ctlive.credentials.webhookPassword);

/** The spec's text example. */
const TEXT = {
	scenarioKey: 'CC9F01A5DC7BEE2C2B829D203482A654',
	destinations: [{ to: { phoneNumber: '41793026727' } }],
	whatsApp: { text: 'This WhatsApp message will be delivered to WhatsApp application on the user device.' },
};

describe('a delivery from CTLive', () => {
	test('starts the workflow with one normalized message per destination and answers with their message ids', async () => {
		const body = { ...TEXT, destinations: [{ to: { phoneNumber: '41793026727' } }, { to: { phoneNumber: '41793026731' } }] };
		const run = await runWebhook(trigger(), { headers: { authorization: goodAuth() }, body }, await deployment());

		expect(run.items).toHaveLength(2);
		const [first, second] = run.items.map((item) => item.json);
		const { scenarioKey, ...message } = first;
		expect(scenarioKey).toBe(TEXT.scenarioKey);
		expect(chatMessageSchema.parse(message)).toEqual({
			provider: 'ctlive',
			direction: 'outbound',
			messageId: expect.stringMatching(UUID),
			conversationId: '41793026727',
			from: TEXT.scenarioKey,
			to: '41793026727',
			contactName: null,
			type: 'text',
			text: TEXT.whatsApp.text,
			timestamp: expect.any(String),
			raw: body,
		});
		expect(second).toMatchObject({ to: '41793026731', messageId: expect.stringMatching(UUID) });
		expect(run.response).toEqual({
			status: 200,
			headers: expect.any(Object),
			body: {
				messages: [
					{ to: { phoneNumber: '41793026727' }, status: PENDING_ENROUTE, messageId: first.messageId },
					{ to: { phoneNumber: '41793026731' }, status: PENDING_ENROUTE, messageId: second.messageId },
				],
			},
		});
	});

	test.each([
		['image', { text: 'Get your message across!', imageUrl: 'https://cdn.example.com/a.jpg' }, { kind: 'image', url: 'https://cdn.example.com/a.jpg', caption: 'Get your message across!' }],
		['document', { text: 'File caption', fileUrl: 'https://www.documentUrl.com' }, { kind: 'document', url: 'https://www.documentUrl.com', caption: 'File caption' }],
	])('emits an %s as a media message', async (_, whatsApp, media) => {
		const run = await runWebhook(trigger(), { headers: { authorization: goodAuth() }, body: { ...TEXT, whatsApp } }, await deployment());
		expect(run.items[0].json).toMatchObject({ type: 'media', text: whatsApp.text, media });
	});

	test("with Simplify off, emits CTLive's own fields per destination with the answered message id", async () => {
		const run = await runWebhook(trigger({}, false), { headers: { authorization: goodAuth() }, body: TEXT }, await deployment());
		expect(run.items.map((item) => item.json)).toEqual([
			{ messageId: expect.stringMatching(UUID), scenarioKey: TEXT.scenarioKey, to: { phoneNumber: '41793026727' }, whatsApp: TEXT.whatsApp },
		]);
	});

	test('a resend of the same payload gets the same answer and starts no execution', async () => {
		const options = await deployment();
		const request = { headers: { authorization: goodAuth() }, body: TEXT };
		const first = await runWebhook(trigger(), request, options);
		const again = await runWebhook(trigger(), request, options);
		expect(first.items).toHaveLength(1);
		expect(again.workflowData).toBeUndefined();
		expect(again.response.body).toEqual(first.response.body);
		// A new message with other content is new.
		const other = await runWebhook(trigger(), { ...request, body: { ...TEXT, whatsApp: { text: 'other' } } }, options);
		expect(other.items).toHaveLength(1);
	});

	test('a resend of a delivery to 1,500 destinations also starts nothing and gets the same 1,500 ids', async () => {
		const options = await deployment();
		const destinations = Array.from({ length: 1500 }, (_, index) => ({ to: { phoneNumber: `4179${String(index).padStart(7, '0')}` } }));
		const request = { headers: { authorization: goodAuth() }, body: { ...TEXT, destinations } };
		const first = await runWebhook(trigger(), request, options);
		const again = await runWebhook(trigger(), request, options);
		expect(first.items).toHaveLength(1500);
		expect(new Set(first.items.map((item) => item.json.messageId)).size).toBe(1500);
		expect(again.workflowData).toBeUndefined();
		expect(again.response.body).toEqual(first.response.body);
	});

	test('with a resend window of 0, the same payload twice is two messages', async () => {
		const options = await deployment();
		const request = { headers: { authorization: goodAuth() }, body: TEXT };
		const first = await runWebhook(trigger({ resendWindowSeconds: 0 }), request, options);
		const second = await runWebhook(trigger({ resendWindowSeconds: 0 }), request, options);
		expect(second.items).toHaveLength(1);
		expect(second.items[0].json.messageId).not.toBe(first.items[0].json.messageId);
	});
});

test('fields CTLive writes as null (as its own examples write pairedMessageId) count as absent', async () => {
	const body = { ...TEXT, whatsApp: { text: null, imageUrl: 'https://media.example.com/123455', fileUrl: null } };
	const run = await runWebhook(trigger(), { headers: { authorization: goodAuth() }, body }, await deployment());
	expect(run.response.status).toBe(200);
	expect(run.items.map((item) => item.json)).toEqual([
		expect.objectContaining({ type: 'media', text: null, media: { kind: 'image', url: 'https://media.example.com/123455' } }),
	]);
});

describe('refused calls start no execution', () => {
	test.each([
		['no auth', undefined],
		['a wrong password', basic('ctlive', 'wrong')],
		['a wrong user', basic('someone', 'ctlive-hook-pass-1')],
		['a Bearer token', 'Bearer ctlive-hook-pass-1'],
	])('%s → 401', async (_, authorization) => {
		const run = await runWebhook(trigger(), { headers: authorization ? { authorization } : {}, body: TEXT }, await deployment());
		expect(run.workflowData).toBeUndefined();
		expect(run.response.status).toBe(401);
		expect(run.response.headers['www-authenticate']).toMatch(/^Basic realm=/);
	});

	test.each([
		['no destinations', { ...TEXT, destinations: [] }, /destinations/],
		['no scenarioKey', { destinations: TEXT.destinations, whatsApp: TEXT.whatsApp }, /scenarioKey/],
		['no content', { ...TEXT, whatsApp: {} }, /whatsApp: needs text, imageUrl or fileUrl/],
		['only null content', { ...TEXT, whatsApp: { text: null, imageUrl: null, fileUrl: null } }, /whatsApp: needs text, imageUrl or fileUrl/],
		['a text body', 'not json', /The body is not JSON/],
	])('a body with %s → 400 naming the problem', async (_, body, problem) => {
		const run = await runWebhook(trigger(), { headers: { authorization: goodAuth() }, body }, await deployment());
		expect(run.workflowData).toBeUndefined();
		expect(run.response.status).toBe(400);
		expect((run.response.body as { message: string }).message).toMatch(problem);
	});
});

describe('over HTTP, called by the simulated CTLive', () => {
	test('an image with Download Media: one run, binary data attached, resends answered alike', async () => {
		const options = await deployment();
		const server = await serveWebhook(trigger({ downloadMedia: true }), options);
		try {
			const answer = await fetch(`${sim.providers.ctlive.baseUrl}/simulate/outbound`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ url: server.url, kind: 'image', to: ['41793026727'], times: 3 }),
			});
			const { answers } = (await answer.json()) as { answers: Array<{ status: number; body: string }> };
			expect(answers.map((entry) => entry.status)).toEqual([200, 200, 200]);
			expect(new Set(answers.map((entry) => entry.body)).size).toBe(1);
			expect(server.runs.filter((run) => run.workflowData)).toHaveLength(1);
			const [item] = server.runs[0].items;
			expect(JSON.parse(answers[0].body).messages[0].messageId).toBe(item.json.messageId);
			expect(item.binary?.data).toMatchObject({ mimeType: 'image/svg+xml', fileName: 'photo.svg' });
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toMatch(/^<svg /);
		} finally {
			await server.close();
		}
	});

	test('a media link that cannot be downloaded keeps the message and says why', async () => {
		const run = await runWebhook(
			trigger({ downloadMedia: true }),
			{ headers: { authorization: goodAuth() }, body: { ...TEXT, whatsApp: { text: 'x', fileUrl: `${sim.url}/ctlive/media/missing.pdf` } } },
			await deployment(),
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].binary).toBeUndefined();
		expect(run.items[0].json.mediaError).toBe('Media not downloaded: the server answered HTTP 404');
	});
});

describe('activation', () => {
	test('remembers the live URL CTLive must be configured with, and forgets it on deactivation', async () => {
		const options = await deployment();
		expect(await activateWebhook(trigger(), options)).toEqual({ existed: false });
		const url = await webhookUrl(trigger(), options);
		expect((options.staticData['node:CTLive Trigger'] as IDataObject).webhookUrl).toBe(url);
		expect(await activateWebhook(trigger(), options)).toEqual({ existed: true });
		expect(await runWebhookMethods(trigger(), 'delete', options)).toBe(true);
		expect((options.staticData['node:CTLive Trigger'] as IDataObject).webhookUrl).toBeUndefined();
	});
});
