/**
 * The users call read literally (issue 13, finding 1): it documents `startDate`/`endDate` without a default, so
 * both are always sent; `page | integer > 1` and `limit | integer > 25` are exclusive bounds, so the first page is
 * asked for without `page` and no page is smaller than 26.
 */
import { startSimulator, type Simulator } from '../simulator';
import { createCredentialStore, runNode } from './harness';
import { USERS_ROUTE, netcoreNode, netcoreStore } from './netcore.fixture';
import { startStrictServer } from './netcore-strict-server';

const EARLIEST = '2000-01-01T00:00:00.000Z';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreUsersPerChannel: 30 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const usersNode = (parameters: Record<string, unknown>) => netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1014], ...parameters });
const userCalls = () => sim.log.filter((entry) => USERS_ROUTE.test(entry.route ?? ''));
const queryOf = (path: string) => path.replace(/^[^?]*\??/, '');

test('without dates, Get Many sends the documented default window: from 2000-01-01 to now', async () => {
	const before = new Date().toISOString();
	const result = await runNode(usersNode({ limit: 25 }), [{}], await netcoreStore(sim));
	expect(result.error('Netcore Bot')).toBeUndefined();
	expect(result.output('Netcore Bot')).toHaveLength(25);
	const [call] = userCalls();
	expect(call.body).toEqual({ channelIds: [1014], startDate: EARLIEST, endDate: expect.stringMatching(ISO_UTC) });
	expect(String((call.body as { endDate: string }).endDate) >= before).toBe(true);
});

test('a Limit of 25 asks for 26 (limit > 25) without page (page > 1) and returns 25', async () => {
	await runNode(usersNode({ limit: 25 }), [{}], await netcoreStore(sim));
	expect(userCalls().map((entry) => queryOf(entry.path))).toEqual(['limit=26']);
});

test('only a Start Date: End Date is now; only an End Date: Start Date is the default', async () => {
	const store = await netcoreStore(sim);
	await runNode(usersNode({ limit: 25, startDate: '2026-01-01T00:00:00+02:00' }), [{}], store);
	await runNode(usersNode({ limit: 25, endDate: '2026-02-01' }), [{}], store);
	expect(userCalls().map((entry) => entry.body)).toEqual([
		{ channelIds: [1014], startDate: '2025-12-31T22:00:00.000Z', endDate: expect.stringMatching(ISO_UTC) },
		{ channelIds: [1014], startDate: EARLIEST, endDate: '2026-02-01T00:00:00.000Z' },
	]);
});

test('Return All sends the same window on every page, the first without page', async () => {
	const result = await runNode(usersNode({ channelIds: [1010, 1014, 1016, 1017], returnAll: true }), [{}], await netcoreStore(sim));
	expect(result.output('Netcore Bot')).toHaveLength(120);
	const calls = userCalls();
	expect(calls.map((entry) => queryOf(entry.path))).toEqual(['limit=1000']);
	expect(calls[0].body).toMatchObject({ startDate: EARLIEST });
});

test('against an independent strict server: both dates, no page=1, no limit below 26', async () => {
	const server = await startStrictServer({ users: 70 });
	try {
		const store = await createCredentialStore({ netcoreBotApi: server.credentials });
		const result = await runNode(usersNode({ channelIds: [1010], limit: 60 }), [{}], store);
		expect(result.error('Netcore Bot')).toBeUndefined();
		expect(result.output('Netcore Bot')).toHaveLength(60);
		const small = await runNode(usersNode({ channelIds: [1010], limit: 25 }), [{}], store);
		expect(small.output('Netcore Bot')).toHaveLength(25);
		const users = server.requests.filter((request) => request.path === server.credentials.usersPath);
		expect(users.map((request) => request.query)).toEqual([{ limit: '60' }, { limit: '26' }]);
		expect(users.every((request) => (request.body as { startDate?: string }).startDate === EARLIEST)).toBe(true);
	} finally {
		await server.close();
	}
});
