import { startSimulator, type Simulator } from '.';
import { irisClient, postJson } from './testing';

const GET_CONTENT = 'POST /IrisEngage_API/api/GetContent';

let sim: Simulator;
let iris: ReturnType<typeof irisClient>;

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	iris = irisClient(sim);
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const getContent = async (token?: string) =>
	await iris.call('/GetContent', { RequestId: 'none' }, token);

const elapsed = async (action: () => Promise<unknown>): Promise<number> => {
	const started = Date.now();
	await action();
	return Date.now() - started;
};

describe('server', () => {
	it('listens on 127.0.0.1 and mounts each provider under its name', () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.providers.irisengage).toEqual({
			baseUrl: `${sim.url}/irisengage`,
			credentials: { name: 'user1', password: 'password1' },
		});
	});

	it('answers unknown providers and routes with JSON 404, a wrong method with 405', async () => {
		const unknownProvider = await fetch(`${sim.url}/nope/x`);
		expect(unknownProvider.status).toBe(404);
		expect(await unknownProvider.json()).toEqual({ message: expect.any(String) });

		expect((await fetch(`${iris.api}/Nope`)).status).toBe(404);
		expect((await fetch(`${iris.api}/GetContent`)).status).toBe(405);
		expect(sim.log.map((entry) => entry.route)).toEqual([undefined, undefined, undefined]);
	});

	it('checks auth before the body, then refuses invalid JSON with 400 { message }', async () => {
		const token = await iris.login();
		const send = (headers: Record<string, string>) =>
			fetch(`${iris.api}/GetContent`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: '{"RequestId":',
			});

		expect((await send({})).status).toBe(401);
		const invalid = await send({ authorization: `Bearer ${token}` });
		expect(invalid.status).toBe(400);
		expect(await invalid.json()).toEqual({ message: expect.stringContaining('not valid JSON') });
	});

	it('refuses bad sizes before listening', async () => {
		await expect(startSimulator({ sizes: { irisMessagesPerConversation: -1 } })).rejects.toThrow(
			RangeError,
		);
	});

	it('closes promptly while a delayed request and keep-alive sockets are open', async () => {
		const other = await startSimulator();
		await fetch(`${other.url}/nope`); // leaves a keep-alive socket behind
		other.injectFault({ kind: 'delay', ms: 10_000, times: 1 });
		const pending = fetch(`${other.url}/nope`);
		await new Promise((resolve) => setTimeout(resolve, 50));

		expect(await elapsed(() => other.close())).toBeLessThan(1000);
		await expect(pending).rejects.toThrow();
	});
});

describe('session tokens', () => {
	it('issues a JWT-shaped token that the data routes accept', async () => {
		const token = await iris.login();
		const [, payload] = token.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());

		expect(token.split('.')).toHaveLength(3);
		expect(claims).toEqual({
			unique_name: 'user1',
			nbf: claims.iat,
			iat: expect.any(Number),
			exp: claims.iat + 3600,
		});
		expect((await getContent(token)).status).toBe(200);
	});

	it('refuses wrong credentials with 400', async () => {
		const response = await postJson(`${iris.api}/Users/authenticate`, {
			Name: 'user1',
			Password: 'wrong',
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ message: 'Username or password is incorrect' });
	});

	it('answers 401 { message: "Unauthorized" } without a token, with another scheme or an unknown token', async () => {
		const attempts: Array<Record<string, string>> = [
			{},
			{ authorization: 'Basic dXNlcjE6cGFzc3dvcmQx' },
			{ authorization: 'Bearer made.up.token' },
		];
		for (const headers of attempts) {
			const response = await postJson(`${iris.api}/GetContent`, { RequestId: 'none' }, headers);
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ message: 'Unauthorized' });
		}
		expect(sim.log.map((entry) => entry.authScheme)).toEqual([undefined, 'Basic', 'Bearer']);
	});

	it('refuses every earlier token after expireTokens(), and new logins work', async () => {
		const first = await iris.login();
		sim.expireTokens('irisengage');
		expect((await getContent(first)).status).toBe(401);

		const second = await iris.login();
		expect((await getContent(second)).status).toBe(200);
		expect(
			sim.log
				.filter((entry) => entry.route === GET_CONTENT)
				.map((entry) => [entry.tokenId, entry.status]),
		).toEqual([
			[0, 401],
			[1, 200],
		]);
	});

	it('expires tokens after tokenTtlSeconds', async () => {
		const shortLived = await startSimulator({ tokenTtlSeconds: 0.2 });
		const client = irisClient(shortLived);
		const token = await client.login();
		expect((await client.call('/GetContent', { RequestId: 'none' }, token)).status).toBe(200);

		await new Promise((resolve) => setTimeout(resolve, 250));
		expect((await client.call('/GetContent', { RequestId: 'none' }, token)).status).toBe(401);
		await shortLived.close();
	});

	it('forgets all tokens on reset()', async () => {
		const token = await iris.login();
		sim.reset();
		expect((await getContent(token)).status).toBe(401);
	});
});

