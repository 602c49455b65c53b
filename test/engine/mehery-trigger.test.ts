/**
 * Mehery Trigger through n8n-core's WebhookContext and HookContext: the verify token, body checks, one item per
 * message / status / event, filters that start no execution, duplicates, and registering its own URL.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { notificationBody, type NotifyRequest } from '../simulator/providers/mehery-notify';
import { loadExamples } from './examples';
import { runNode, runWebhook, runWebhookMethods, serveWebhook, webhookUrl, type WebhookRequest } from './harness';
import { bodiesOf, meheryCredentialRef, meheryStore, MEHERY_TRIGGER_TYPE, SEND_ROUTE } from './mehery.fixture';

let sim: Simulator;
let token: string;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	token = sim.providers.mehery.credentials.verifyToken;
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const trigger = (parameters: INodeParameters = {}) => ({ name: 'Mehery Trigger', type: MEHERY_TRIGGER_TYPE, parameters, credentials: meheryCredentialRef });

let deployments = 0;
async function deployment() {
	return { store: await meheryStore(sim), staticData: {} as IDataObject, workflowId: `mehery-${++deployments}` };
}

let ids = 0;
const body = (request: NotifyRequest) => notificationBody(request, () => `t${++ids}`, Date.UTC(2024, 5, 3, 9, 30));
const signed = (payload: unknown, headers: Record<string, string> = { 'x-verify-token': token }): WebhookRequest => ({ headers, body: payload });

describe('the verify token', () => {
	test('the right token: one normalized item per message, answered 200', async () => {
		const run = await runWebhook(trigger(), signed(body({ kind: 'message', id: 'm-1', text: 'Where is my order?' })), await deployment());
		expect(run.response.status).toBe(200);
		expect(run.response.body).toEqual({ received: 1, started: 1 });
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toEqual({
			notification: 'message',
			provider: 'mehery',
			direction: 'inbound',
			messageId: 'm-1',
			conversationId: '61f3810a02e14c0877fc1a32',
			from: '919988776655',
			to: '919999998888',
			contactName: 'John Doe',
			type: 'text',
			text: 'Where is my order?',
			timestamp: '2024-06-03T09:30:00.000Z',
			raw: expect.objectContaining({ id: 'm-1', contactId: 'wa919988776655_919999998888' }),
		});
	});

	test.each([
		['a wrong token', { 'x-verify-token': 'not-the-token' }, 'Invalid x-verify-token header'],
		['no token', {}, 'Missing x-verify-token header'],
	])('%s: 401 and no execution', async (_case, headers, message) => {
		const run = await runWebhook(trigger(), signed(body({ kind: 'message' }), headers), await deployment());
		expect(run.response.status).toBe(401);
		expect(run.response.body).toEqual({ message });
		expect(run.workflowData).toBeUndefined();
	});

	test('a credential without a verify token refuses everything', async () => {
		const options = { ...(await deployment()), store: await meheryStore(sim, { verifyToken: '' }) };
		const run = await runWebhook(trigger(), signed(body({ kind: 'message' }), { 'x-verify-token': '' }), options);
		expect(run.response.status).toBe(401);
		expect(run.workflowData).toBeUndefined();
	});
});

describe('body checks', () => {
	test('malformed JSON (sent as text) is answered 400 with no execution', async () => {
		const run = await runWebhook(trigger(), { headers: { 'x-verify-token': token, 'content-type': 'text/plain' }, body: '{"messages": [' }, await deployment());
		expect(run.response.status).toBe(400);
		expect(run.workflowData).toBeUndefined();
	});

	test('JSON that is neither a notification nor a contact request is answered 400 naming what was expected', async () => {
		const run = await runWebhook(trigger(), signed({ hello: 'world' }), await deployment());
		expect(run.response.status).toBe(400);
		expect((run.response.body as { message: string }).message).toMatch(/^Not a Mehery XMS delivery: .*InBoundWrapper/);
		expect(run.workflowData).toBeUndefined();
	});
});

describe('splitting, filtering and duplicates', () => {
	test('a delivery of three messages gives three items in order', async () => {
		const run = await runWebhook(trigger(), signed(body({ kind: 'message', id: 'batch', count: 3 })), await deployment());
		expect(run.items.map((item) => item.json.messageId)).toEqual(['batch-1', 'batch-2', 'batch-3']);
	});

	test('the same message delivered twice runs once; the second delivery is answered with no execution', async () => {
		const options = await deployment();
		const first = await runWebhook(trigger(), signed(body({ kind: 'message', id: 'dup-1' })), options);
		const second = await runWebhook(trigger(), signed(body({ kind: 'message', id: 'dup-1' })), options);
		expect(first.items).toHaveLength(1);
		expect(second.response.status).toBe(200);
		expect(second.response.body).toEqual({ received: 1, started: 0 });
		expect(second.workflowData).toBeUndefined();
	});

	test('by default only messages start executions: a status update is answered and dropped', async () => {
		const run = await runWebhook(trigger(), signed(body({ kind: 'status', status: 'DLVRD' })), await deployment());
		expect(run.response.status).toBe(200);
		expect(run.workflowData).toBeUndefined();
	});

	test('a status filter keeps only FAILD; every status of one message counts once', async () => {
		const node = trigger({ events: ['message', 'status'], statuses: ['FAILD'] });
		const options = await deployment();
		const delivered = await runWebhook(node, signed(body({ kind: 'status', id: 's-1', status: 'DLVRD' })), options);
		const failed = await runWebhook(node, signed(body({ kind: 'status', id: 's-1', status: 'FAILD' })), options);
		expect(delivered.workflowData).toBeUndefined();
		expect(failed.items).toHaveLength(1);
		expect(failed.items[0].json).toMatchObject({
			notification: 'status',
			type: 'status',
			status: 'FAILD',
			messageId: 's-1',
			direction: 'outbound',
			text: 'Outside the support window for freeform messages',
		});
	});

	test('session events when selected, filtered by code, flattened by Simplify', async () => {
		const node = trigger({ events: ['event'], eventCodes: 'session_routed' });
		const routed = await runWebhook(node, signed(body({ kind: 'event', eventCode: 'SESSION_ROUTED' })), await deployment());
		const closed = await runWebhook(node, signed(body({ kind: 'event', eventCode: 'SESSION_CLOSED' })), await deployment());
		expect(routed.items[0].json).toMatchObject({ notification: 'event', event: 'SESSION_ROUTED', sessionId: '61f3810a02e14c0877fc1a32', queue: 'support', fromQueue: 'bot' });
		expect(closed.workflowData).toBeUndefined();
	});

	test('a location message with string coordinates and a timestamp in seconds', async () => {
		const payload = body({ kind: 'message', id: 'loc-1' }) as { messages: Array<Record<string, unknown>> };
		Object.assign(payload.messages[0], {
			type: 'location',
			text: undefined,
			timestamp: 1717407000,
			location: { latitude: '12.90909', longitude: '77.5946', name: 'Main Building', address: '1 MG Road' },
		});
		const run = await runWebhook(trigger(), signed(payload), await deployment());
		expect(run.items[0].json).toMatchObject({
			type: 'location',
			text: 'Main Building',
			location: { latitude: 12.90909, longitude: 77.5946, name: 'Main Building', address: '1 MG Road' },
			timestamp: '2024-06-03T09:30:00.000Z',
		});
	});

	test('a message or status without a timestamp has timestamp null: the time n8n received it is not the message\'s', async () => {
		const message = body({ kind: 'message', id: 'untimed-1' }) as { messages: Array<Record<string, unknown>> };
		delete message.messages[0].timestamp;
		const status = body({ kind: 'status', id: 'untimed-2', status: 'DLVRD' }) as { statuses: Array<Record<string, unknown>> };
		status.statuses[0].timestamp = null;
		const received = await runWebhook(trigger(), signed(message), await deployment());
		const delivered = await runWebhook(trigger({ events: ['status'] }), signed(status), await deployment());
		expect([received.items[0].json.timestamp, delivered.items[0].json.timestamp]).toEqual([null, null]);
	});

	test('agent actions when selected: one item per action code', async () => {
		const payload = { type: 'actions', actions: [{ actionCode: 'SEND_INVOICE' }, { actionCode: 'CALL_BACK' }], contacts: [], meta: {} };
		const run = await runWebhook(trigger({ events: ['action'] }), signed(payload), await deployment());
		expect(run.items.map((item) => [item.json.notification, item.json.action])).toEqual([
			['action', 'SEND_INVOICE'],
			['action', 'CALL_BACK'],
		]);
	});

	test('a contact info request, answered with an empty ContactInfoUpdate', async () => {
		const run = await runWebhook(trigger({ events: ['contactInfo'] }), signed(body({ kind: 'contact', phone: '919900000001', name: 'Mei' })), await deployment());
		expect(run.response.body).toEqual({});
		expect(run.items[0].json).toMatchObject({ notification: 'contactInfo', contactId: 'wa919900000001_919999998888', phone: '919900000001', name: 'Mei' });
	});

	test('Simplify off still tags every kind with notification, so one Switch routes them', async () => {
		const node = trigger({ simplify: false, events: ['message', 'status', 'event', 'action', 'contactInfo'] });
		const payloads = [
			body({ kind: 'message', id: 'raw-m' }),
			body({ kind: 'status', id: 'raw-s', status: 'READ' }),
			body({ kind: 'event', eventCode: 'SESSION_ROUTED' }),
			{ type: 'actions', actions: [{ actionCode: 'SEND_INVOICE' }], contacts: [], meta: {} },
			body({ kind: 'contact', phone: '919900000002', name: 'Raw' }),
		];
		const notifications = [];
		for (const payload of payloads) {
			const run = await runWebhook(node, signed(payload), await deployment());
			notifications.push(run.items.map((item) => item.json.notification));
		}
		expect(notifications).toEqual([['message'], ['status'], ['event'], ['action'], ['contactInfo']]);
	});

	test('Simplify off gives the raw InBoundMsg; an image keeps its media in the normalized shape', async () => {
		const raw = await runWebhook(trigger({ simplify: false }), signed(body({ kind: 'image', id: 'img-1' })), await deployment());
		expect(raw.items[0].json).toMatchObject({ notification: 'message', id: 'img-1', type: 'image', image: { mime_type: 'image/png' } });
		const simple = await runWebhook(trigger(), signed(body({ kind: 'image', id: 'img-2', text: 'receipt' })), await deployment());
		expect(simple.items[0].json).toMatchObject({ type: 'media', text: 'receipt', media: { kind: 'image', url: 'https://media.example.com/img-2.png', mimeType: 'image/png', caption: 'receipt' } });
	});
});

describe('registration', () => {
	test('activation sets the URL at Mehery; activating again and deactivate + reactivate leave exactly one', async () => {
		const options = await deployment();
		const node = trigger();
		const url = await webhookUrl(node, options);
		const activate = async () => {
			expect(await runWebhookMethods(node, 'checkExists', options)).toBe(false);
			expect(await runWebhookMethods(node, 'create', options)).toBe(true);
		};
		await activate();
		await activate();
		expect(sim.webhooks.list('mehery').map((hook) => hook.url)).toEqual([url]);
		expect(await runWebhookMethods(node, 'delete', options)).toBe(true);
		// Mehery has no delete: the URL stays set there; only our memory of it is gone.
		expect(sim.webhooks.list('mehery')).toHaveLength(1);
		expect(options.staticData).not.toHaveProperty(['node:Mehery Trigger', 'webhookUrl']);
		await activate();
		expect(sim.webhooks.list('mehery').map((hook) => hook.url)).toEqual([url]);
		expect(sim.count({ route: /config\/webhook/ })).toBe(3);
	});

	test('activation without a verify token in the credential fails with a clear message and sets nothing', async () => {
		const options = { ...(await deployment()), store: await meheryStore(sim, { verifyToken: '' }) };
		await expect(runWebhookMethods(trigger(), 'create', options)).rejects.toThrow('The Mehery XMS credential has no Webhook Verify Token');
		expect(sim.webhooks.list('mehery')).toEqual([]);
	});

	test("Mehery's own webhook call, after activation, starts exactly one run with the normalized message", async () => {
		const options = await deployment();
		const node = trigger();
		const server = await serveWebhook(node, options);
		try {
			const live = { ...options, webhookBaseUrl: server.baseUrl };
			await runWebhookMethods(node, 'create', live);
			const fired = await fetch(`${sim.providers.mehery.baseUrl}/_sim/notify`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ kind: 'message', id: 'live-1', text: 'hi from Mehery' }),
			});
			expect(((await fired.json()) as { status: number }).status).toBe(200);
			expect(server.errors).toEqual([]);
			expect(server.runs).toHaveLength(1);
			expect(server.runs[0].items.map((item) => item.json.text)).toEqual(['hi from Mehery']);
		} finally {
			await server.close();
		}
	});
});

test('the trigger example: a customer message starts it and its Reply node answers the sender', async () => {
	const { workflow } = loadExamples().find((example) => example.file === 'mehery-trigger.json')!;
	const [triggerNode, replyNode] = [workflow.nodes.find((node) => node.type === MEHERY_TRIGGER_TYPE)!, workflow.nodes.find((node) => node.name === 'Reply')!];
	const options = await deployment();
	const run = await runWebhook(triggerNode, signed(body({ kind: 'message', id: 'ex-1', text: 'Is my order late?', phone: '919900000042', name: 'Noor' })), options);
	expect(run.items).toHaveLength(1);
	const reply = await runNode(replyNode, run.items.map((item) => item.json), options.store);
	expect(reply.error('Reply')).toBeUndefined();
	expect(bodiesOf(sim, SEND_ROUTE)).toEqual([
		{ channelId: 'wa360:919999998888', to: { phone: '919900000042' }, type: 'text', mask: false, text: { body: 'Thanks Noor, we got: Is my order late?' } },
	]);
});

/** Runs `use` with a local file server that answers every path with `bytes` of `contentType`; gives it the base URL. */
async function withFileServer(contentType: string, bytes: number, use: (baseUrl: string) => Promise<void>) {
	const { createServer } = await import('node:http');
	const server = createServer((_request, response) => response.writeHead(200, { 'content-type': contentType }).end(Buffer.alloc(bytes, 1)));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		await use(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

test('an image whose file comes only in attachments (the spec documents both places) is still media, and downloaded', async () => {
	await withFileServer('image/jpeg', 512, async (baseUrl) => {
		const link = `${baseUrl}/photo.jpg`;
		const payload = body({ kind: 'image', id: 'img-att' }) as { messages: Array<Record<string, unknown>> };
		delete payload.messages[0].image;
		payload.messages[0].attachments = [{ id: 'a1', type: 'image', link, linkSecure: link, mime_type: 'image/jpeg', caption: 'my photo' }];
		const run = await runWebhook(trigger({ options: { downloadMedia: true } }), signed(payload), await deployment());
		expect(run.items[0].json).toMatchObject({ type: 'media', text: 'my photo', media: { kind: 'image', url: link, mimeType: 'image/jpeg', caption: 'my photo' } });
		expect(run.items[0].binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'photo.jpg' });
	});
});

test('Download Media puts an inbound image into binary data with its MIME type and file name', async () => {
	await withFileServer('image/png', 2048, async (baseUrl) => {
		const link = `${baseUrl}/receipt.png`;
		const payload = body({ kind: 'image', id: 'img-dl' }) as { messages: Array<{ image: Record<string, string> }> };
		Object.assign(payload.messages[0].image, { link, linkSecure: link });
		const run = await runWebhook(trigger({ options: { downloadMedia: true } }), signed(payload), await deployment());
		expect(run.items).toHaveLength(1);
		expect(run.items[0].binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'receipt.png' });
		expect(run.items[0].json.media).toMatchObject({ url: link, kind: 'image' });
	});
});

