import {
	describeFailure,
	isThrottle,
	isTransient,
	parseRetryAfter,
	providerDidNotTakeIt,
	sendMayHaveArrived,
} from '../../nodes/shared/failure';
import { closedPort, provokeFailure, type Way } from './support';
import { startSimulator, type Simulator } from '../simulator';


const WAYS = {
	'429 with Retry-After': { kind: 'status', status: 429, retryAfter: 7 },
	'503': { kind: 'status', status: 503 },
	'502 HTML page': { kind: 'html' },
	'504': { kind: 'status', status: 504 },
	'500': { kind: 'status', status: 500, body: { message: 'Internal error' } },
	'400': { kind: 'status', status: 400, body: { message: 'RequestId is required' } },
	'401': { kind: 'status', status: 401, body: { message: 'Unauthorized' } },
	'connection reset': { kind: 'reset' },
	timeout: { kind: 'delay', ms: 500 },
	'connection refused': 'refused',
} satisfies Record<string, Way>;
type WayName = keyof typeof WAYS;

let sim: Simulator;
let closedPortUrl: string;

const provoke = async (name: WayName) => await provokeFailure(sim, closedPortUrl, WAYS[name]);

beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	closedPortUrl = `http://127.0.0.1:${await closedPort()}/GetContent`;
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('describeFailure', () => {
	it('reads status, Retry-After and the parsed JSON body through the NodeApiError cause chain', async () => {
		expect(describeFailure(await provoke('429 with Retry-After'))).toMatchObject({
			status: 429,
			retryAfterMs: 7000,
			contentType: expect.stringMatching(/^application\/json/),
			body: { message: 'Too Many Requests' },
		});
	});

	it('keeps an HTML error page as text', async () => {
		const failure = describeFailure(await provoke('502 HTML page'));
		expect(failure).toMatchObject({ status: 502, contentType: 'text/html' });
		expect(failure.body).toContain('<title>502 Bad Gateway</title>');
		expect(failure.retryAfterMs).toBeUndefined();
	});

	it.each([
		['connection reset', 'ECONNRESET'],
		['connection refused', 'ECONNREFUSED'],
		['timeout', 'ECONNABORTED'],
	] as const)('gives the socket code and no status for a %s', async (way, code) => {
		expect(describeFailure(await provoke(way))).toEqual({ code });
	});

	it('reads the bare transport error the same as the wrapped one', async () => {
		const wrapped = await provoke('503');
		expect(describeFailure(wrapped.cause)).toEqual(describeFailure(wrapped));
	});

	it('stops on a cyclic cause chain', () => {
		const error: { cause?: unknown; httpCode: string } = { httpCode: '503' };
		error.cause = error;
		expect(describeFailure(error)).toEqual({ status: 503 });
	});

	it('gives an empty description for something that is not an error object', () => {
		expect(describeFailure('boom')).toEqual({});
		expect(describeFailure(undefined)).toEqual({});
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2024-05-01T12:00:00Z');

	it.each([
		['120', 120_000],
		['0', 0],
		['1.5', 1500],
		['Wed, 01 May 2024 12:00:30 GMT', 30_000],
		['Wed, 01 May 2024 11:59:00 GMT', 0],
	])('reads %j as %i ms', (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});

	it.each([undefined, '', 'soon'])('ignores %j', (value) => {
		expect(parseRetryAfter(value, now)).toBeUndefined();
	});
});

describe('retry classification', () => {
	// [way, worth retrying a read, safe to retry a send]
	it.each([
		['429 with Retry-After', true, true, true],
		['503', true, true, true],
		['500', true, false, false],
		['connection reset', true, false, false],
	] as const)('%s: throttle %p', async (way, _read, _send, throttle) => {
		expect(isThrottle(describeFailure(await provoke(way)))).toBe(throttle);
	});

	it.each([
		['429 with Retry-After', true, true],
		['503', true, true],
		['connection refused', true, true],
		['502 HTML page', true, false],
		['504', true, false],
		['500', true, false],
		['connection reset', true, false],
		['timeout', true, false],
		['400', false, false],
		['401', false, false],
	] as const)('%s: read %p, send %p', async (way, read, send) => {
		const failure = describeFailure(await provoke(way));
		expect(isTransient(failure)).toBe(read);
		expect(providerDidNotTakeIt(failure)).toBe(send);
	});

	// [way, a send that failed so may still have reached the provider]
	it.each([
		['429 with Retry-After', false],
		['503', false],
		['connection refused', false],
		['400', false],
		['401', false],
		['502 HTML page', true],
		['504', true],
		['500', true],
		['connection reset', true],
		['timeout', true],
	] as const)('%s: a send may have arrived %p', async (way, arrived) => {
		expect(sendMayHaveArrived(describeFailure(await provoke(way)))).toBe(arrived);
	});
});