describe('faults', () => {
	it('answers a status with Retry-After for `times` requests, then normally', async () => {
		const token = await iris.login();
		sim.injectFault({
			kind: 'status',
			status: 429,
			retryAfter: 2,
			times: 2,
			match: { route: GET_CONTENT },
		});

		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await getContent(token);
			expect(response.status).toBe(429);
			expect(response.headers.get('retry-after')).toBe('2');
			expect(await response.json()).toEqual({ message: 'Too Many Requests' });
		}
		expect((await getContent(token)).status).toBe(200);
		expect(sim.count({ status: 429 })).toBe(2);
		expect(sim.log.map((entry) => entry.fault)).toEqual([
			undefined,
			'status 429',
			'status 429',
			undefined,
		]);
	});

	it('sends a custom body with a status fault', async () => {
		sim.injectFault({ kind: 'status', status: 503, body: { error: 'maintenance' }, times: 1 });
		const response = await fetch(`${sim.url}/nope`);
		expect([response.status, await response.json()]).toEqual([503, { error: 'maintenance' }]);
	});

	it('only hits requests that match provider, route and method', async () => {
		sim.injectFault({
			kind: 'status',
			status: 500,
			times: 1,
			match: { provider: 'irisengage', route: /GetContent$/, method: 'post' },
		});
		const token = await iris.login(); // another route: unaffected
		expect((await fetch(`${sim.url}/nope/GetContent`, { method: 'POST' })).status).toBe(404); // another provider
		expect((await getContent(token)).status).toBe(500);
	});

	it('resets the connection: fetch rejects and the log shows no answer', async () => {
		sim.injectFault({ kind: 'reset', times: 1 });
		await expect(getContent()).rejects.toThrow('fetch failed');
		expect(sim.log[0]).toMatchObject({ status: 0, fault: 'reset', route: GET_CONTENT });
		expect((await getContent()).status).toBe(401);
	});

	it('sends a 200 JSON answer that does not parse', async () => {
		sim.injectFault({ kind: 'malformed', times: 1 });
		const response = await getContent();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = await response.text();
		expect(() => JSON.parse(body)).toThrow(SyntaxError);
	});

	it('sends a proxy HTML error page, 502 unless told otherwise', async () => {
		sim.injectFault({ kind: 'html', times: 1 });
		sim.injectFault({ kind: 'html', status: 504, times: 1 });

		const first = await getContent();
		expect([first.status, first.headers.get('content-type')]).toEqual([502, 'text/html']);
		expect(await first.text()).toContain('<h1>502 Bad Gateway</h1>');
		expect((await getContent()).status).toBe(504);
	});

	it('sends a 200 that claims JSON and has no body at all; another status when told', async () => {
		sim.injectFault({ kind: 'empty', times: 1 });
		sim.injectFault({ kind: 'empty', status: 502, times: 1 });
		const response = await getContent();
		expect([response.status, response.headers.get('content-type'), response.headers.get('content-length')]).toEqual([
			200,
			'application/json; charset=utf-8',
			'0',
		]);
		expect(await response.text()).toBe('');
		expect((await getContent()).status).toBe(502);
		expect(sim.log.map((entry) => entry.fault)).toEqual(['empty 200', 'empty 502']);
	});

	it('lets the first `skip` matching requests through, then applies the fault', async () => {
		sim.injectFault({ kind: 'status', status: 500, skip: 2, times: 1, match: { route: GET_CONTENT } });
		await iris.login(); // another route: neither skipped nor faulted
		const statuses = [];
		for (let call = 0; call < 4; call++) statuses.push((await getContent()).status);
		expect(statuses).toEqual([401, 401, 500, 401]);
		expect(() => sim.injectFault({ kind: 'reset', skip: -1, times: 1 })).toThrow(RangeError);
	});

	it('expires the tokens as the matching request arrives, which is then refused as with any expired token', async () => {
		const token = await iris.login();
		sim.injectFault({ kind: 'expire-tokens', skip: 1, times: 1, match: { route: GET_CONTENT } });
		expect((await getContent(token)).status).toBe(200);
		expect((await getContent(token)).status).toBe(401);
		expect((await getContent(token)).status).toBe(401);
		expect((await getContent(await iris.login())).status).toBe(200);
		expect(sim.log.filter((entry) => entry.route === GET_CONTENT).map((entry) => [entry.status, entry.fault])).toEqual([
			[200, undefined],
			[401, 'expire-tokens'],
			[401, undefined],
			[200, undefined],
		]);
	});

	it('delays one answer, which is otherwise normal', async () => {
		sim.injectFault({ kind: 'delay', ms: 150, times: 1 });
		expect(
			await elapsed(async () => expect((await getContent()).status).toBe(401)),
		).toBeGreaterThanOrEqual(140);
		expect(await elapsed(getContent)).toBeLessThan(140);
	});

	it('adds latency to matching answers until it is set to 0', async () => {
		sim.setLatency(150, { provider: 'irisengage' });
		expect(await elapsed(getContent)).toBeGreaterThanOrEqual(140);
		expect(await elapsed(() => fetch(`${sim.url}/nope`))).toBeLessThan(140);

		sim.setLatency(0, { provider: 'irisengage' });
		expect(await elapsed(getContent)).toBeLessThan(140);
	});

	it('refuses a fault with a non-positive `times`', () => {
		expect(() => sim.injectFault({ kind: 'reset', times: 0 })).toThrow(RangeError);
	});
});

