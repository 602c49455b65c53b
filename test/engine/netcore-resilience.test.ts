import { startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { AUTH_ROUTE, TRANSCRIPTS_ROUTE, USERS_ROUTE, netcoreNode, netcoreStore } from './netcore.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreUsersPerChannel: 30, netcoreTranscriptsPerUser: 40 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const transcriptOf = (extra = {}) =>
	netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1010, botUserId: '={{ $json.visitor }}', limit: 25 }, extra);
const visitors = [{ visitor: 'visitor-a' }, { visitor: 'visitor-b' }, { visitor: 'visitor-c' }];

test('the session token is fetched once and reused across items and executions', async () => {
	const store = await netcoreStore(sim);
	for (let execution = 0; execution < 3; execution++) {
		const result = await runNode(transcriptOf(), visitors, store);
		expect(result.error('Netcore Bot')).toBeUndefined();
		expect(new Set(result.output('Netcore Bot').map((item) => (item.pairedItem as { item: number }).item))).toEqual(new Set([0, 1, 2]));
	}
	expect(sim.count({ route: AUTH_ROUTE })).toBe(1);
	expect(sim.count({ route: TRANSCRIPTS_ROUTE })).toBe(9);
	// The token and Netcore's expiry for it are kept in the credential, as n8n stores it.
	expect(Date.parse(String(store.get('netcoreBotApi')?.sessionExpiresAt))).toBeGreaterThan(Date.now());
});

test('wrong app credentials show Netcore\'s own message and status, never the secret', async () => {
	const store = await netcoreStore(sim, { appSecret: 'wrong-secret-7d1e' });
	const result = await runNode(transcriptOf(), [visitors[0]], store);
	expect(result.error('Netcore Bot')?.message).toBe('Netcore Bot: Invalid appId or appSecret (HTTP 409)');
	expect((result.error('Netcore Bot') as { httpCode?: string }).httpCode).toBe('409');
	expect(JSON.stringify(result.run)).not.toContain('wrong-secret-7d1e');
});

test('a provider error is a NodeApiError with Netcore\'s message and status; Continue On Fail gives one error item per input item', async () => {
	const refusal = { statusCode: 400, error: 'Bad Request', message: 'botUserId is not known' };
	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 400, body: refusal, times: 1 });
	const failed = await runNode(transcriptOf(), visitors, await netcoreStore(sim));
	expect(failed.error('Netcore Bot')).toMatchObject({ name: 'NodeApiError', message: 'Netcore Bot: botUserId is not known (HTTP 400)', httpCode: '400' });

	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 400, body: refusal, times: 1 });
	const result = await runNode(transcriptOf({ onError: 'continueRegularOutput' }), visitors, await netcoreStore(sim));
	const items = result.output('Netcore Bot');
	expect(items.filter((item) => item.json.error)).toEqual([{ json: expect.objectContaining({ error: 'Netcore Bot: botUserId is not known (HTTP 400)' }), pairedItem: { item: 0 } }]);
	expect(items.filter((item) => !item.json.error)).toHaveLength(50);
	expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
});

test('a 503 while paging users is retried and the list completes', async () => {
	sim.injectFault({ match: { provider: 'netcore', route: USERS_ROUTE }, kind: 'status', status: 503, times: 1 });
	const result = await runNode(netcoreNode({ resource: 'user', operation: 'getMany', channelIds: [1010, 1014], returnAll: true }), [{}], await netcoreStore(sim));
	expect(result.output('Netcore Bot')).toHaveLength(60);
	expect(sim.count({ route: USERS_ROUTE })).toBe(2);
});

test('no credential value appears in any output, error or stored run data', async () => {
	const store = await netcoreStore(sim);
	const tokens: string[] = [];
	const runs = [await runNode(transcriptOf(), visitors, store)];
	// The token the first two runs used: the third run gets a new one.
	tokens.push(String(store.get('netcoreBotApi')?.authToken));
	sim.injectFault({ match: { provider: 'netcore', route: TRANSCRIPTS_ROUTE }, kind: 'status', status: 500, times: 100 });
	runs.push(await runNode(transcriptOf({ onError: 'continueRegularOutput' }), visitors, store));
	sim.clearFaults();
	sim.expireTokens('netcore');
	runs.push(await runNode(transcriptOf(), visitors, store));
	tokens.push(String(store.get('netcoreBotApi')?.authToken));
	expect(new Set(tokens).size).toBe(2);
	expect(tokens.every((token) => token.length > 20)).toBe(true);
	for (const { run } of runs) {
		const serialized = JSON.stringify(run);
		for (const token of tokens) expect(serialized).not.toContain(token);
		expect(serialized).not.toContain(sim.providers.netcore.credentials.appSecret);
	}
});
