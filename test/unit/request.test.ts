import axios from 'axios';
import { NodeApiError, type IExecuteFunctions, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { beginExecution } from '../../nodes/shared/execution';
import { DEFAULT_RETRY, backoffDelay, providerRequest, type RequestKind } from '../../nodes/shared/request';
import { AdaptiveLimiter } from '../../nodes/shared/throttle';
import { testNode, type FaultShape, closedPort } from './support';
import { startSimulator, type Simulator } from '../simulator';

const node = testNode;

const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

let sim: Simulator;
let api: string;
let token: string;

/**
 * Just enough of IExecuteFunctions for providerRequest: n8n's authenticated request helper, played by a
 * real axios request that adds the bearer token and rethrows failures wrapped as n8n does.
 */
function executeContext() {
	const helper = { calls: 0 };
	const context = {
		getNode: () => node,
		// Read once per execution by providerRequest (credentials.ts); n8n's helper below authenticates itself.
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async (_credentialType: string, options: IHttpRequestOptions) => {
				helper.calls++;
				try {
					const response = await axios.request({
						url: options.url,
						method: options.method,
						data: options.body,
						timeout: options.timeout,
						headers: {
							...(options.json ? { Accept: 'application/json' } : {}),
							...options.headers,
							Authorization: `Bearer ${token}`,
						},
					});
					return response.data;
				} catch (error) {
					throw new NodeApiError(node, error as JsonObject);
				}
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions, helper };
}

async function getContent(kind: RequestKind, options: { body?: object; timeout?: number } = {}) {
	const { context } = executeContext();
	const { body = { RequestId: 'r1' }, timeout } = options;
	return await providerRequest(
		context,
		{ method: 'POST', url: `${api}/GetContent`, body, ...(timeout ? { timeout } : {}) },
		{ provider: 'IrisEngage', credentialType: 'irisEngageApi', kind, retry: FAST_RETRY },
	);
}

const injectGetContent = (fault: FaultShape, times: number) =>
	sim.injectFault({ ...fault, times, match: { provider: 'irisengage', route: /GetContent/ } });
const getContentRequests = () => sim.count({ provider: 'irisengage', route: /GetContent/ });

const TRANSIENT_FAILURES: Array<[string, FaultShape]> = [
	['503', { kind: 'status', status: 503 }],
	['502 HTML page', { kind: 'html', status: 502 }],
	['504', { kind: 'status', status: 504 }],
	['500', { kind: 'status', status: 500 }],
	['connection reset', { kind: 'reset' }],
	['timeout', { kind: 'delay', ms: 500 }],
];
/** Below the 500 ms of the 'timeout' fault above. */
const TIMEOUT_MS = 100;

beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	api = `${sim.providers.irisengage.baseUrl}/IrisEngage_API/api`;
});
beforeEach(async () => {
	sim.reset();
	const { name, password } = sim.providers.irisengage.credentials;
	token = (await axios.post(`${api}/Users/authenticate`, { Name: name, Password: password })).data.token;
	sim.clearLog();
});
afterAll(async () => await sim.close());

describe('providerRequest for a read', () => {
	it('answers the provider data when nothing fails', async () => {
		await expect(getContent('read')).resolves.toEqual({ message: expect.any(Array) });
		expect(getContentRequests()).toBe(1);
	});

	it('waits at least the Retry-After of a 429 before retrying', async () => {
		injectGetContent({ kind: 'status', status: 429, retryAfter: 1 }, 1);
		await expect(getContent('read')).resolves.toEqual({ message: expect.any(Array) });
		const [throttled, retried] = sim.log;
		expect(sim.log.map((entry) => entry.status)).toEqual([429, 200]);
		expect(retried.at - throttled.at).toBeGreaterThanOrEqual(1000);
	});

	it.each(TRANSIENT_FAILURES)('retries after %s until it succeeds', async (_, fault) => {
		injectGetContent(fault, 2);
		await expect(getContent('read', { timeout: TIMEOUT_MS })).resolves.toEqual({ message: expect.any(Array) });
		expect(getContentRequests()).toBe(3);
	});

	it('gives up after maxAttempts and says so', async () => {
		injectGetContent({ kind: 'status', status: 503 }, 10);
		const failure = getContent('read');
		await expect(failure).rejects.toThrow(NodeApiError);
		await expect(failure).rejects.toMatchObject({
			httpCode: '503',
			description: expect.stringContaining(`Gave up after ${FAST_RETRY.maxAttempts} attempts`),
		});
		expect(getContentRequests()).toBe(FAST_RETRY.maxAttempts);
	});

	it('does not wait for a Retry-After longer than the policy allows', async () => {
		injectGetContent({ kind: 'status', status: 429, retryAfter: 3600 }, 1);
		await expect(getContent('read')).rejects.toMatchObject({ httpCode: '429' });
		expect(getContentRequests()).toBe(1);
	});

	it("does not retry a 400 and passes on the provider's message", async () => {
		await expect(getContent('read', { body: { RequestId: '' } })).rejects.toMatchObject({
			httpCode: '400',
			message: expect.stringContaining('RequestId is required'),
		});
		expect(getContentRequests()).toBe(1);
	});
});

