import { startSimulator, type Simulator } from '../simulator';
import { createCredentialStore, runNode } from './harness';
import { AUTH_ROUTE, TRANSCRIPTS_ROUTE, USERS_ROUTE, netcoreNode, netcoreStore } from './netcore.fixture';
import { startStrictServer } from './netcore-strict-server';
import { waitFor } from './wait-for';

const SAMPLE_USER = '+919876543210';
const allTranscripts = { resource: 'transcript', operation: 'getMany', channelId: 1014, botUserId: SAMPLE_USER, returnAll: true };

const json = (result: Awaited<ReturnType<typeof runNode>>) => result.output('Netcore Bot').map((item) => item.json);
const pageOf = (path: string) => Number(/[?&]page=(\d+)/.exec(path)?.[1]);

describe('against the simulator with 10,000 transcripts and 1,500 users per channel', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ quiet: true, sizes: { netcoreTranscriptsPerUser: 10_000, netcoreUsersPerChannel: 1500 } });
	});
	beforeEach(() => sim.reset());
	afterAll(async () => await sim.close());

	test('Return All reads 10,000 transcripts in 10 requests of 1000 after 1 login, one item per transcript', async () => {
		const result = await runNode(netcoreNode(allTranscripts, { parameters: { ...allTranscripts, simplify: false } }), [{}], await netcoreStore(sim));
		expect(json(result)).toHaveLength(10_000);
		expect(sim.count({ route: AUTH_ROUTE })).toBe(1);
		const pages = sim.log.filter((entry) => TRANSCRIPTS_ROUTE.test(entry.route ?? ''));
		expect(pages.map((entry) => entry.path.replace(/^.*\?/, ''))).toEqual(Array.from({ length: 10 }, (_, i) => `page=${i + 1}&limit=1000`));
	});

	test('a token that expires mid-pagination is refreshed once; nothing is lost or duplicated', async () => {
		sim.setLatency(40, { route: TRANSCRIPTS_ROUTE });
		const running = runNode(netcoreNode(allTranscripts), [{}], await netcoreStore(sim));
		await waitFor(() => sim.count({ route: TRANSCRIPTS_ROUTE }) >= 4, 'page 4 was asked for', { running });
		sim.expireTokens('netcore'); // page 4 is in flight: it arrives with the now expired token
		const messages = json(await running);

		expect(sim.count({ route: AUTH_ROUTE })).toBe(2);
		const transcriptCalls = sim.log.filter((entry) => TRANSCRIPTS_ROUTE.test(entry.route ?? ''));
		expect(transcriptCalls.map((entry) => [pageOf(entry.path), entry.status])).toEqual([
			[1, 200], [2, 200], [3, 200], [4, 401], [4, 200], [5, 200], [6, 200], [7, 200], [8, 200], [9, 200], [10, 200],
		]);
		expect(transcriptCalls[4].tokenId).toBe(1);
		expect(messages).toHaveLength(10_000);
		expect(new Set(messages.map((message) => message.messageId)).size).toBe(10_000);
	});

	test('users Return All over several pages returns every user exactly once', async () => {
		const result = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1010, 1014], returnAll: true }), [{}], await netcoreStore(sim));
		const ids = json(result).map((user) => `${user.channelName}:${user.userId}`);
		expect(ids).toHaveLength(3000);
		expect(new Set(ids).size).toBe(3000);
		// The first page goes without `page` (the users call documents `page > 1`).
		expect(sim.log.filter((entry) => USERS_ROUTE.test(entry.route ?? '')).map((entry) => entry.path.replace(/^.*\?/, ''))).toEqual([
			'limit=1000',
			'page=2&limit=1000',
			'page=3&limit=1000',
		]);
	});

	const queries = (route: RegExp) => sim.log.filter((entry) => route.test(entry.route ?? '')).map((entry) => entry.path.replace(/^.*\?/, ''));

	test('a Limit within a page is one request of that size', async () => {
		const result = await runNode(netcoreNode({ ...allTranscripts, returnAll: false, limit: 30 }), [{}], await netcoreStore(sim));
		expect(json(result)).toHaveLength(30);
		expect(queries(TRANSCRIPTS_ROUTE)).toEqual(['page=1&limit=30']);
	});

	test.each([
		['below the smallest page: the smallest page, cut to the Limit', 10, ['page=1&limit=25']],
		['above the largest page: pages of 1000 until the Limit', 2500, ['page=1&limit=1000', 'page=2&limit=1000', 'page=3&limit=1000']],
	])('transcripts, a Limit %s', async (_name, limit, expected) => {
		const result = await runNode(netcoreNode({ ...allTranscripts, returnAll: false, limit }), [{}], await netcoreStore(sim));
		expect(result.error('Netcore Bot')).toBeUndefined();
		expect(json(result)).toHaveLength(limit);
		expect(queries(TRANSCRIPTS_ROUTE)).toEqual(expected);
	});

	test('users, a Limit of 1 and of 1,200: exactly that many, each once', async () => {
		const store = await netcoreStore(sim);
		const one = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1014], limit: 1 }), [{}], store);
		expect(json(one)).toHaveLength(1);
		const many = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1014], limit: 1200 }), [{}], store);
		const ids = json(many).map((user) => user.userId);
		expect(ids).toHaveLength(1200);
		expect(new Set(ids).size).toBe(1200);
		expect(queries(USERS_ROUTE)).toEqual(['limit=26', 'limit=1000', 'page=2&limit=1000']);
	});
});

