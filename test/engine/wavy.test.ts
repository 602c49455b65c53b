import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type Simulator } from '../simulator';
import { WAVY_CUSTOMER_ID, WAVY_JSON_CUSTOMER_ID, WAVY_PLAIN_CUSTOMER_ID } from '../simulator/providers/wavy-data';
import { testCredential } from './credential-test';
import { simulatorCredentials } from './examples';
import { runNode } from './harness';
import { FILE_ROUTE, SESSIONS_ROUTE, openSessions, wavyStore } from './wavy.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { wavyOpenSessions: 6 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const jsonOf = (items: Array<{ json: unknown }>) => items.map((item) => item.json as Record<string, unknown>);

/**
 * A stand-in for Wavy's CDN serving one file, and the sessions call (`times` of them) answering its link.
 */
async function serveFile(handler: (request: IncomingMessage, response: ServerResponse) => void, times = 1) {
	const cdn = createServer(handler);
	await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
	const file_url = `http://localhost:${(cdn.address() as AddressInfo).port}/sessions.csv`;
	sim.injectFault({ match: { provider: 'wavy', route: SESSIONS_ROUTE }, kind: 'status', status: 200, body: { file_url }, times });
	return {
		close: async () => {
			cdn.closeAllConnections();
			await new Promise((resolve) => cdn.close(resolve));
		},
	};
}