describe('Max Media Size: in MB from version 1.1, in bytes for triggers saved at version 1', () => {
	const imageAt = (link: string, id: string) => {
		const payload = body({ kind: 'image', id }) as { messages: Array<{ image: Record<string, string> }> };
		Object.assign(payload.messages[0].image, { link, linkSecure: link });
		return signed(payload);
	};

	test.each([
		['version 1.1, 0.001 MB (1,049 bytes)', { typeVersion: 1.1, options: { downloadMedia: true, maxMediaMb: 0.001 } }],
		['version 1, 1,049 bytes (a workflow saved before MB)', { typeVersion: 1, options: { downloadMedia: true, maxMediaBytes: 1049 } }],
	])('%s: a 1,000-byte file is downloaded, a 2,000-byte one is not', async (_name, { typeVersion, options }) => {
		const node = { ...trigger({ options }), typeVersion };
		await withFileServer('image/png', 1000, async (baseUrl) => {
			const run = await runWebhook(node, imageAt(`${baseUrl}/small.png`, `small-${typeVersion}`), await deployment());
			expect(run.items[0].binary?.data).toMatchObject({ mimeType: 'image/png' });
		});
		await withFileServer('image/png', 2000, async (baseUrl) => {
			const run = await runWebhook(node, imageAt(`${baseUrl}/big.png`, `big-${typeVersion}`), await deployment());
			expect(run.items[0].binary).toBeUndefined();
			expect(run.items[0].json.mediaError).toMatch(/larger than the limit of 1049 bytes/);
		});
	});
});
