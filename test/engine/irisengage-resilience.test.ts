import type { Fault } from '../simulator';
import { IRIS_SAMPLE_MOBILE_NO, IRIS_SAMPLE_SESSION, startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { AUTH_ROUTE, CONTENT_ROUTE, SESSIONS_ROUTE, irisNode, irisStore } from './irisengage.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const listSessions = (extra = {}) =>
	irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 1 }, extra);
const threeNumbers = [{ phone: IRIS_SAMPLE_MOBILE_NO }, { phone: '971500000001' }, { phone: '971500000002' }];

describe('session token', () => {
	test('is fetched once and reused across 100 items and 3 executions', async () => {
		const store = await irisStore(sim);
		const items = Array.from({ length: 100 }, (_, index) => ({ phone: `9715000${String(index).padStart(5, '0')}` }));
		for (let execution = 0; execution < 3; execution++) {
			const result = await runNode(listSessions(), items, store);
			expect(result.error('IrisEngage')).toBeUndefined();
			expect(new Set(result.output('IrisEngage').map((item) => (item.pairedItem as { item: number }).item)).size).toBe(100);
		}
		expect(sim.count({ route: AUTH_ROUTE })).toBe(1);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(300);
		expect(store.preAuthentications.get('irisEngageApi')).toBe(1);
	});

	test('is refreshed once when IrisEngage answers 401, and the request is retried with the new one', async () => {
		const store = await irisStore(sim);
		await runNode(listSessions(), [threeNumbers[0]], store);
		const firstToken = store.get('irisEngageApi')?.sessionToken;
		sim.expireTokens('irisengage');
		const result = await runNode(listSessions(), [threeNumbers[0]], store);
		expect(result.output('IrisEngage')[0].json.conversationId).toBe(IRIS_SAMPLE_SESSION.requestId);
		expect(sim.count({ route: AUTH_ROUTE })).toBe(2);
		expect(sim.count({ route: SESSIONS_ROUTE, status: 401 })).toBe(1);
		expect(store.get('irisEngageApi')?.sessionToken).not.toBe(firstToken);
	});

	test('wrong credentials give the provider message and status, and never the password', async () => {
		const store = await irisStore(sim, { password: 'wrong-password-5f2c' });
		const result = await runNode(listSessions(), [threeNumbers[0]], store);
		const error = result.error('IrisEngage');
		expect(error?.message).toBe('IrisEngage: Username or password is incorrect (HTTP 400)');
		expect((error as { httpCode?: string }).httpCode).toBe('400');
		expect(JSON.stringify(result.run)).not.toContain('wrong-password-5f2c');
	});
});

