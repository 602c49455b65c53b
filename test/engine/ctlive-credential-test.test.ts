import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type Simulator } from '../simulator';
import { testCredential } from './credential-test';
import { startStrictServer } from './ctlive-strict-server';
import { simulatorCredentials } from './examples';

/**
 * The CTLive API credential's Test. CTLive has no read call, so the Test posts an empty `results` array: a
 * strict CTLive refuses it (400) after accepting the credentials, a lenient one takes it; neither creates anything.
 */
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const OK = { status: 'OK', message: 'Connection successful!' };
const credentials = (overrides: Record<string, string> = {}) => ({ ...simulatorCredentials(sim).ctLiveApi, ...overrides });
const received = async () => (await (await fetch(`${sim.providers.ctlive.baseUrl}/simulate/received`)).json()) as Record<string, unknown[]>;
const counts = async () => Object.values(await received()).map((list) => (Array.isArray(list) ? list.length : list));

describe('with the right credentials', () => {
	test('succeeds against the strict simulator, which refuses the empty report (400), and creates nothing', async () => {
		const before = await counts();
		expect(await testCredential('ctLiveApi', credentials())).toEqual(OK);
		const posts = sim.log.filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => [entry.route, entry.status, entry.body])).toEqual([['POST /imchannel/message', 400, { results: [] }]]);
		expect(await counts()).toEqual(before);
	});

	test("succeeds with the spec's literal path /imchanne/message", async () => {
		expect(await testCredential('ctLiveApi', credentials({ messagePath: '/imchanne/message' }))).toEqual(OK);
		expect(sim.log.map((entry) => entry.route)).toEqual(['POST /imchanne/message']);
	});

	test('succeeds with a ctlivetoken header or a Bearer token', async () => {
		const { token } = sim.providers.ctlive.credentials;
		expect(await testCredential('ctLiveApi', credentials({ authType: 'ctliveToken', token }))).toEqual(OK);
		expect(await testCredential('ctLiveApi', credentials({ authType: 'bearer', token }))).toEqual(OK);
		expect(sim.log.map((entry) => entry.authScheme)).toEqual(['ctlivetoken', 'Bearer']);
	});

	test('succeeds against a lenient server that takes the empty report (200)', async () => {
		const lenient = await startSimulator({ quiet: true, strict: false });
		try {
			expect(await testCredential('ctLiveApi', { ...simulatorCredentials(lenient).ctLiveApi })).toEqual(OK);
			expect(lenient.log.map((entry) => entry.status)).toEqual([200]);
		} finally {
			await lenient.close();
		}
	});

	test('succeeds against an independent strict server written from the spec alone', async () => {
		const server = await startStrictServer();
		try {
			expect(await testCredential('ctLiveApi', server.credentials)).toEqual(OK);
			expect(server.requests.map((request) => [request.path, request.status])).toEqual([['/imchanne/message', 400]]);
		} finally {
			await server.close();
		}
	});
});

describe('fails with a message saying what to fix', () => {
	test('a wrong password: CTLive refused the credentials, and the password is in no message', async () => {
		const result = await testCredential('ctLiveApi', credentials({ password: 'not-the-password-8c2' }));
		expect(result).toEqual({ status: 'Error', message: 'CTLive refused the credentials (HTTP 401): check Authentication and its user, password or token' });
		expect(sim.log.map((entry) => entry.status)).toEqual([401]);
	});

	test('a wrong token', async () => {
		const result = await testCredential('ctLiveApi', credentials({ authType: 'bearer', token: 'wrong-token-55' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^CTLive refused the credentials \(HTTP 401\)/);
		expect(result.message).not.toContain('wrong-token-55');
	});

	test('no Base URL, before any request', async () => {
		expect(await testCredential('ctLiveApi', credentials({ baseUrl: '' }))).toEqual({
			status: 'Error',
			message: 'The Base URL must be an http(s) address such as https://ctlive.example.com',
		});
		expect(sim.log).toEqual([]);
	});

	test('a wrong message path (404)', async () => {
		expect(await testCredential('ctLiveApi', credentials({ messagePath: '/imchannel/messages' }))).toEqual({
			status: 'Error',
			message: 'No CTLive message endpoint at this address (HTTP 404): check the Base URL and Message Path',
		});
	});

	test('a Base URL where nothing listens', async () => {
		const gone = createServer();
		await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
		const { port } = gone.address() as AddressInfo;
		await new Promise((resolve) => gone.close(resolve));
		const result = await testCredential('ctLiveApi', credentials({ baseUrl: `http://127.0.0.1:${port}` }));
		expect(result).toEqual({
			status: 'Error',
			message: 'CTLive could not be reached: the connection was refused (is the base URL right and the server up?). Check the Base URL and Message Path',
		});
	});

	test('an address that answers with a web page, not as CTLive does', async () => {
		sim.injectFault({ match: { provider: 'ctlive' }, kind: 'html', status: 200, times: 1 });
		const result = await testCredential('ctLiveApi', credentials());
		expect(result).toEqual({
			status: 'Error',
			message: "This address answered HTTP 200 with an HTML page, not as CTLive's message endpoint does: check the Base URL and Message Path",
		});
	});

	test('a server error', async () => {
		sim.injectFault({ match: { provider: 'ctlive' }, kind: 'status', status: 500, body: { requestError: { serviceException: { messageId: 'GENERAL_ERROR', text: 'Database down' } } }, times: 1 });
		expect(await testCredential('ctLiveApi', credentials())).toEqual({ status: 'Error', message: 'CTLive: Database down (HTTP 500)' });
	});
});
