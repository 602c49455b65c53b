import { startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { ANY_NETCORE, TRANSCRIPTS_ROUTE, USAGE_ROUTE, USERS_ROUTE, netcoreNode, netcoreStore, simplifiedUser } from './netcore.fixture';

const SAMPLE_USER = '+919876543210';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreUsersPerChannel: 30, netcoreTranscriptsPerUser: 48 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const output = (result: Awaited<ReturnType<typeof runNode>>) => result.output('Netcore Bot').map((item) => item.json);

describe('Usage → Get', () => {
	test('sends any day of the month as its first day, with the channel', async () => {
		const result = await runNode(netcoreNode({ resource: 'usage', operation: 'get', month: '2021-08-15', channelId: 1014 }), [{}], await netcoreStore(sim));
		expect(output(result)).toEqual([{ monthDate: '2021-08-01', channelId: 1014, channelName: 'whatsapp', totalMessages: 0, totalUsers: 0 }]);
		expect(sim.log.find((entry) => USAGE_ROUTE.test(entry.route ?? ''))?.path).toMatch(/\?monthDate=2021-08-01&channelId=1014$/);
	});

	test('an empty month is the current month', async () => {
		const result = await runNode(netcoreNode({ resource: 'usage', operation: 'get', month: '', channelId: 1010 }), [{}], await netcoreStore(sim));
		expect(output(result)[0].monthDate).toBe(`${new Date().toISOString().slice(0, 7)}-01`);
	});
});

describe('User → Get Many', () => {
	test('Simplify gives camelCase keys, the channel code and ISO dates', async () => {
		const result = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1014], limit: 25 }), [{}], await netcoreStore(sim));
		const users = output(result);
		expect(users).toHaveLength(25);
		expect(users[0]).toEqual(simplifiedUser(SAMPLE_USER, 'whatsapp', 1014));
		expect(sim.log.find((entry) => USERS_ROUTE.test(entry.route ?? ''))).toMatchObject({ path: expect.stringMatching(/\?limit=26$/), body: { channelIds: [1014] } });
	});

	test('Simplify off keeps the keys with spaces', async () => {
		const result = await runNode(
			netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1010, 1017], returnAll: true, simplify: false }),
			[{}],
			await netcoreStore(sim),
		);
		expect(output(result)).toHaveLength(60);
		expect(output(result)[0]).toHaveProperty(['first interacted date']);
	});
});

