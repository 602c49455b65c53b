import { startSimulator, type Simulator } from '../simulator';
import { inDeliveryOrder } from './fixtures/send-log';
import { runNode } from './harness';
import { ctliveNode, ctliveStore, MESSAGE_ROUTE, postedResults, sendText } from './ctlive.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CTLIVE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

describe('Message → Send', () => {
	test('posts a text message with contact name exactly as the spec shows it', async () => {
		const result = await runNode(
			sendText({
				additionalFields: { contactName: 'Frank', messageId: 'ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a', receivedAt: '2019-07-19T11:23:26.998Z' },
			}),
			[{ from: '385919998888', text: 'Support hello' }],
			await ctliveStore(sim),
		);
		const expected = {
			from: '385919998888',
			to: '1234',
			integrationType: 'WHATSAPP',
			receivedAt: '2019-07-19T11:23:26.998+0000',
			messageId: 'ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a',
			pairedMessageId: null,
			message: { type: 'TEXT', text: 'Support hello' },
			contact: { name: 'Frank' },
		};
		expect(sim.log.map((entry) => [entry.route, entry.authScheme, entry.status, entry.body])).toEqual([
			['POST /imchannel/message', 'Basic', 200, { results: [expected] }],
		]);
		expect(result.output('CTLive')).toEqual([{ json: expected, pairedItem: { item: 0 } }]);
	});

	test('posts image and document messages with caption and url, and the quoted message id', async () => {
		const store = await ctliveStore(sim);
		const media = (messageType: string, caption: string) =>
			ctliveNode({
				resource: 'message',
				operation: 'send',
				messageType,
				from: '385919998888',
				to: '1234',
				mediaUrl: 'https://media.example.com/123455',
				caption,
				additionalFields: { pairedMessageId: 'ABEGOFkWA5EBAgo6B82cNiWIAMKC', integrationType: 'TELEGRAM' },
			});
		await runNode(media('image', 'Image Caption'), [{}], store);
		await runNode(media('document', 'invoice.pdf'), [{}], store);
		const [image, document] = postedResults(sim);
		expect(image).toEqual({
			from: '385919998888',
			to: '1234',
			integrationType: 'TELEGRAM',
			receivedAt: expect.stringMatching(CTLIVE_TIME),
			messageId: expect.stringMatching(UUID),
			pairedMessageId: 'ABEGOFkWA5EBAgo6B82cNiWIAMKC',
			message: { type: 'IMAGE', caption: 'Image Caption', url: 'https://media.example.com/123455' },
		});
		expect(document.message).toEqual({ type: 'DOCUMENT', caption: 'invoice.pdf', url: 'https://media.example.com/123455' });
	});

	test("takes the message type from an expression, in CTLive's own names too", async () => {
		await runNode(
			ctliveNode({ resource: 'message', operation: 'send', messageType: '={{ $json.type }}', from: '1', to: '2', text: 'hi', mediaUrl: 'https://media.example.com/a.jpg' }),
			[{ type: 'IMAGE' }, { type: 'text' }],
			await ctliveStore(sim),
		);
		expect(postedResults(sim).map((entry) => entry.message)).toEqual([
			{ type: 'IMAGE', url: 'https://media.example.com/a.jpg' },
			{ type: 'TEXT', text: 'hi' },
		]);
	});

	test('writes dates in UTC in the spec form, reading dates without offset in the chosen time zone', async () => {
		const store = await ctliveStore(sim);
		const at = (receivedAt: unknown, timeZone?: string) =>
			runNode(sendText({ additionalFields: { receivedAt }, ...(timeZone ? { options: { timeZone } } : {}) }), [{ from: '385919998888', text: 'hi' }], store);
		await at('2024-05-01T10:00:00+02:00');
		await at('2024-05-01T10:00:00', 'America/Sao_Paulo');
		await at(1714550400000);
		expect(postedResults(sim).map((entry) => entry.receivedAt)).toEqual([
			'2024-05-01T08:00:00.000+0000',
			'2024-05-01T13:00:00.000+0000',
			'2024-05-01T08:00:00.000+0000',
		]);
	});

	test('generates a UUID per item that n8n\'s Retry On Fail keeps, so CTLive drops the resend', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 500, times: 1 });
		const result = await runNode(
			sendText({}, { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }),
			[{ from: '385919998888', text: 'one' }, { from: '385919998888', text: 'one' }],
			await ctliveStore(sim),
		);
		expect(result.error('CTLive')).toBeUndefined();
		const ids = sim.log.map((entry) => (entry.body as { results: Array<{ messageId: string }> }).results[0].messageId);
		// Attempt 1: item 0 fails (500) and the node stops; attempt 2 resends item 0 with the same id, then item 1.
		expect(ids).toHaveLength(3);
		expect(ids[0]).toMatch(UUID);
		expect(ids[1]).toBe(ids[0]);
		expect(ids[2]).not.toBe(ids[0]);
	});

	test('keeps the input order of one customer\'s messages', async () => {
		// Each customer's first message is answered slowest: sent side by side, later ones would overtake it.
		sim.setLatency(90, undefined, { slowFirstPer: /"from":"([^"]+)"/ });
		const items = Array.from({ length: 6 }, (_, index) => ({ from: index % 2 ? '385910000001' : '385910000002', text: `m${index}` }));
		await runNode(sendText(), items, await ctliveStore(sim));
		const texts = postedResults(sim, inDeliveryOrder).map((entry) => `${entry.from}:${(entry.message as { text: string }).text}`);
		expect(texts.filter((text) => text.startsWith('385910000001'))).toEqual(['385910000001:m1', '385910000001:m3', '385910000001:m5']);
		expect(texts.filter((text) => text.startsWith('385910000002'))).toEqual(['385910000002:m0', '385910000002:m2', '385910000002:m4']);
	});
});