describe('request log', () => {
	it('records every request and counts by provider, route, method and status', async () => {
		const token = await iris.login();
		await getContent(token);
		await getContent();
		await fetch(`${sim.url}/nope`);

		expect(sim.log).toHaveLength(4);
		expect(sim.log[1]).toMatchObject({
			provider: 'irisengage',
			route: GET_CONTENT,
			method: 'POST',
			path: '/irisengage/IrisEngage_API/api/GetContent',
			body: { RequestId: 'none' },
			status: 200,
			authScheme: 'Bearer',
			tokenId: 0,
			at: expect.any(Number),
		});
		expect(sim.count()).toBe(4);
		expect(sim.count({ provider: 'irisengage' })).toBe(3);
		expect(sim.count({ route: GET_CONTENT })).toBe(2);
		expect(sim.count({ route: '/IrisEngage_API/api/GetContent' })).toBe(2);
		expect(sim.count({ route: /GetContent/, status: 401 })).toBe(1);
		expect(sim.count({ method: 'GET' })).toBe(1);
	});

	it('never holds a password or token, in headers, bodies or query strings', async () => {
		const token = await iris.login();
		await getContent(token);
		await fetch(`${iris.api}/GetContent?appSecret=s3cr3t&page=2`, {
			headers: { 'x-api-key': 'k3y' },
		});

		const logged = JSON.stringify(sim.log);
		for (const secret of ['password1', token, 's3cr3t', 'k3y'])
			expect(logged).not.toContain(secret);
		expect(sim.log[0].body).toEqual({ Name: 'user1', Password: '[redacted]' });
		expect(sim.log[1].headers.authorization).toBe('[redacted]');
		expect(sim.log[2].path).toBe(
			'/irisengage/IrisEngage_API/api/GetContent?appSecret=%5Bredacted%5D&page=2',
		);
	});

	it('clears in place, so a held reference stays live', async () => {
		const held = sim.log;
		await getContent();
		sim.clearLog();
		await getContent();
		expect(held).toBe(sim.log);
		expect(held).toHaveLength(1);
	});
});

describe('in-flight limit', () => {
	it('answers 429 at once beyond N requests in flight, and logs arrival, answer, status and body', async () => {
		sim.setInFlightLimit(3, { provider: 'irisengage', route: GET_CONTENT });
		sim.setLatency(80, { provider: 'irisengage' });
		const statuses = (await Promise.all(Array.from({ length: 5 }, async () => (await getContent()).status))).sort();
		expect(statuses).toEqual([401, 401, 401, 429, 429]);

		const refused = sim.log.filter((entry) => entry.status === 429);
		expect(refused).toHaveLength(2);
		for (const entry of refused) {
			expect(entry.fault).toBe('in-flight limit');
			expect(entry.body).toEqual({ RequestId: 'none' });
			expect(entry.answeredAt! - entry.at).toBeLessThan(60);
		}
		for (const entry of sim.log.filter((candidate) => candidate.status === 401)) {
			expect(entry.answeredAt! - entry.at).toBeGreaterThanOrEqual(75);
		}
	});

	it('admits again once answers went out; other routes are not limited', async () => {
		sim.setInFlightLimit(1, { provider: 'irisengage', route: GET_CONTENT });
		for (let round = 0; round < 3; round++) expect((await getContent()).status).toBe(401);
		const [login, content] = await Promise.all([iris.login(), getContent()]);
		expect(login).toEqual(expect.any(String));
		expect(content.status).toBe(401);
	});

	it('is cleared by reset', async () => {
		sim.setInFlightLimit(1);
		sim.reset();
		sim.setLatency(30);
		const statuses = await Promise.all([1, 2, 3].map(async () => (await getContent()).status));
		expect(statuses).toEqual([401, 401, 401]);
	});

	it('refuses a negative or fractional limit', () => {
		expect(() => sim.setInFlightLimit(-1)).toThrow(RangeError);
		expect(() => sim.setInFlightLimit(1.5)).toThrow(RangeError);
	});
});
