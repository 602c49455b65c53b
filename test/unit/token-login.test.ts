import axios from 'axios';
import { NodeApiError, type IHttpRequestHelper, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { postTokenLogin } from '../../nodes/shared/session';
import { startSimulator, type Simulator } from '../simulator';
import { testNode } from './support';

/** The login both IrisEngage and Netcore Bot credentials use, against the simulated IrisEngage's login. */

let sim: Simulator;
let url: string;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	url = `${sim.providers.irisengage.baseUrl}/IrisEngage_API/api/Users/authenticate`;
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

/** n8n's httpRequest helper, played by a real axios request that rethrows failures as n8n does. */
const helper = {
	helpers: {
		httpRequest: async (options: IHttpRequestOptions) => {
			try {
				return (await axios.request({ url: options.url, method: options.method, data: options.body, timeout: 10_000 })).data;
			} catch (error) {
				throw new NodeApiError(testNode, error as JsonObject);
			}
		},
	},
} as unknown as IHttpRequestHelper;

const login = (password = sim.providers.irisengage.credentials.password) =>
	postTokenLogin(helper, {
		provider: 'IrisEngage',
		url,
		body: { Name: sim.providers.irisengage.credentials.name, Password: password },
		tokenField: 'token',
		check: 'the Base URL and API Path',
	});

test('takes the token from the answer', async () => {
	const { token, answer } = await login();
	expect(token).toEqual(expect.any(String));
	expect(token.length).toBeGreaterThan(0);
	expect(answer.token).toBe(token);
});

test('an answer without a token is an error that says what to check', async () => {
	sim.injectFault({ kind: 'status', status: 200, body: { ok: true }, times: 1 });
	await expect(login()).rejects.toThrow('IrisEngage login failed: no token in its answer (check the Base URL and API Path)');
});

test('a refused login carries the provider message and status, never the password', async () => {
	const error = await login('WRONG-SECRET-PASSWORD').catch((caught: Error) => caught);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).message).toMatch(/^IrisEngage login failed: .+ \(HTTP 4\d\d\)$/);
	expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('WRONG-SECRET-PASSWORD');
});