describe('against an independent server that follows the spec strictly', () => {
	test('paths and session header come from the credential; a boolean hasNextPage ends the paging', async () => {
		const server = await startStrictServer({ users: 2100 });
		try {
			const store = await createCredentialStore({ netcoreBotApi: server.credentials });
			const users = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1010], returnAll: true }), [{}], store);
			expect(json(users)).toHaveLength(2100);
			const transcripts = await runNode(netcoreNode({ ...allTranscripts, channelId: 1010, botUserId: 'visitor-9' }), [{}], store);
			expect(json(transcripts)).toHaveLength(40);
			const usage = await runNode(netcoreNode({ resource: 'usage', operation: 'get', month: '2026-10-31', channelId: 1010 }), [{}], store);
			expect(json(usage)).toEqual([{ monthDate: '2026-10-01', channelId: 1010, channelName: 'webchat', totalMessages: 120, totalUsers: 7 }]);
			expect(server.requests.map((request) => `${request.method} ${request.path} ${request.query.page ?? ''}`)).toEqual([
				'POST /bot-api/v2/token ',
				'POST /bot-api/v2/users ',
				'POST /bot-api/v2/users 2',
				'POST /bot-api/v2/users 3',
				'POST /bot-api/v2/transcripts 1',
				'GET /bot-api/v2/usage ',
			]);
		} finally {
			await server.close();
		}
	});

	test('a server that keeps answering the same page fails clearly after two requests instead of looping', async () => {
		const server = await startStrictServer({ users: 5000, transcripts: 5000, ignorePage: true });
		try {
			const store = await createCredentialStore({ netcoreBotApi: server.credentials });
			const users = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1010], returnAll: true }), [{}], store);
			expect(users.error('Netcore Bot')?.message).toBe('Netcore Bot sent an answer that is not the documented user list');
			expect(users.error('Netcore Bot')?.description).toMatch(/^Page 2 repeats entries of an earlier page/);
			const transcripts = await runNode(netcoreNode({ ...allTranscripts, channelId: 1010, botUserId: 'visitor-9' }), [{}], store);
			expect(transcripts.error('Netcore Bot')?.description).toMatch(/^Page 2 repeats entries/);
			expect(server.requests.filter((request) => request.path !== '/bot-api/v2/token')).toHaveLength(4);
		} finally {
			await server.close();
		}
	});
});
