import { IRIS_SAMPLE_MESSAGES, IRIS_SAMPLE_MOBILE_NO, IRIS_SAMPLE_SESSION, startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { AUTH_ROUTE, CONTENT_ROUTE, SESSIONS_ROUTE, irisNode, irisStore } from './irisengage.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const SAMPLE_ID = IRIS_SAMPLE_SESSION.requestId;

describe('Conversation → Get Many', () => {
	test('lists the newest sessions of a number with ISO dates, paired to the input item', async () => {
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '+971 56 911 3820', sessionCount: 2 }),
			[{}],
			await irisStore(sim),
		);
		const items = result.output('IrisEngage');
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: { conversationId: SAMPLE_ID, mobileNumber: IRIS_SAMPLE_MOBILE_NO, channel: 'WhatsApp', status: 'Cleared', startedAt: '2023-08-15T19:39:17.000Z' },
			pairedItem: { item: 0 },
		});
		expect(items[1].json.startedAt! < items[0].json.startedAt!).toBe(true);
		expect(sim.log.find((entry) => SESSIONS_ROUTE.test(entry.path))?.body).toEqual({ MobileNo: IRIS_SAMPLE_MOBILE_NO, SessionCount: 2 });
	});

	test('Return All returns every session in one call when there are fewer than the first window', async () => {
		const store = await irisStore(sim);
		const all = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '971500000001', returnAll: true }), [{}], store);
		const few = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '971500000001', sessionCount: 1 }), [{}], store);
		expect(all.output('IrisEngage').length).toBeGreaterThan(1);
		expect(all.output('IrisEngage')[0].json).toEqual(few.output('IrisEngage')[0].json);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(2);
	});

	test('Return All over more than 10,000 sessions fails instead of returning the newest 10,000 silently', async () => {
		const big = await startSimulator({ quiet: true, sizes: { irisConversationsPerNumber: 10_001, irisMessagesPerConversation: 1 } });
		try {
			const result = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '971500000001', returnAll: true }), [{}], await irisStore(big));
			expect(result.error('IrisEngage')?.message).toBe('IrisEngage holds more than 10,000 conversations of 971500000001');
			expect(result.output('IrisEngage')).toEqual([]);
			expect(big.log.filter((entry) => SESSIONS_ROUTE.test(entry.path)).map((entry) => (entry.body as { SessionCount: number }).SessionCount)).toEqual([100, 1000, 10_001]);
		} finally {
			await big.close();
		}
	}, 60_000);

	test('Simplify off returns the raw API answer', async () => {
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: IRIS_SAMPLE_MOBILE_NO, sessionCount: 1, simplify: false }),
			[{}],
			await irisStore(sim),
		);
		expect(result.output('IrisEngage').map((item) => item.json)).toEqual([IRIS_SAMPLE_SESSION]);
	});

	test('a number with no history gives no items and no error', async () => {
		const result = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '+0001234567', sessionCount: 5 }), [{}], await irisStore(sim));
		expect(result.error('IrisEngage')).toBeUndefined();
		expect(result.output('IrisEngage')).toEqual([]);
	});
});

