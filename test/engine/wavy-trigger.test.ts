import type { IDataObject } from 'n8n-workflow';

import { chatMessageSchema } from '../../nodes/shared/chatMessage';
import { startSimulator, type Simulator } from '../simulator';
import { moBatch } from '../simulator/providers/wavy-data';
import { loadExamples, simulatorCredentials } from './examples';
import { activateWebhook, runWebhook, runWebhookMethods, serveWebhook, type TriggerOptions, type WebhookRequest } from './harness';
import { WAVY_TRIGGER_TYPE, wavyStore } from './wavy.fixture';
import { persistedIds } from './persisted-ids';

let sim: Simulator;
let secret: string;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	secret = simulatorCredentials(sim).wavyApi.webhookSecret as string;
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const trigger = { name: 'Wavy Trigger', type: WAVY_TRIGGER_TYPE, parameters: {}, credentials: { wavyApi: { id: 'wavyApi', name: 'Wavy account' } } };

let deployments = 0;
/**
 * A deployed trigger: its credential, its persistent workflow static data, and its own workflow id (the trigger
 * core keeps recent message ids in process memory per workflow, so each test gets a workflow of its own).
 */
async function deployment(staticData: IDataObject = {}): Promise<TriggerOptions & { staticData: IDataObject }> {
	const store = await wavyStore(sim);
	return { store, staticData, workflowId: `wavy-trigger-${++deployments}` };
}

const post = (body: unknown, query: Record<string, string> = { secret }): WebhookRequest => ({ body, query, url: `/webhook/mo?${new URLSearchParams(query)}` });