describe('Report → Send Delivery Report / Send Seen Report', () => {
	test('posts a delivery report with the status picked by name, as the spec shows it', async () => {
		const result = await runNode(
			ctliveNode({
				resource: 'report',
				operation: 'sendDelivery',
				messageId: 'fb469d73-d362-463f-b30f-1e959b53badc',
				to: '41793026731',
				status: 'DELIVERED_TO_HANDSET',
				sentAt: '2019-04-09T16:00:58.647-03:00',
				doneAt: '2019-04-09T16:01:56.494-0300',
			}),
			[{}],
			await ctliveStore(sim),
		);
		const expected = {
			bulkId: '',
			status: { id: 5, groupId: 3, groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
			messageId: 'fb469d73-d362-463f-b30f-1e959b53badc',
			doneAt: '2019-04-09T19:01:56.494+0000',
			sentAt: '2019-04-09T19:00:58.647+0000',
			to: '41793026731',
			channel: 'WHATSAPP',
		};
		expect(postedResults(sim)).toEqual([expected]);
		expect(result.output('CTLive')).toEqual([{ json: expected, pairedItem: { item: 0 } }]);
	});

	test('posts a custom status', async () => {
		await runNode(
			ctliveNode({
				resource: 'report',
				operation: 'sendDelivery',
				messageId: 'm-1',
				to: '41793026731',
				status: 'custom',
				statusId: 99,
				statusGroupId: 5,
				statusName: 'REJECTED_BY_CUSTOMER',
			}),
			[{}],
			await ctliveStore(sim),
		);
		expect(postedResults(sim)[0].status).toEqual({ id: 99, groupId: 5, groupName: 'REJECTED', name: 'REJECTED_BY_CUSTOMER' });
	});

	test('posts a seen report as the spec shows it', async () => {
		await runNode(
			ctliveNode({
				resource: 'report',
				operation: 'sendSeen',
				messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
				to: '41793026731',
				sentAt: '2018-12-12T11:21:57.793Z',
				seenAt: '2018-12-12T11:21:58.251Z',
			}),
			[{}],
			await ctliveStore(sim),
		);
		expect(postedResults(sim)).toEqual([
			{ messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35', to: '41793026731', sentAt: '2018-12-12T11:21:57.793+0000', seenAt: '2018-12-12T11:21:58.251+0000' },
		]);
	});
});

describe('bad input is refused before any request, naming the field', () => {
	test.each([
		['no From', sendText(), { from: '', text: 'hi' }, /^From: must not be empty/],
		[
			'a media link that is not a URL',
			ctliveNode({ resource: 'message', operation: 'send', messageType: 'image', from: '1', to: '2', mediaUrl: 'photo.jpg' }),
			{},
			/^Media URL: "photo.jpg" is not an http\(s\) URL/,
		],
		[
			'an unknown message type',
			ctliveNode({ resource: 'message', operation: 'send', messageType: '={{ "VIDEO" }}', from: '1', to: '2' }),
			{},
			/^Message Type: "video" is not one of Text, Image, Document/,
		],
		['an unparseable date', sendText({ additionalFields: { receivedAt: 'yesterday' } }), { from: '1', text: 'hi' }, /^Received At: "yesterday" is not a date/],
		[
			'an unknown status name',
			ctliveNode({ resource: 'report', operation: 'sendDelivery', messageId: 'm', to: '1', status: '={{ "DELIVERED_SOMEWHERE" }}' }),
			{},
			/^Status: "DELIVERED_SOMEWHERE" is not a status name/,
		],
		['an unknown time zone', sendText({ options: { timeZone: 'Mars/Olympus' } }), { from: '1', text: 'hi' }, /^Time Zone of CTLive Dates: "Mars\/Olympus"/],
	])('%s', async (_, node, item, message) => {
		const result = await runNode(node, [item], await ctliveStore(sim));
		expect(result.error('CTLive')?.message).toMatch(message);
		expect(result.error('CTLive')?.name).toBe('NodeOperationError');
		expect(sim.log).toHaveLength(0);
	});
});

describe('auth styles and provider errors', () => {
	test.each([
		['a ctlivetoken header', { authType: 'ctliveToken' }, 'ctlivetoken'],
		['a Bearer token', { authType: 'bearer' }, 'Bearer'],
		['no auth on an open endpoint', { authType: 'none', messagePath: '/open/imchannel/message' }, undefined],
		["the spec's typo path", { messagePath: 'imchanne/message' }, 'Basic'],
	])('posts with %s', async (_, overrides, scheme) => {
		const store = await ctliveStore(sim, { token: sim.providers.ctlive.credentials.token, ...overrides });
		const result = await runNode(sendText(), [{ from: '1', text: 'hi' }], store);
		expect(result.error('CTLive')).toBeUndefined();
		expect(sim.log.map((entry) => [entry.status, entry.authScheme])).toEqual([[200, scheme]]);
	});

	test('a wrong password gives CTLive\'s own message and status, never the password', async () => {
		const result = await runNode(sendText(), [{ from: '1', text: 'hi' }], await ctliveStore(sim, { password: 'wrong-pass-77e1' }));
		const error = result.error('CTLive');
		expect(error?.message).toBe('CTLive: Invalid login details (HTTP 401)');
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		// Basic auth travels base64-encoded: a leaked header would not contain the password as typed.
		const header = Buffer.from(`${sim.providers.ctlive.credentials.user}:wrong-pass-77e1`).toString('base64');
		for (const secret of ['wrong-pass-77e1', header]) expect(JSON.stringify(result.run)).not.toContain(secret);
	});

	test('an ambiguous failure (502) is not retried: the message is not sent twice', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 502, times: 1 });
		const result = await runNode(sendText(), [{ from: '1', text: 'hi' }], await ctliveStore(sim));
		expect(result.error('CTLive')?.message).toMatch(/^CTLive answered HTTP 502|^CTLive: .*\(HTTP 502\)/);
		expect(sim.count({ provider: 'ctlive' })).toBe(1);
	});

	test('a 200 answer with an HTML page (a wrong address) fails clearly, once, without a retry', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'html', status: 200, times: 1 });
		const result = await runNode(sendText({}, { onError: 'continueRegularOutput' }), [{ from: '1', text: 'hi' }, { from: '2', text: 'ho' }], await ctliveStore(sim));
		const [failed, delivered] = result.output('CTLive');
		expect(failed.json).toMatchObject({
			error: "This address answered HTTP 200 with an HTML page, not as CTLive's message endpoint does: it was probably not delivered",
			httpCode: '200',
		});
		expect(failed.json.description).toMatch(/^Check the Base URL and Message Path of the CTLive API credential \(the post went to http:\/\/127\.0\.0\.1:\d+\/ctlive\/imchannel\/message\)\. The answer began: 200 OK/);
		expect(delivered.json.error).toBeUndefined();
		expect(sim.count({ provider: 'ctlive' })).toBe(2);
	});

	test('a 200 that claims JSON is CTLive\'s, even empty or cut short: delivered, never posted again', async () => {
		const store = await ctliveStore(sim);
		for (const kind of ['malformed', 'empty'] as const) sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind, times: 1 });
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 200, body: { messages: [] }, times: 1 });
		for (let run = 0; run < 3; run++) expect((await runNode(sendText(), [{ from: '1', text: 'hi' }], store)).error('CTLive')).toBeUndefined();
		expect(sim.log.map((entry) => entry.fault)).toEqual(['malformed', 'empty 200', 'status 200']);
	});

	test('a 429 with Retry-After is waited for and the message sent once', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 429, retryAfter: 1, times: 1 });
		const result = await runNode(sendText(), [{ from: '1', text: 'hi' }], await ctliveStore(sim));
		expect(result.error('CTLive')).toBeUndefined();
		expect(sim.log.map((entry) => entry.status)).toEqual([429, 200]);
		expect(postedResults(sim)).toHaveLength(1);
	});

	test('a 503 is retried, and Continue On Fail gives one error item per failed item', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 503, times: 1 });
		const result = await runNode(
			sendText({}, { onError: 'continueRegularOutput' }),
			[{ from: '1', text: 'ok' }, { from: '', text: 'no sender' }, { from: '3', text: 'ok too' }],
			await ctliveStore(sim),
		);
		const items = result.output('CTLive');
		expect(items.map((item) => [item.pairedItem, item.json.error === undefined])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
			[{ item: 2 }, true],
		]);
		expect(items[1].json.error).toMatch(/^From: must not be empty/);
		expect(postedResults(sim)).toHaveLength(2);
	});
});
