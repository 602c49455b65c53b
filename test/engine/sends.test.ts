/**
 * Sends through the shared core, in n8n-core's engine against the simulator's message sink: exactly once, in
 * order per recipient, adapting to a provider that takes only so many requests at once, never retried after an
 * ambiguous failure. Get History's nested reads stay within the same overall bound.
 */
import { startSimulator, SINK_PROVIDER, type Simulator } from '../simulator';
import {
	deliveredByRecipient,
	expectedByRecipient,
	outgoingMessages,
	peakInFlight,
	sendNode,
	sinkStatuses,
	sinkStore,
	SINK_ROUTE,
} from './fixtures/send-log';
import { runNode } from './harness';
import { waitFor } from './wait-for';
import { CONTENT_ROUTE, SESSIONS_ROUTE, irisNode, irisStore } from './irisengage.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const sink = { provider: SINK_PROVIDER, route: SINK_ROUTE };

async function send(messages: ReturnType<typeof outgoingMessages>, options: Record<string, number> = {}) {
	return await runNode(sendNode(options), messages, await sinkStore(sim));
}

describe('sends', () => {
	test('200 sends to 20 recipients through a provider taking 10 at once: each delivered once, in order', async () => {
		const messages = outgoingMessages(200, 20);
		sim.setLatency(20, { provider: SINK_PROVIDER });
		sim.setInFlightLimit(10, sink);
		const result = await send(messages);

		expect(result.error('Fixture Send')).toBeUndefined();
		const output = result.output('Fixture Send');
		expect(output.map((item) => item.pairedItem)).toEqual(messages.map((_, item) => ({ item })));
		expect(output.map((item) => item.json.to)).toEqual(messages.map((message) => message.to));
		expect(deliveredByRecipient(sim)).toEqual(expectedByRecipient(messages));
		expect(sinkStatuses(sim)[201]).toBe(200);
		// The node found the limit: it reached it and was refused, and never piled up far above it.
		expect(peakInFlight(sim.log.filter((entry) => entry.status === 201))).toBe(10);
		expect(sinkStatuses(sim)[429]).toBeGreaterThan(0);
		expect(sinkStatuses(sim)[429]).toBeLessThan(100);
	});

	test('the next execution starts at the limit the last one found, instead of running into the same 429s', async () => {
		sim.setLatency(20, { provider: SINK_PROVIDER });
		sim.setInFlightLimit(10, sink);
		const store = await sinkStore(sim);
		// A credential no other test used: what earlier tests taught the limiter about theirs does not count here.
		const node = { ...sendNode(), credentials: { fixtureSinkApi: { id: 'account-of-this-test', name: 'Sink account' } } };
		const throttlesOf = async (messages: ReturnType<typeof outgoingMessages>) => {
			sim.clearLog();
			const result = await runNode(node, messages, store);
			expect(result.error('Fixture Send')).toBeUndefined();
			expect(deliveredByRecipient(sim)).toEqual(expectedByRecipient(messages));
			return sinkStatuses(sim)[429] ?? 0;
		};
		const first = await throttlesOf(outgoingMessages(100, 20));
		const second = await throttlesOf(outgoingMessages(100, 20));
		// Slow start from 20 against a limit of 10: 4 to 7 429s measured. Resumed at 10, probing upward by one per
		// round trip: one.
		expect(first).toBeGreaterThanOrEqual(3);
		expect(second).toBeLessThanOrEqual(2);
		expect(second).toBeLessThan(first);
	});

	test("a provider answering each recipient's first message slowest still gets every recipient's messages in order", async () => {
		// Sent side by side, a recipient's later messages would overtake its first: a lost order key fails here every time.
		const messages = outgoingMessages(60, 6);
		sim.setLatency(60, { provider: SINK_PROVIDER }, { slowFirstPer: /"to":"([^"]+)"/ });
		const result = await send(messages);

		expect(result.error('Fixture Send')).toBeUndefined();
		expect(deliveredByRecipient(sim)).toEqual(expectedByRecipient(messages));
	});

	test('a 429 storm in mid-run backs off and recovers: everything delivered once, in order', async () => {
		const messages = outgoingMessages(100, 20);
		sim.setLatency(20, { provider: SINK_PROVIDER });
		const running = send(messages);
		// The storm starts once sending is under way (the first item, which runs alone, went through).
		await waitFor(() => sim.count({ ...sink, status: 201 }) > 0, 'the first message was delivered', { running });
		sim.injectFault({ kind: 'status', status: 429, times: 15, match: sink });
		const result = await running;

		expect(result.error('Fixture Send')).toBeUndefined();
		expect(sinkStatuses(sim)).toEqual({ 201: 100, 429: 15 });
		expect(deliveredByRecipient(sim)).toEqual(expectedByRecipient(messages));
	});

	test('Max Concurrent Requests bounds the requests in flight', async () => {
		sim.setLatency(10, { provider: SINK_PROVIDER });
		const result = await send(outgoingMessages(60, 60), { maxConcurrentRequests: 3 });
		expect(result.error('Fixture Send')).toBeUndefined();
		expect(sinkStatuses(sim)).toEqual({ 201: 60 });
		expect(peakInFlight(sim.log)).toBe(3);
	});

	test.each([
		['HTTP 500', { kind: 'status', status: 500 }, '500'],
		['HTTP 502', { kind: 'status', status: 502 }, '502'],
		['a timeout', { kind: 'delay', ms: 1000 }, undefined],
		['a connection reset', { kind: 'reset' }, undefined],
	] as const)('%s is never retried: one request, a NodeApiError', async (_, fault, httpCode) => {
		sim.injectFault({ ...fault, times: 1, match: sink });
		const result = await send(outgoingMessages(1, 1), { timeoutMs: 200 });

		const error = result.error('Fixture Send');
		expect(error?.name).toBe('NodeApiError');
		if (httpCode) expect(error).toMatchObject({ httpCode });
		expect(sim.count(sink)).toBe(1);
	});

	test('a send with no recipient is refused before anything goes out', async () => {
		const result = await send([{ to: '', text: 'hi' }]);
		expect(result.error('Fixture Send')?.message).toContain('recipient');
		expect(sim.count(sink)).toBe(0);
	});

	test('after a failure without Continue On Fail, items still waiting are not sent', async () => {
		sim.setLatency(30, { provider: SINK_PROVIDER });
		sim.injectFault({ kind: 'status', status: 400, times: 1, match: sink });
		const result = await send(outgoingMessages(100, 100), { maxConcurrentRequests: 2 });
		expect(result.error('Fixture Send')).toMatchObject({ httpCode: '400' });
		expect(sim.count(sink)).toBeLessThan(10);
	});
});

describe('one overall bound per execution', () => {
	test("Get History's per-conversation reads share the node's bound with the other items", async () => {
		sim.setLatency(15, { provider: 'irisengage' });
		const numbers = Array.from({ length: 10 }, (_, index) => ({ phone: `97150000${String(index).padStart(4, '0')}` }));
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getHistory', mobileNumber: '={{ $json.phone }}', returnAll: true, options: { maxConcurrentRequests: 4 } }),
			numbers,
			await irisStore(sim),
		);
		expect(result.error('IrisEngage')).toBeUndefined();
		expect(sim.count({ route: CONTENT_ROUTE })).toBeGreaterThan(40);
		const reads = sim.log.filter((entry) => CONTENT_ROUTE.test(entry.path) || SESSIONS_ROUTE.test(entry.path));
		expect(peakInFlight(reads)).toBeLessThanOrEqual(4);
	});

	test('a Max Concurrent Requests outside 1..1000 is refused before any request', async () => {
		const result = await send(outgoingMessages(2, 2), { maxConcurrentRequests: 0 });
		expect(result.error('Fixture Send')?.message).toContain('Max Concurrent Requests');
		expect(sim.count()).toBe(0);
	});
});