describe('providerRequest for a send', () => {
	it.each(TRANSIENT_FAILURES.filter(([name]) => name !== '503'))(
		'never retries after %s, and says the message may have arrived and was not sent again',
		async (_, fault) => {
			injectGetContent(fault, 1);
			const sending = getContent('send', { timeout: TIMEOUT_MS });
			await expect(sending).rejects.toThrow(NodeApiError);
			await expect(sending).rejects.toMatchObject({
				description: expect.stringContaining('IrisEngage may have received this message: its answer does not say whether it was taken, so it was not sent again'),
			});
			expect(getContentRequests()).toBe(1);
		},
	);

	it('says nothing of a possible delivery when the provider refused the message (400)', async () => {
		const sending = getContent('send', { body: { RequestId: '' } });
		await expect(sending).rejects.toMatchObject({ httpCode: '400' });
		expect(((await sending.catch((error: NodeApiError) => error)) as NodeApiError).description ?? '').not.toContain('may have received');
	});

	it.each([
		['429', { kind: 'status', status: 429, retryAfter: 0 }],
		['503', { kind: 'status', status: 503 }],
	] as const)('retries after %s: the provider did not take the message', async (_, fault) => {
		injectGetContent(fault, 2);
		await expect(getContent('send')).resolves.toEqual({ message: expect.any(Array) });
		expect(getContentRequests()).toBe(3);
	});

	it('retries a refused connection up to maxAttempts', async () => {
		const { context, helper } = executeContext();
		const sending = providerRequest(
			context,
			{ method: 'POST', url: `http://127.0.0.1:${await closedPort()}/send`, body: { text: 'hi' } },
			{ provider: 'IrisEngage', credentialType: 'irisEngageApi', kind: 'send', retry: FAST_RETRY },
		);
		await expect(sending).rejects.toThrow('IrisEngage could not be reached: the connection was refused');
		expect(helper.calls).toBe(FAST_RETRY.maxAttempts);
	});

	it('does not retry a 400', async () => {
		await expect(getContent('send', { body: { RequestId: '' } })).rejects.toMatchObject({ httpCode: '400' });
		expect(getContentRequests()).toBe(1);
	});
});

describe('backoffDelay', () => {
	const policy = { ...DEFAULT_RETRY, baseDelayMs: 200, maxDelayMs: 1000 };

	it('jitters within the upper half of the capped exponential step', () => {
		expect(backoffDelay(1, policy, undefined, () => 0)).toBe(100);
		expect(backoffDelay(1, policy, undefined, () => 1)).toBe(200);
		expect(backoffDelay(3, policy, undefined, () => 0.5)).toBe(600);
		expect(backoffDelay(10, policy, undefined, () => 1)).toBe(1000);
	});

	it('spreads items that failed together instead of retrying them in lockstep', () => {
		const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(2, policy)));
		expect(delays.size).toBeGreaterThan(5);
		for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(200);
		for (const delay of delays) expect(delay).toBeLessThanOrEqual(400);
	});

	it("lets a longer Retry-After win", () => {
		expect(backoffDelay(1, policy, 5000, () => 1)).toBe(5000);
	});
});

describe('providerRequest within an execution: a throttle while our own requests are out', () => {
	const scoped = (limiter: AdaptiveLimiter) => {
		const { context } = executeContext();
		beginExecution(context, { limiter, kind: 'send' });
		return async () =>
			await providerRequest(context, { method: 'POST', url: `${api}/GetContent`, body: { RequestId: 'r1' } }, { provider: 'IrisEngage', credentialType: 'irisEngageApi', retry: FAST_RETRY });
	};

	/** Polls the simulator's count until it reaches `count` (bounded), then gives the event loop time for more. */
	const requestsSettleAt = async (count: number) => {
		for (let poll = 0; poll < 500 && getContentRequests() < count; poll++) await new Promise((resolve) => setTimeout(resolve, 10));
		await new Promise((resolve) => setTimeout(resolve, 100));
		return getContentRequests();
	};

	test('waits for one of ours to finish before it goes out again, and those waits are not attempts', async () => {
		// A wide window, so that the limiter itself never holds the request back: only the wait for ours does.
		const limiter = new AdaptiveLimiter(64, 64);
		const ours = await Promise.all(Array.from({ length: 5 }, async () => await limiter.acquire())); // still out at the provider
		injectGetContent({ kind: 'status', status: 429 }, 5);
		const pending = scoped(limiter)();
		// Each throttle waits: exactly one more request per one of ours that finishes, never one sooner.
		for (let finished = 0; finished < 5; finished++) {
			expect(await requestsSettleAt(finished + 1)).toBe(finished + 1);
			ours[finished].release('ok');
		}
		await expect(pending).resolves.toBeDefined();
		// More throttles than the policy's 4 attempts, and still delivered.
		expect(getContentRequests()).toBe(6);
	});

	test('the waits are bounded: a provider that keeps refusing still fails the request', async () => {
		const limiter = new AdaptiveLimiter(1000, 1000);
		// One more of ours than the bound of waits, so one is still out when the bound is reached.
		const ours = await Promise.all(Array.from({ length: 9 }, async () => await limiter.acquire()));
		injectGetContent({ kind: 'status', status: 429 }, 50);
		const pending = scoped(limiter)();
		for (let finished = 0; finished < 9; finished++) {
			await requestsSettleAt(finished + 1);
			ours[finished].release('ok');
		}
		await expect(pending).rejects.toThrow(/HTTP 429/);
		// 8 waits for ours, then the 4 counted attempts of the policy, backing off in time; a ninth wait would
		// have made it 13.
		expect(getContentRequests()).toBe(8 + FAST_RETRY.maxAttempts);
	});

	test('with nothing of ours out (a rate limit, not our concurrency) it backs off in time and counts attempts', async () => {
		injectGetContent({ kind: 'status', status: 429 }, 6);
		await expect(scoped(new AdaptiveLimiter(10))()).rejects.toThrow(/HTTP 429/);
		expect(getContentRequests()).toBe(FAST_RETRY.maxAttempts);
	});
});