describe('Transcript → Get Many', () => {
	test('one normalized message per entry, the custom fields once, every rich type summarized', async () => {
		const result = await runNode(
			netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1014, botUserId: '+91 98765 43210', returnAll: true }),
			[{}],
			await netcoreStore(sim),
		);
		const messages = output(result);
		expect(messages).toHaveLength(48);
		expect(sim.log.find((entry) => TRANSCRIPTS_ROUTE.test(entry.route ?? ''))?.body).toEqual({ botUserId: SAMPLE_USER, channelId: 1014 });
		expect(messages[0]).toMatchObject({ provider: 'netcore', direction: 'inbound', from: SAMPLE_USER, type: 'text', customFields: { email: expect.any(String) } });
		expect(messages.slice(1).some((message) => 'customFields' in message)).toBe(false);
		expect(messages.filter((message) => message.type === 'unknown')).toEqual([]);
		expect(new Set(messages.map((message) => message.messageId)).size).toBe(48);
		const byType = (type: string) => messages.find((message) => (message.raw as { type: string }).type === type)!;
		expect(byType('card')).toMatchObject({ type: 'buttons', text: 'Summer sale\nUp to 40% off', buttons: ['Shop now', 'Later'], media: { kind: 'image' } });
		expect(byType('location')).toMatchObject({ type: 'location', location: { latitude: expect.any(Number), name: expect.any(String) } });
		expect(byType('list')).toMatchObject({ type: 'buttons', buttons: ['Track order', 'New order', 'Talk to an agent'] });
		expect(byType('template')).toMatchObject({ type: 'template', text: 'Order update\nYour order has shipped.\nThank you for shopping with us', buttons: ['Track'] });
		expect(byType('pdf')).toMatchObject({ type: 'media', media: { kind: 'pdf', url: expect.stringMatching(/\.pdf$/) } });
		expect(byType('order')).toMatchObject({ type: 'text', text: expect.stringMatching(/^Please deliver before Friday\n\d x /) });
		const expected: Record<string, object> = {
			attachment: { type: 'media', media: { kind: 'attachment', mimeType: 'application/pdf' } },
			audio: { type: 'media', media: { kind: 'audio' } },
			video: { type: 'media', media: { kind: 'video' } },
			image: { type: 'media', media: { kind: 'image' } },
			doc: { type: 'media', media: { kind: 'doc' } },
			xls: { type: 'media', media: { kind: 'xls' } },
			ppt: { type: 'media', media: { kind: 'ppt' } },
			contact: { type: 'text', text: expect.stringMatching(/^Asha Rao\n\+91/) },
			form: { type: 'text', text: 'Feedback\nTell us how we did' },
			carousel: { type: 'buttons', text: 'Running shoes\nWater bottle\nYoga mat', buttons: ['Buy', 'Details'] },
			reply: { type: 'buttons', buttons: ['Yes', 'No'], media: { kind: 'image' } },
			dynamicReply: { type: 'buttons', text: 'Delivery slot\nWhen should we deliver?\nSlots fill fast', buttons: ['Morning', 'Evening'] },
			dynamicList: { type: 'buttons', buttons: ['#4411', '#4398'] },
			formResponse: { type: 'text', text: null },
			productSingle: { type: 'media', media: { kind: 'image' } },
			productMulti: { type: 'text', text: expect.stringContaining('Running shoes\nWater bottle\nYoga mat') },
		};
		for (const [type, summary] of Object.entries(expected)) expect(byType(type)).toMatchObject(summary);
	});

	test('One Item per Bot User holds the custom fields and all messages', async () => {
		const result = await runNode(
			netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1010, botUserId: 'web-visitor-1', limit: 30, options: { output: 'botUser' } }),
			[{}],
			await netcoreStore(sim),
		);
		expect(output(result)).toEqual([
			{ botUserId: 'web-visitor-1', channelId: 1010, customFields: expect.any(Object), messageCount: 30, messages: expect.any(Array) },
		]);
	});
});

test('a transcript type the spec does not list passes through as unknown, with its raw entry', async () => {
	const entry = { from: 'Bot', type: 'flow', flow: { screen: 'WELCOME' }, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };
	const body = { botUser: { customFields: {} }, transcripts: [entry], paginationDetails: { page: 1, pages: 1, total: 1, limit: 25 } };
	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 200, body, times: 1 });
	const result = await runNode(netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1010, botUserId: 'v-1', limit: 25 }), [{}], await netcoreStore(sim));
	expect(output(result)).toEqual([
		{
			provider: 'netcore',
			direction: 'outbound',
			messageId: '1010:v-1:2026-11-01T10:00:00.000Z',
			conversationId: 'v-1',
			from: null,
			to: 'v-1',
			contactName: null,
			type: 'unknown',
			text: null,
			timestamp: '2026-11-01T10:00:00.000Z',
			raw: entry,
			content: { screen: 'WELCOME' },
			customFields: {},
		},
	]);
});

test('an entry without a type passes through as unknown instead of failing the whole transcript', async () => {
	const entries = [
		{ from: 'Bot', type: null, createdAt: '2026-11-01T10:00:00.000Z' },
		{ from: 'User', createdAt: '2026-11-01T10:00:01.000Z' },
		{ from: 'User', type: 'text', text: { message: 'hi' }, createdAt: '2026-11-01T10:00:02.000Z' },
	];
	const body = { botUser: { customFields: {} }, transcripts: entries, paginationDetails: { page: 1, pages: 1, total: 3, limit: 25 } };
	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 200, body, times: 1 });
	const result = await runNode(netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1010, botUserId: 'v-1', limit: 25 }), [{}], await netcoreStore(sim));
	expect(result.error('Netcore Bot')).toBeUndefined();
	expect(output(result).map((message) => [message.type, message.text, message.raw])).toEqual([
		['unknown', null, entries[0]],
		['unknown', null, entries[1]],
		['text', 'hi', entries[2]],
	]);
});