describe('Wavy Trigger', () => {
	test('a batch of 1,000 MO messages gives 1,000 normalized items, answered 200 before the workflow runs', async () => {
		const batch = moBatch({ size: 1000 });
		const run = await runWebhook(trigger, post(batch), await deployment());
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(1000);
		for (const item of run.items) expect(chatMessageSchema.safeParse(item.json).success).toBe(true);
		expect(run.items.map((item) => item.json.messageId)).toEqual(batch.data.map((message) => message.id));
	});

	test('each message type is normalized as its payload carries it, receivedAt becomes ISO 8601', async () => {
		const batch = moBatch({ size: 7 });
		const items = (await runWebhook(trigger, post(batch), await deployment())).items.map((item) => item.json);
		const first = batch.data[0] as { id: string; origin: string };
		expect(items[0]).toMatchObject({
			provider: 'wavy',
			direction: 'inbound',
			messageId: first.id,
			conversationId: first.origin,
			from: first.origin,
			to: null,
			contactName: 'User 0',
			type: 'text',
			text: 'Hi, this is message 0 from the user',
			timestamp: '2024-06-03T09:30:00.000Z',
			raw: batch.data[0],
		});
		expect(items[1]).toMatchObject({ type: 'media', text: 'image 1', media: { kind: 'image', url: 'https://chatclub-cdn.wavy.global/media/1.jpg', mimeType: 'image/jpeg', caption: 'image 1' } });
		expect(items[2]).toMatchObject({ type: 'media', text: null, media: { kind: 'audio', mimeType: 'audio/ogg' } });
		expect(items[3]).toMatchObject({ type: 'media', media: { kind: 'video' } });
		expect(items[4]).toMatchObject({ type: 'media', media: { kind: 'document', mimeType: 'application/pdf' } });
		expect(items[5]).toMatchObject({ type: 'location', text: 'Wavy office', location: { latitude: expect.any(Number), longitude: expect.any(Number), name: 'Wavy office', address: 'Av. Paulista, 1000' } });
		expect(items[6]).toMatchObject({ type: 'unknown', text: 'Maria Souza (+55 11 98888-7777)' });
		expect(items[6].timestamp).toBe('2024-06-03T09:30:06.000Z');
	});

	test.each([
		['a wrong secret', { secret: 'not-the-secret' }],
		['no secret', {} as Record<string, string>],
		['an empty secret', { secret: '' }],
	])('%s: 401 and no execution', async (_case, query) => {
		const run = await runWebhook(trigger, post(moBatch({ size: 2 }), query), await deployment());
		expect(run.response.status).toBe(401);
		expect(run.workflowData).toBeUndefined();
	});

	test.each([
		['no data', { total: 1 }],
		['a message without id', { total: 1, data: [{ message: { type: 'TEXT', messageText: 'x' } }] }],
		['a text body', 'total=1'],
	])('a malformed body (%s): 400 naming the problem, no execution', async (_case, body) => {
		const run = await runWebhook(trigger, post(body), await deployment());
		expect(run.response.status).toBe(400);
		expect((run.response.body as { message: string }).message).toMatch(/^(Not a Wavy delivery: |The body is not JSON; Wavy sends JSON)/);
		expect(run.workflowData).toBeUndefined();
	});

	test('a replayed batch runs nothing new and is still answered 200; a partly new one runs only its new messages', async () => {
		const options = await deployment();
		const batch = moBatch({ size: 5 });
		expect((await runWebhook(trigger, post(batch), options)).items).toHaveLength(5);
		const replay = await runWebhook(trigger, post(batch), options);
		expect(replay.response.status).toBe(200);
		expect(replay.workflowData).toBeUndefined();
		const mixed = await runWebhook(trigger, post(moBatch({ size: 7 })), options);
		expect(mixed.items.map((item) => item.json.messageId)).toEqual(moBatch({ size: 7 }).data.slice(5).map((message) => message.id));
	});

	test('ids survive a restart through static data, which is written at most every few seconds, not on every call', async () => {
		const options = await deployment();
		await runWebhook(trigger, post(moBatch({ size: 2 })), options);
		await runWebhook(trigger, post(moBatch({ size: 2, offset: 2 })), options);
		const persisted = (options.staticData['node:Wavy Trigger'] as { seenMessageIds: string }).seenMessageIds;
		expect(persisted).toEqual(persistedIds(moBatch({ size: 2 }).data.map((message) => String(message.id))));

		// A new process: empty memory (another workflow id here), the same persisted static data.
		const restarted = await deployment(options.staticData);
		expect((await runWebhook(trigger, post(moBatch({ size: 2 })), restarted)).workflowData).toBeUndefined();
	});

	test('the secret may be a path segment instead (Secret In = Path)', async () => {
		const pathTrigger = { ...trigger, parameters: { secretIn: 'path' } };
		const batch = moBatch({ size: 2 });
		const good = await runWebhook(pathTrigger, { body: batch, params: { secret }, url: `/webhook/x/mo/${secret}` }, await deployment());
		expect(good.items).toHaveLength(2);
		const wrong = await runWebhook(pathTrigger, { body: batch, params: { secret: 'nope' }, url: '/webhook/x/mo/nope' }, await deployment());
		expect(wrong.response.status).toBe(401);
		const inQuery = await runWebhook(pathTrigger, post(batch), await deployment());
		expect(inQuery.response.status).toBe(401);
	});

	test('activation has nothing to register at Wavy, and fails clearly when the credential has no Webhook Secret', async () => {
		expect(await activateWebhook(trigger, await deployment())).toEqual({ existed: false });
		expect(await runWebhookMethods(trigger, 'delete', await deployment())).toBe(true);
		const unset = { ...(await deployment()), store: await wavyStore(sim, { webhookSecret: '' }) };
		await expect(activateWebhook(trigger, unset)).rejects.toThrow('The Wavy API credential has no Webhook Secret');
		expect(sim.log).toHaveLength(0);
	});

	test('a credential without a Webhook Secret lets nothing in', async () => {
		const options = { ...(await deployment()), store: await wavyStore(sim, { webhookSecret: '' }) };
		const run = await runWebhook(trigger, post(moBatch({ size: 1 }), { secret: '' }), options);
		expect(run.response.status).toBe(401);
		expect(run.workflowData).toBeUndefined();
	});

	test('Simplify off emits the messages as Wavy sent them; the answer counts received and started', async () => {
		const batch = moBatch({ size: 3 });
		const run = await runWebhook({ ...trigger, parameters: { simplify: false } }, post(batch), await deployment());
		expect(run.items.map((item) => item.json)).toEqual(batch.data);
		expect(run.response).toMatchObject({ status: 200, body: { received: 3, started: 3 } });
	});

	test('the example workflow\'s trigger accepts a batch sent with the credential npm start creates', async () => {
		const example = loadExamples().find((candidate) => candidate.file === 'wavy-trigger-mo-messages.json')!;
		const node = example.workflow.nodes.find((candidate) => candidate.type === WAVY_TRIGGER_TYPE)!;
		const run = await runWebhook(node, post(moBatch({ size: 7 })), await deployment());
		expect(run.items).toHaveLength(7);
		expect(run.items.filter((item) => item.json.type === 'text')).toHaveLength(1);
	});

	test('Download Media puts the image into binary data after answering; a missing file keeps the message with mediaError', async () => {
		const batch = moBatch({ size: 3, mediaBaseUrl: `${sim.providers.wavy.baseUrl}/media` });
		(batch.data[2].message as { mediaUrl: string }).mediaUrl = `${sim.providers.wavy.baseUrl}/media/2.exe`;
		const run = await runWebhook({ ...trigger, parameters: { options: { downloadMedia: true } } }, post(batch), await deployment());
		expect(run.response.status).toBe(200);
		expect(run.items[0].binary).toBeUndefined();
		expect(run.items[1].binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: '1.jpg' });
		expect(run.items[2].json.mediaError).toBe('Media not downloaded: the server answered HTTP 404');
		expect(sim.count({ provider: 'wavy', route: 'GET /media/:file' })).toBe(2);
	});

	test('a batch whose total disagrees with data is processed in full, each item with a warning', async () => {
		const run = await runWebhook(trigger, post(moBatch({ size: 3, total: 4 })), await deployment());
		expect(run.items).toHaveLength(3);
		expect(run.items.map((item) => item.json.warning)).toEqual(Array(3).fill('Wavy said this batch holds 4 message(s) but sent 3; every message sent is here.'));
	});

	test('over real HTTP, batches fired by the simulator start one run each, and a resent batch none', async () => {
		const server = await serveWebhook(trigger, await deployment());
		try {
			const fire = async (body: object) => await fetch(`${sim.providers.wavy.baseUrl}/mo-batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			const url = `${server.url}?secret=${secret}`;
			const answer = (await (await fire({ url, size: 10, batches: 3 })).json()) as { responses: Array<{ status: number }> };
			expect(answer.responses.map((response) => response.status)).toEqual([200, 200, 200]);
			await fire({ url, size: 10, batches: 1 });
			expect(server.runs.map((run) => run.items.length)).toEqual([10, 10, 10, 0]);
			expect(new Set(server.runs.flatMap((run) => run.items.map((item) => item.json.messageId))).size).toBe(30);
		} finally {
			await server.close();
		}
	});
});