describe('Session → Get Many Open', () => {
	test('follows file_url, parses the spreadsheet-style CSV into one item per session with ISO dates', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
		expect(result.error('Wavy')).toBeUndefined();
		const items = result.output('Wavy');
		expect(items).toHaveLength(6);
		expect(items[0].json).toEqual({ origin: expect.stringMatching(/^55\d{2}9\d{8}$/), sessionCreatedAt: expect.stringMatching(/^2024-06-03T09:2\d:\d\d\.000Z$/) });
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const [request] = sim.log.filter((entry) => entry.route === SESSIONS_ROUTE);
		expect(request.path).toBe(`/wavy/v1/session?customerId=${WAVY_CUSTOMER_ID}`);
		expect(request.headers).toMatchObject({ username: 'wavy-user', authenticationtoken: '[redacted]' });
	});

	test('fetches the file on the other host without the Wavy credentials', async () => {
		await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
		const [file] = sim.log.filter((entry) => entry.route === FILE_ROUTE);
		expect(file.headers.host).toMatch(/^localhost:/);
		expect(Object.keys(file.headers)).not.toEqual(expect.arrayContaining(['username']));
		expect(Object.keys(file.headers)).not.toEqual(expect.arrayContaining(['authenticationtoken']));
	});

	test('a file_url on the API origin itself is fetched with the Wavy credentials', async () => {
		const { baseUrl, credentials } = sim.providers.wavy;
		const headers = { UserName: credentials.userName, AuthenticationToken: credentials.authenticationToken };
		const { file_url } = (await (await fetch(`${baseUrl}/v1/session?customerId=${WAVY_CUSTOMER_ID}`, { headers })).json()) as { file_url: string };
		const sameOrigin = `${new URL(baseUrl).origin}${new URL(file_url).pathname}`;
		sim.reset();
		sim.injectFault({ match: { provider: 'wavy', route: SESSIONS_ROUTE }, kind: 'status', status: 200, body: { file_url: sameOrigin }, times: 1 });
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID, returnAll: false, limit: 2 }), [{}], await wavyStore(sim));
		expect(result.error('Wavy')).toBeUndefined();
		expect(result.output('Wavy')).toHaveLength(2);
		const [file] = sim.log.filter((entry) => entry.route === FILE_ROUTE);
		expect(file.headers).toMatchObject({ username: credentials.userName });
	});

	test('the origin column is read whether the header says "origem" (the spec\'s prose) or "origin" (its samples)', async () => {
		const spelledOrigin = await startSimulator({ quiet: true, sizes: { wavyOpenSessions: 6 }, variants: { wavyOriginColumn: 'origin' } });
		try {
			const origem = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
			const origin = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(spelledOrigin));
			expect(origem.error('Wavy')).toBeUndefined();
			expect(jsonOf(origem.output('Wavy'))).toHaveLength(6);
			expect(jsonOf(origem.output('Wavy'))).toEqual(jsonOf(origin.output('Wavy')));
			expect(Object.keys(origem.output('Wavy')[0].json)).toEqual(['origin', 'sessionCreatedAt']);
		} finally {
			await spelledOrigin.close();
		}
	});

	test('header names are matched trimmed, case-insensitively and past a byte-order mark; raw rows keep them as written', async () => {
		const csv = '\uFEFF\uFEFF Origem , SESSION_CREATED_AT \r\n5511999990000,2024-06-03 09:00:00\r\n';
		const cdn = await serveFile((_request, response) => void response.writeHead(200, { 'content-type': 'text/csv' }).end(csv), 2);
		try {
			const store = await wavyStore(sim);
			const simplified = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], store);
			expect(jsonOf(simplified.output('Wavy'))).toEqual([{ origin: '5511999990000', sessionCreatedAt: '2024-06-03T09:00:00.000Z' }]);
			const raw = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID, simplify: false }), [{}], store);
			expect(jsonOf(raw.output('Wavy'))).toEqual([{ Origem: '5511999990000', SESSION_CREATED_AT: '2024-06-03 09:00:00' }]);
		} finally {
			await cdn.close();
		}
	});

	test('the plain file (LF, no BOM, no quotes, ISO dates) gives the same sessions', async () => {
		const store = await wavyStore(sim);
		const exported = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], store);
		const plain = await runNode(openSessions({ customerId: WAVY_PLAIN_CUSTOMER_ID }), [{}], store);
		expect(jsonOf(plain.output('Wavy'))).toEqual(jsonOf(exported.output('Wavy')));
	});

	test('reads zone-less dates in the chosen time zone', async () => {
		const store = await wavyStore(sim);
		const utc = jsonOf((await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID, limit: 1, returnAll: false }), [{}], store)).output('Wavy'));
		const saoPaulo = jsonOf(
			(await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID, limit: 1, returnAll: false, options: { timeZone: 'America/Sao_Paulo' } }), [{}], store)).output('Wavy'),
		);
		expect(Date.parse(saoPaulo[0].sessionCreatedAt as string) - Date.parse(utc[0].sessionCreatedAt as string)).toBe(3 * 3600_000);
	});

	test('a header-only file gives no items, no error, and a hint saying why', async () => {
		const result = await runNode(openSessions({ customerId: '7' }), [{}], await wavyStore(sim));
		expect(result.error('Wavy')).toBeUndefined();
		expect(result.output('Wavy')).toEqual([]);
		const hints = result.run.data.resultData.runData.Wavy[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual(['Wavy lists no open sessions for customer 7.']);
	});

	test('an empty JSON { total, data[] } answer gives the same hint, which names no file', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_JSON_CUSTOMER_ID, subAccountId: '99' }), [{}], await wavyStore(sim));
		expect(result.output('Wavy')).toEqual([]);
		expect(sim.count({ route: FILE_ROUTE })).toBe(0);
		const hints = result.run.data.resultData.runData.Wavy[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([`Wavy lists no open sessions for customer ${WAVY_JSON_CUSTOMER_ID}, sub-account 99.`]);
	});

	test('Limit, Sub-Account ID and Simplify off: the first rows of one sub-account, as Wavy wrote them', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID, subAccountId: '2', returnAll: false, limit: 2, simplify: false }), [{}], await wavyStore(sim));
		const rows = jsonOf(result.output('Wavy'));
		expect(rows).toHaveLength(2);
		// The header's own names: the strict simulator writes "origem", as the spec's prose does.
		expect(rows[0]).toEqual({ origem: expect.stringMatching(/^55/), session_created_at: expect.stringMatching(/^2024-06-03 09:\d\d:\d\d$/) });
		expect(sim.log.find((entry) => entry.route === SESSIONS_ROUTE)?.path).toBe(`/wavy/v1/session?customerId=${WAVY_CUSTOMER_ID}&subAccountId=2`);
	});

	test('the JSON { total, data[] } answer becomes items too', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_JSON_CUSTOMER_ID }), [{}], await wavyStore(sim));
		const items = jsonOf(result.output('Wavy'));
		expect(items).toHaveLength(6);
		expect(items[0]).toEqual({ origin: expect.stringMatching(/^55/), sessionCreatedAt: expect.stringMatching(ISO) });
		expect(sim.count({ route: FILE_ROUTE })).toBe(0);
	});

	test('one request pair per input item, each item paired with its own sessions', async () => {
		const result = await runNode(openSessions({ customerId: '={{ $json.customer }}' }), [{ customer: '7' }, { customer: WAVY_CUSTOMER_ID }], await wavyStore(sim));
		const items = result.output('Wavy');
		expect(items).toHaveLength(6);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});
});