test('an entry without a readable date keeps an empty timestamp (never an invented one) instead of failing the transcript', async () => {
	const entries = [
		{ from: 'User', type: 'text', text: { message: 'no date' } },
		{ from: 'Bot', type: 'text', text: { message: 'bad date' }, createdAt: 'yesterday' },
		{ from: 'User', type: 'text', text: { message: 'updated only' }, updatedAt: '2026-11-01T10:00:02.000Z' },
	];
	const body = { botUser: { customFields: {} }, transcripts: entries, paginationDetails: { page: 1, pages: 1, total: 3, limit: 25 } };
	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 200, body, times: 1 });
	const result = await runNode(netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1010, botUserId: 'v-1', limit: 25 }), [{}], await netcoreStore(sim));
	expect(result.error('Netcore Bot')).toBeUndefined();
	expect(output(result).map((message) => [message.text, message.timestamp, message.raw])).toEqual([
		['no date', null, entries[0]],
		['bad date', null, entries[1]],
		['updated only', '2026-11-01T10:00:02.000Z', entries[2]],
	]);
});

describe('bad input is refused before any request, naming the field and the rule', () => {
	const transcript = { resource: 'transcript', operation: 'getMany', channelId: 1014, botUserId: SAMPLE_USER };
	const threeMonthsAgo = new Date();
	threeMonthsAgo.setUTCMonth(threeMonthsAgo.getUTCMonth() - 3);
	test.each([
		['a limit of 0', { ...transcript, limit: 0 }, /^Limit: must be a whole number 1 or more/],
		['a fractional limit', { ...transcript, limit: 2.5 }, /^Limit: must be a whole number 1 or more/],
		['a start date older than 3 months', { ...transcript, startDate: new Date(threeMonthsAgo.getTime() - 3600_000).toISOString() }, /^Start Date: .* is older than 3 months/],
		['a start date after the end date', { ...transcript, startDate: '2026-11-02T00:00:00Z', endDate: '2026-11-01T00:00:00Z' }, /^Start Date: .* is after the End Date/],
		['a date that is not ISO 8601', { ...transcript, endDate: '01/11/2026' }, /^End Date: "01\/11\/2026" is not an ISO 8601 date/],
		['an unknown transcript channel', { ...transcript, channelId: 1009 }, /^Channel: "1009" is not a channel code. Use one of 1010 \(webchat\)/],
		['a WhatsApp id that is not a phone number', { ...transcript, botUserId: 'abc' }, /^Bot User: "abc" is not a phone number/],
		['an unknown user channel', { resource: 'user', operation: 'getMany', channelIds: [1014, 1012], limit: 25 }, /^Channels: "1012" is not a channel code/],
		['a negative users limit', { resource: 'user', operation: 'getMany', channelIds: [1014], limit: -5 }, /^Limit: must be a whole number 1 or more/],
		['users with start after end', { resource: 'user', operation: 'getMany', channelIds: [1014], limit: 25, startDate: '2026-02-01', endDate: '2026-01-01' }, /^Start Date: /],
		[
			'users with a start in the future and no end (the end is now)',
			{ resource: 'user', operation: 'getMany', channelIds: [1014], limit: 25, startDate: new Date(Date.now() + 86_400_000).toISOString() },
			/^Start Date: .* is after the End Date .* \(an empty End Date is now\)$/,
		],
		['a month that is not a date', { resource: 'usage', operation: 'get', month: '2021-13', channelId: 1014 }, /^Month: "2021-13" is not a date or month/],
	])('%s', async (_name, parameters, message) => {
		const result = await runNode(netcoreNode(parameters), [{}], await netcoreStore(sim));
		expect(result.error('Netcore Bot')?.message).toMatch(message);
		expect(result.error('Netcore Bot')?.name).toBe('NodeOperationError');
		expect(sim.count(ANY_NETCORE)).toBe(0);
	});
});