describe('each injected fault ends in exactly one output or error item per input item', () => {
	type FaultSpec = Fault extends infer F ? (F extends Fault ? Omit<F, 'match'> : never) : never;
	const onSessions = (fault: FaultSpec): Fault => ({ match: { provider: 'irisengage', route: SESSIONS_ROUTE }, ...fault });

	test.each<[string, FaultSpec]>([
		['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 1, times: 2 }],
		['503', { kind: 'status', status: 503, times: 2 }],
		['connection reset', { kind: 'reset', times: 2 }],
		['HTML error page (502)', { kind: 'html', status: 502, times: 2 }],
	])('a passing %s is retried and every item succeeds', async (_name, fault) => {
		sim.injectFault(onSessions(fault));
		const result = await runNode(listSessions(), threeNumbers, await irisStore(sim));
		expect(result.error('IrisEngage')).toBeUndefined();
		expect(result.output('IrisEngage').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(3 + 2);
	});

	test('Retry-After is honoured before the retry', async () => {
		sim.injectFault(onSessions({ kind: 'status', status: 429, retryAfter: 1, times: 1 }));
		await runNode(listSessions(), [threeNumbers[0]], await irisStore(sim));
		const [throttled, retried] = sim.log.filter((entry) => SESSIONS_ROUTE.test(entry.path));
		expect(throttled.status).toBe(429);
		expect(retried.at - throttled.at).toBeGreaterThanOrEqual(1000);
	});

	test.each<[string, FaultSpec, RegExp]>([
		['persistent 503', { kind: 'status', status: 503, times: 100 }, /^IrisEngage: Service Unavailable \(HTTP 503\)$/],
		['persistent reset', { kind: 'reset', times: 100 }, /^IrisEngage could not be reached: the connection was reset/],
		['persistent HTML page', { kind: 'html', status: 502, times: 100 }, /^IrisEngage answered HTTP 502 with an HTML page instead of JSON$/],
		['malformed JSON', { kind: 'malformed', times: 100 }, /^IrisEngage sent an answer that is not the documented session list$/],
		['400 with a provider message', { kind: 'status', status: 400, body: { message: 'SessionCount is invalid' }, times: 100 }, /^IrisEngage: SessionCount is invalid \(HTTP 400\)$/],
	])('%s: with Continue On Fail, one error item per input item', async (_name, fault, message) => {
		sim.injectFault(onSessions(fault));
		const result = await runNode(listSessions({ onError: 'continueRegularOutput' }), threeNumbers, await irisStore(sim));
		const items = result.output('IrisEngage');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) expect(item.json.error).toMatch(message);
	});

	test('without Continue On Fail the node fails with a NodeApiError carrying the status', async () => {
		sim.injectFault(onSessions({ kind: 'status', status: 404, body: { message: 'Not found here' }, times: 100 }));
		const result = await runNode(listSessions(), threeNumbers, await irisStore(sim));
		const error = result.error('IrisEngage') as { name: string; message: string; httpCode: string };
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('IrisEngage: Not found here (HTTP 404)');
		expect(error.httpCode).toBe('404');
	});

	test('without Continue On Fail, items not started when one fails are not sent', async () => {
		sim.injectFault(onSessions({ kind: 'status', status: 400, body: { message: 'Refused' }, times: 1000 }));
		const items = Array.from({ length: 20 }, () => threeNumbers[0]);
		const result = await runNode(listSessions(), items, await irisStore(sim));
		expect(result.error('IrisEngage')?.message).toBe('IrisEngage: Refused (HTTP 400)');
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(1);
	});

	test('a failing conversation fails its Get History item only', async () => {
		// 400: a failure no retry can fix (reads are retried on 500 since they are idempotent).
		sim.injectFault({ match: { provider: 'irisengage', route: CONTENT_ROUTE }, kind: 'status', status: 400, body: { message: 'boom' }, times: 1 });
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber: '={{ $json.phone }}', sessionCount: 1 }, { onError: 'continueRegularOutput' }),
			[threeNumbers[0], threeNumbers[0]],
			await irisStore(sim),
		);
		const items = result.output('IrisEngage');
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('IrisEngage: boom (HTTP 400)');
		expect(items[1].json.messageCount).toBe(11);
	});
});

test('no credential value appears in any output, error or stored run data', async () => {
	const store = await irisStore(sim);
	const { password } = sim.providers.irisengage.credentials;
	// Each run is checked against the token it ran with: the first three share one, the last logs in again.
	const runs: Array<{ run: unknown; token: string }> = [];
	const record = async (run: Promise<{ run: unknown }>) => {
		const { run: data } = await run;
		runs.push({ run: data, token: String(store.get('irisEngageApi')?.sessionToken) });
	};
	await record(runNode(listSessions(), threeNumbers, store));
	await record(runNode(listSessions({ onError: 'continueRegularOutput' }), [{ phone: 'bad' }], store));
	sim.injectFault({ match: { provider: 'irisengage', route: SESSIONS_ROUTE }, kind: 'status', status: 500, times: 100 });
	await record(runNode(listSessions(), threeNumbers, store));
	sim.expireTokens('irisengage');
	sim.clearFaults();
	await record(runNode(listSessions(), threeNumbers, store));

	const tokens = runs.map((entry) => entry.token);
	expect(new Set(tokens).size).toBe(2);
	expect(tokens[0]).toBe(tokens[2]);
	for (const { run, token } of runs) {
		expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
		const serialized = JSON.stringify(run);
		expect(serialized).not.toContain(token);
		expect(serialized).not.toContain(password);
	}
});