describe('Message → Get Many', () => {
	test('normalizes every message: markup parsed, escapes decoded, dates in UTC', async () => {
		const result = await runNode(irisNode({ resource: 'message', operation: 'getMany', requestId: SAMPLE_ID, returnAll: true }), [{}], await irisStore(sim));
		const messages = result.output('IrisEngage').map((item) => item.json);
		expect(messages).toHaveLength(IRIS_SAMPLE_MESSAGES.length);
		expect(messages[0]).toMatchObject({
			provider: 'irisengage',
			direction: 'inbound',
			messageId: '85a7339d-3e6f-4b22-b2e4-f8fa09bc3379',
			conversationId: SAMPLE_ID,
			from: IRIS_SAMPLE_MOBILE_NO,
			contactName: 'Ganga Shyam',
			type: 'text',
			text: 'Hi',
			timestamp: '2023-08-15T19:39:17.000Z',
		});
		expect(messages[2].text).toContain('I can help you with the following services\n\n1. Membership Plans & Offers\n');
		expect(messages[2].text).not.toContain('\\n');
		expect(messages[4]).toMatchObject({
			direction: 'outbound',
			to: IRIS_SAMPLE_MOBILE_NO,
			type: 'buttons',
			text: 'Explore and choose from a range of membership plans and exciting offers',
			buttons: ['Membership Packages', 'Membership Offers', 'Others'],
		});
		expect(messages[4].content).toEqual([
			{
				tag: 'Button',
				children: [
					{ tag: 'Caption', text: 'Explore and choose from a range of membership plans and exciting offers' },
					{ tag: 'Items', children: [{ tag: 'Item', text: 'Membership Packages' }, { tag: 'Item', text: 'Membership Offers' }, { tag: 'Item', text: 'Others' }] },
				],
			},
		]);
		expect(messages[4].raw).toEqual(IRIS_SAMPLE_MESSAGES[4]);
	});

	test('reads the dates in the configured time zone', async () => {
		const result = await runNode(
			irisNode({ resource: 'message', operation: 'getMany', requestId: SAMPLE_ID, limit: 1, options: { timeZone: 'Asia/Dubai' } }),
			[{}],
			await irisStore(sim),
		);
		expect(result.output('IrisEngage').map((item) => item.json.timestamp)).toEqual(['2023-08-15T15:39:17.000Z']);
	});

	test('Limit and Simplify off return the first raw messages', async () => {
		const result = await runNode(
			irisNode({ resource: 'message', operation: 'getMany', requestId: SAMPLE_ID, limit: 3, simplify: false }),
			[{}],
			await irisStore(sim),
		);
		expect(result.output('IrisEngage').map((item) => item.json)).toEqual(IRIS_SAMPLE_MESSAGES.slice(0, 3));
	});

	test('generated conversations with other tags keep them in content', async () => {
		const store = await irisStore(sim);
		const history = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber: '971500000002', returnAll: true, options: { output: 'message' } }),
			[{}],
			store,
		);
		const messages = history.output('IrisEngage').map((item) => item.json);
		expect(messages.length).toBeGreaterThan(0);
		for (const message of messages) {
			expect(message.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
			expect(Array.isArray(message.content)).toBe(true);
		}
		expect(messages.some((message) => message.type === 'media')).toBe(true);
	});
});

describe('one execution, many items', () => {
	test('reads its credential once and logs in once, with every item started at once', async () => {
		const store = await irisStore(sim);
		const phones = Array.from({ length: 40 }, () => ({ phone: IRIS_SAMPLE_MOBILE_NO }));
		const result = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 1 }), phones, store);
		expect(result.output('IrisEngage')).toHaveLength(40);
		// n8n loads and decrypts a credential on every read: once per execution, not twice per request.
		expect(store.reads.get('irisEngageApi')).toBe(1);
		// No token yet: the 20 items the limiter lets out first share one login.
		expect(sim.count({ route: AUTH_ROUTE })).toBe(1);
		expect(store.preAuthentications.get('irisEngageApi')).toBeGreaterThanOrEqual(1);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(40);
	});
});

