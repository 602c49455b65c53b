import { SimulatorClient, startSimulator, type Simulator } from '.';
import { irisClient, postJson, startReceiver } from './testing';

const GET_CONTENT = 'POST /IrisEngage_API/api/GetContent';

let sim: Simulator;
let client: SimulatorClient;
let iris: ReturnType<typeof irisClient>;

beforeAll(async () => {
	sim = await startSimulator();
	client = new SimulatorClient(sim.url);
	iris = irisClient(sim);
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const getContent = async (token?: string) => await iris.call('/GetContent', { RequestId: 'none' }, token);

describe('admin API', () => {
	it('reports health with every provider base URL', async () => {
		expect(await client.health()).toEqual({
			ok: true,
			// Other providers join as they are added; these are always there.
			providers: expect.objectContaining({ irisengage: `${sim.url}/irisengage`, feeds: `${sim.url}/feeds`, sink: `${sim.url}/sink` }),
		});
	});

	it('lists the providers with their test credentials, as the in-process simulator has them', async () => {
		expect(await client.providers()).toEqual(sim.providers);
	});

	it('clears the inbound log', async () => {
		await getContent();
		expect(await client.count()).toBe(1);
		await client.clearLog();
		expect([await client.count(), sim.log.length]).toEqual([0, 0]);
	});

	it('is neither logged nor faulted nor delayed', async () => {
		sim.injectFault({ kind: 'status', status: 500, times: 1 });
		sim.setLatency(400);
		const started = Date.now();
		await client.health();
		await client.count();

		expect(Date.now() - started).toBeLessThan(300);
		expect(sim.log).toEqual([]);
		sim.setLatency(0);
		expect((await fetch(`${sim.url}/nope`)).status).toBe(500); // the fault was still pending
	});

	it('counts and lists inbound requests by provider, route, method, status and time', async () => {
		await getContent();
		// `at` has millisecond resolution: keep `since` clear of both neighbours.
		const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
		await pause();
		const between = Date.now();
		await pause();
		await iris.login();
		await fetch(`${sim.url}/nope`);

		expect(await client.count()).toBe(3);
		expect(await client.count({ provider: 'irisengage' })).toBe(2);
		expect(await client.count({ route: /GetContent$/, status: 401 })).toBe(1);
		expect(await client.count({ route: GET_CONTENT })).toBe(1); // a string matches exactly, as in-process
		expect(await client.count({ route: 'GetContent' })).toBe(0);
		expect(await client.count({ method: 'get' })).toBe(1);

		const later = await client.log({ since: between });
		expect(later.map((entry) => entry.path)).toEqual([
			'/irisengage/IrisEngage_API/api/Users/authenticate',
			'/nope',
		]);
		expect(later[0].body).toEqual({ Name: 'user1', Password: '[redacted]' });
		expect(await client.log({ provider: 'irisengage', route: /GetContent/ })).toHaveLength(1);
	});

	it('takes route filters as regex sources on the wire', async () => {
		await getContent();
		const count = await fetch(`${sim.url}/_sim/count?route=GetContent&status=401`);
		expect(await count.json()).toEqual({ count: 1 });
	});

	it('injects faults (201) with match.route as a regex source, and clears them', async () => {
		const response = await postJson(`${sim.url}/_sim/faults`, {
			kind: 'status',
			status: 503,
			times: 2,
			match: { route: 'GetContent' },
		});
		expect(response.status).toBe(201);
		await iris.login(); // another route: unaffected
		expect((await getContent()).status).toBe(503);

		await client.clearFaults();
		expect((await getContent()).status).toBe(401);
	});

	it('injects faults through the client, with the same matching as in-process', async () => {
		await client.injectFault({ kind: 'html', status: 504, times: 1, match: { route: GET_CONTENT } });
		await client.injectFault({ kind: 'reset', times: 1, match: { route: /authenticate/ } });

		expect((await getContent()).status).toBe(504);
		await expect(iris.login()).rejects.toThrow('fetch failed');
		expect(sim.log.map((entry) => entry.fault)).toEqual(['html 504', 'reset']);
	});

	it('injects empty answers, token expiry and skips over the wire', async () => {
		const token = await iris.login();
		await client.injectFault({ kind: 'empty', status: 503, skip: 1, times: 1, match: { route: GET_CONTENT } });
		await client.injectFault({ kind: 'expire-tokens', times: 1, match: { route: GET_CONTENT } });
		const answers = [];
		for (let call = 0; call < 3; call++) {
			const response = await getContent(token);
			answers.push([response.status, await response.text()]);
		}
		expect(answers).toEqual([
			[401, expect.any(String)], // passes the first fault (skip), meets the second: its token expires
			[503, ''],
			[401, expect.any(String)],
		]);
	});

	it('sets and removes latency', async () => {
		await client.setLatency(150, { provider: 'irisengage' });
		let started = Date.now();
		await getContent();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		await client.setLatency(0, { provider: 'irisengage' });
		started = Date.now();
		await getContent();
		expect(Date.now() - started).toBeLessThan(140);
	});

	it("answers a recipient's first request slowest (slowFirstPer), in process and through the admin API", async () => {
		const sink = `${sim.url}/sink/messages`;
		const post = async (to: string) => {
			await fetch(sink, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': sim.providers.sink.credentials.apiKey }, body: JSON.stringify({ to, text: 'hi' }) });
			return to;
		};
		const answered: string[] = [];
		const race = async () => {
			answered.length = 0;
			// Both to +1 side by side: the first one sent waits 200 ms, the second 100 ms, so the second wins.
			const first = post('+1').then((to) => answered.push(`${to} first`));
			await new Promise((resolve) => setTimeout(resolve, 20));
			await Promise.all([first, post('+1').then((to) => answered.push(`${to} second`)), post('+2').then((to) => answered.push(`${to} first`))]);
			return [...answered];
		};
		// +1's second request (answered at ~120 ms) beats both first requests (~200 and ~220 ms).
		sim.setLatency(200, { provider: 'sink' }, { slowFirstPer: /"to":"([^"]+)"/ });
		expect((await race())[0]).toBe('+1 second');
		sim.reset();
		await client.setLatency(200, { provider: 'sink' }, { slowFirstPer: /"to":"([^"]+)"/ });
		expect((await race())[0]).toBe('+1 second');
		// Without the option the first request sent is answered first.
		sim.reset();
		sim.setLatency(200, { provider: 'sink' });
		expect((await race())[0]).toBe('+1 first');
	});

	it('sets and removes an in-flight limit', async () => {
		await client.setInFlightLimit(2, { provider: 'irisengage', route: /GetContent/ });
		await client.setLatency(100, { provider: 'irisengage' });
		const statuses = (await Promise.all([1, 2, 3, 4].map(async () => await getContent()))).map((r) => r.status);
		expect(statuses.filter((status) => status === 429)).toHaveLength(2);

		await client.setInFlightLimit(0, { provider: 'irisengage', route: /GetContent/ });
		const after = (await Promise.all([1, 2, 3, 4].map(async () => await getContent()))).map((r) => r.status);
		expect(after).not.toContain(429);
	});

	it('expires tokens, of one provider or all', async () => {
		const first = await iris.login();
		await client.expireTokens('irisengage');
		expect((await getContent(first)).status).toBe(401);

		const second = await iris.login();
		await client.expireTokens();
		expect((await getContent(second)).status).toBe(401);
	});

	it('lists the tokens a provider issued, with the ids the log records', async () => {
		const first = await iris.login();
		const second = await iris.login();
		await getContent(second);
		expect(await client.issuedTokens('irisengage')).toEqual([
			{ id: 0, token: first },
			{ id: 1, token: second },
		]);
		expect(sim.log.at(-1)?.tokenId).toBe(1);
		await expect(client.issuedTokens('nope')).rejects.toThrow("GET /tokens?provider=nope: 400 No simulated provider named 'nope'");
	});

	it('resets like reset(): logs, faults, tokens, webhooks', async () => {
		const token = await iris.login();
		sim.injectFault({ kind: 'status', status: 500, times: 5 });
		sim.webhooks.register('mehery', { url: 'http://127.0.0.1:9/hook' });
		await client.reset();

		expect(sim.log).toEqual([]);
		expect(await client.webhooks()).toEqual([]);
		expect((await getContent(token)).status).toBe(401);
	});

	it('makes the simulator call a webhook, and shows the call as outbound', async () => {
		const receiver = await startReceiver();
		try {
			const result = await client.sendWebhook(`${receiver.url}/webhook/test`, {
				body: { event: 'message' },
				headers: { 'x-event': 'message' },
				provider: 'irisengage',
			});
			expect(result).toMatchObject({ status: 200, body: '{"received":true}' });
			expect(receiver.calls[0]).toMatchObject({ path: '/webhook/test', body: '{"event":"message"}' });
			expect(await client.outbound('irisengage')).toEqual([
				expect.objectContaining({ url: `${receiver.url}/webhook/test`, status: 200 }),
			]);
			expect(await client.outbound('wavy')).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	it('answers 502 when the webhook does not answer, 400 for a URL it may not call', async () => {
		const gone = await startReceiver();
		await gone.close();
		await expect(client.sendWebhook(gone.url, { body: {} })).rejects.toThrow(/502 .*ECONNREFUSED/);
		await expect(client.sendWebhook('http://example.com/hook', { body: {} })).rejects.toThrow(
			/400 Webhook URLs must be http:\/\/ on 127\.0\.0\.1 or localhost/,
		);
	});

	it('lists webhook subscriptions, of one provider or all', async () => {
		const id = sim.webhooks.register('mehery', { url: 'http://localhost:5678/webhook/x', secret: 's' });
		sim.webhooks.register('wavy', { url: 'http://localhost:5678/webhook/y' });

		expect(await client.webhooks('mehery')).toEqual([
			{
				id,
				provider: 'mehery',
				url: 'http://localhost:5678/webhook/x',
				events: ['*'],
				createdAt: expect.any(Number),
			},
		]);
		expect(await client.webhooks()).toHaveLength(2);
	});

	it.each([
		['invalid JSON', 'POST', '/faults', '{"kind":'],
		['a non-object fault', 'POST', '/faults', '[1]'],
		['an unknown fault kind', 'POST', '/faults', '{"kind":"explode","times":1}'],
		['a fault without times', 'POST', '/faults', '{"kind":"reset"}'],
		['a status out of range', 'POST', '/faults', '{"kind":"status","status":42,"times":1}'],
		['a negative skip', 'POST', '/faults', '{"kind":"empty","skip":-1,"times":1}'],
		['an invalid route regex', 'POST', '/faults', '{"kind":"reset","times":1,"match":{"route":"("}}'],
		['negative latency', 'POST', '/latency', '{"ms":-1}'],
		['a fractional in-flight limit', 'POST', '/in-flight-limit', '{"limit":1.5}'],
		['an in-flight limit without limit', 'POST', '/in-flight-limit', '{}'],
		['an unknown provider', 'POST', '/expire-tokens', '{"provider":"nope"}'],
		['a webhook call without url', 'POST', '/send-webhook', '{"body":{}}'],
		['a non-numeric status filter', 'GET', '/count?status=abc', undefined],
	])('refuses %s with 400 { message }', async (_case, method, path, body) => {
		const response = await fetch(`${sim.url}/_sim${path}`, { method, body });
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ message: expect.any(String) });
	});

	it('answers unknown admin routes with 404, a wrong method with 405', async () => {
		expect((await fetch(`${sim.url}/_sim/nope`)).status).toBe(404);
		expect((await fetch(`${sim.url}/_sim/reset`)).status).toBe(405);
	});

	it('turns a failed call into a rejection with the admin message', async () => {
		await expect(client.expireTokens('nope')).rejects.toThrow(
			"Simulator admin API POST /expire-tokens: 400 No simulated provider named 'nope'",
		);
		await expect(client.count({ route: /x/i })).rejects.toThrow('cannot carry flags');
	});
});