describe('Customer ID, asked once in the credential', () => {
	const customerAsked = () => new URL(sim.log.find((entry) => entry.route === SESSIONS_ROUTE)!.path, 'http://x').searchParams.get('customerId');

	test("left empty in the node (the default), the credential's is used", async () => {
		const result = await runNode(openSessions(), [{}], await wavyStore(sim, { customerId: WAVY_CUSTOMER_ID }));
		expect(result.error('Wavy')).toBeUndefined();
		expect(result.output('Wavy')).toHaveLength(6);
		expect(customerAsked()).toBe(WAVY_CUSTOMER_ID);
	});

	test("set in the node (as every workflow saved while it was required has it), it overrides the credential's", async () => {
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim, { customerId: '999' }));
		expect(result.error('Wavy')).toBeUndefined();
		expect(customerAsked()).toBe(WAVY_CUSTOMER_ID);
	});
});

describe('failures', () => {
	test.each([
		[{ customerId: '{42}' }, /^Customer ID: must be a number such as 42 \(without braces\), got "\{42\}"/],
		[{ customerId: WAVY_CUSTOMER_ID, subAccountId: 'abc' }, /^Sub-Account ID: must be a number/],
		[{ customerId: WAVY_CUSTOMER_ID, options: { timeZone: 'Mars/Base' } }, /^Time Zone of Wavy Dates: "Mars\/Base" is not an IANA time zone/],
	])('bad input %j is refused before any request', async (parameters, message) => {
		const result = await runNode(openSessions(parameters), [{}], await wavyStore(sim));
		expect(result.error('Wavy')?.name).toBe('NodeOperationError');
		expect(result.error('Wavy')?.message).toMatch(message);
		expect(sim.log).toHaveLength(0);
	});

	test.each([
		['empty', '', /^Customer ID: \(from the Wavy API credential\) is required; set it there or in the node/],
		['in braces', '{42}', /^Customer ID: \(from the Wavy API credential\) must be a number such as 42 \(without braces\)/],
	])("no Customer ID in the node and the credential's %s: refused before any request", async (_name, customerId, message) => {
		const result = await runNode(openSessions({ customerId: '' }), [{}], await wavyStore(sim, { customerId }));
		expect(result.error('Wavy')?.name).toBe('NodeOperationError');
		expect(result.error('Wavy')?.message).toMatch(message);
		expect(sim.log).toHaveLength(0);
	});

	test('a wrong token is a NodeApiError with Wavy message and status, and the token never shows', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim, { authenticationToken: 'wrong-token-81d2' }));
		const error = result.error('Wavy');
		expect(error?.message).toBe('Wavy: Invalid UserName or AuthenticationToken (HTTP 401)');
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		expect(JSON.stringify(result.run)).not.toContain('wrong-token-81d2');
	});

	test('an expired file link (404 from the file host) names the file host; with Continue On Fail one error item per failed item', async () => {
		sim.injectFault({ match: { provider: 'wavy', route: FILE_ROUTE }, kind: 'status', status: 404, times: 1 });
		const result = await runNode(
			openSessions({ customerId: '={{ $json.customer }}' }, { onError: 'continueRegularOutput' }),
			[{ customer: WAVY_CUSTOMER_ID }, { customer: '7' }],
			await wavyStore(sim),
		);
		const items = result.output('Wavy');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ json: { error: 'Wavy sessions file answered HTTP 404', httpCode: '404' }, pairedItem: { item: 0 } });
	});

	test('a file_url that is not http(s) is refused as an unexpected answer, not read', async () => {
		const body = { file_url: 'data:text/csv,origin%2Csession_created_at%0A5511999990000%2C2024-06-03%2009%3A00%3A00' };
		sim.injectFault({ match: { provider: 'wavy', route: SESSIONS_ROUTE }, kind: 'status', status: 200, body, times: 1 });
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
		expect(result.output('Wavy')).toEqual([]);
		expect(result.error('Wavy')?.message).toMatch(/open-sessions answer/);
	});

	test('a file without an origin column fails naming what the header holds, and the rest of the download is dropped', async () => {
		let closed!: () => void;
		const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
		// Sends a header and a row, then keeps the response open as a long file would.
		const cdn = await serveFile((request, response) => {
			request.socket.on('close', closed);
			response.writeHead(200, { 'content-type': 'text/csv' }).write('number,created\n5511999990000,2024-06-03 09:00:00\n');
		});
		try {
			const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
			expect((result.error('Wavy') as { description?: string })?.description).toBe('The header has no origin column ("origin" or "origem"); it holds "number", "created"');
			const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000).unref());
			expect(await Promise.race([connectionClosed.then(() => 'closed'), timeout])).toBe('closed');
		} finally {
			await cdn.close();
		}
	});

	test.each([
		['a header-only file with an unknown header', 'origen,session_created_at\r\n', 'The header has no origin column ("origin" or "origem"); it holds "origen", "session_created_at"'],
		['a file without session_created_at', 'origem,created_at\n5511999990000,2024-06-03 09:00:00\n', 'The header has no "session_created_at" column; it holds "origem", "created_at"'],
	])('%s fails naming what the header holds', async (_, csv, problem) => {
		const cdn = await serveFile((_request, response) => void response.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
		try {
			const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
			expect(result.error('Wavy')?.message).toBe('Wavy sent an answer that is not the documented open-sessions list ("origin" or "origem", session_created_at)');
			expect((result.error('Wavy') as { description?: string })?.description).toBe(problem);
		} finally {
			await cdn.close();
		}
	});

	test('a 503 on the sessions call is retried, and the read then succeeds', async () => {
		sim.injectFault({ match: { provider: 'wavy', route: SESSIONS_ROUTE }, kind: 'status', status: 503, times: 1 });
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(sim));
		expect(result.output('Wavy')).toHaveLength(6);
		expect(sim.count({ route: SESSIONS_ROUTE })).toBe(2);
	});
});