describe('Conversation → Get History', () => {
	test('returns each conversation with its messages, newest conversation first', async () => {
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber: IRIS_SAMPLE_MOBILE_NO, sessionCount: 3 }),
			[{}],
			await irisStore(sim),
		);
		const conversations = result.output('IrisEngage');
		expect(conversations).toHaveLength(3);
		expect(conversations[0].json).toMatchObject({ conversationId: SAMPLE_ID, messageCount: 11 });
		expect((conversations[0].json.messages as Array<{ text: string }>)[0].text).toBe('Hi');
		expect(conversations.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(1);
		expect(sim.count({ route: CONTENT_ROUTE })).toBe(3);
	});

	test('one item per message, paired with the input item that asked for it', async () => {
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber: '={{ $json.phone }}', sessionCount: 1, options: { output: 'message' } }),
			[{ phone: IRIS_SAMPLE_MOBILE_NO }, { phone: '+0009990000' }, { phone: IRIS_SAMPLE_MOBILE_NO }],
			await irisStore(sim),
		);
		const items = result.output('IrisEngage');
		expect(items).toHaveLength(22);
		expect(items.slice(0, 11).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(items.slice(11).every((item) => (item.pairedItem as { item: number }).item === 2)).toBe(true);
	});
});

describe('conversationId joins conversations and messages', () => {
	test('conversation items and message items (Get History and Message Get Many) carry the same id, which Get Many accepts back', async () => {
		const store = await irisStore(sim);
		const mobileNumber = '971500000002';
		const conversations = await runNode(irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber, sessionCount: 2 }), [{}], store);
		const perMessage = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber, sessionCount: 2, options: { output: 'message' } }),
			[{}],
			store,
		);
		const conversationIds = conversations.output('IrisEngage').map((item) => item.json.conversationId as string);
		expect(conversationIds).toHaveLength(2);
		for (const conversation of conversations.output('IrisEngage')) {
			const nested = conversation.json.messages as Array<{ conversationId: string }>;
			expect(nested.length).toBeGreaterThan(0);
			expect(nested.every((message) => message.conversationId === conversation.json.conversationId)).toBe(true);
		}
		const joined = new Set(perMessage.output('IrisEngage').map((item) => item.json.conversationId));
		expect([...joined]).toEqual(conversationIds);

		sim.reset();
		const messages = await runNode(irisNode({ resource: 'message', operation: 'getMany', requestId: conversationIds[1], returnAll: true }), [{}], store);
		expect(sim.log.find((entry) => CONTENT_ROUTE.test(entry.path))?.body).toEqual({ RequestId: conversationIds[1] });
		const messageIds = messages.output('IrisEngage').map((item) => item.json.conversationId);
		expect(messageIds.length).toBeGreaterThan(0);
		expect(messageIds.every((id) => id === conversationIds[1])).toBe(true);
	});
});

describe('bad input is refused before any request', () => {
	test.each([
		[{ resource: 'conversation', operation: 'getMany', mobileNumber: '97156abc820', sessionCount: 1 }, /^Mobile Number: "97156abc820" is not a phone number/],
		[{ resource: 'conversation', operation: 'getHistory', mobileNumber: IRIS_SAMPLE_MOBILE_NO, sessionCount: 0 }, /^Session Count: must be a whole number from 1 to 10000, got 0/],
		[{ resource: 'message', operation: 'getMany', requestId: '   ' }, /^Conversation ID: must not be empty/],
		[{ resource: 'message', operation: 'getMany', requestId: SAMPLE_ID, options: { timeZone: 'Mars/Base' } }, /^Time Zone of IrisEngage Dates: "Mars\/Base" is not an IANA time zone/],
	])('%j', async (parameters, message) => {
		const result = await runNode(irisNode(parameters), [{}, {}], await irisStore(sim));
		const error = result.error('IrisEngage');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(sim.log).toHaveLength(0);
	});

	test('with Continue On Fail, only the bad item becomes an error item; the others still run', async () => {
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 1 }, { onError: 'continueRegularOutput' }),
			[{ phone: IRIS_SAMPLE_MOBILE_NO }, { phone: 'not-a-number' }, { phone: IRIS_SAMPLE_MOBILE_NO }],
			await irisStore(sim),
		);
		const items = result.output('IrisEngage');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/^Mobile Number: "not-a-number" is not a phone number/);
		expect(items[0].json.conversationId).toBe(SAMPLE_ID);
		expect(items[2].json.conversationId).toBe(SAMPLE_ID);
	});
});