describe('credential Test (a GET of the credential customer\'s open sessions)', () => {
	test('succeeds with the right token and fails as unauthorized with a wrong one', async () => {
		const right = { ...simulatorCredentials(sim).wavyApi };
		expect(await testCredential('wavyApi', right)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.log.map((entry) => [entry.path, entry.status])).toEqual([[`/wavy/v1/session?customerId=${WAVY_CUSTOMER_ID}`, 200]]);
		const wrong = await testCredential('wavyApi', { ...right, authenticationToken: 'not-the-token-93a' });
		expect(wrong).toEqual({ status: 'Error', message: 'Unauthorized' });
	});
});

describe('size', () => {
	let big: Simulator;
	beforeAll(async () => {
		big = await startSimulator({ quiet: true, sizes: { wavyOpenSessions: 100_000 } });
	});
	afterAll(async () => await big.close());

	test('100,000 CSV rows give 100,000 items', async () => {
		const result = await runNode(openSessions({ customerId: WAVY_CUSTOMER_ID }), [{}], await wavyStore(big));
		const items = result.output('Wavy');
		expect(items).toHaveLength(100_000);
		expect(items[99_999].json).toEqual({ origin: expect.stringMatching(/^55/), sessionCreatedAt: expect.stringMatching(ISO) });
		expect(new Set(items.map((item) => item.json.origin)).size).toBeGreaterThan(99_000);
		// Seconds of work: jest's 5 s default is too tight when the machine is shared.
	}, 60_000);
});
