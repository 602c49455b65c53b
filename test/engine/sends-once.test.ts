/**
 * A message is never sent twice, however n8n retries: Retry On Fail (n8n-core's own retry loop re-running the
 * node in the same execution), "Retry execution" and re-runs (a new execution) with an Idempotency Key kept in
 * n8n's deduplication store, and a failure after other items went out says which ones did.
 */
import { startSimulator, SINK_PROVIDER, type Simulator } from '../simulator';
import { deduplicationStore, type EngineDeduplicationStore } from './deduplication-store';
import { outgoingMessages, sendNode, sinkStatuses, sinkStore, SINK_ROUTE, type Outgoing } from './fixtures/send-log';
import { runNode } from './harness';

let sim: Simulator;
let store: EngineDeduplicationStore;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	store = await deduplicationStore();
});
beforeEach(() => {
	sim.reset();
	store.rows.clear();
	store.calls = 0;
});
afterAll(async () => await sim.close());

const sink = { provider: SINK_PROVIDER, route: SINK_ROUTE };
const NODE = 'Fixture Send';
/** A fault for the message to one recipient only. */
const to = (recipient: string) => ({ ...sink, body: new RegExp(`"to":"\\${recipient}"`) });
const accepted = () => sinkStatuses(sim)[201] ?? 0;
const requests = () => sim.count(sink);

async function send(messages: Outgoing[], options: Record<string, string | number> = {}, node: Record<string, unknown> = {}) {
	return await runNode({ ...sendNode(options), ...node }, messages, await sinkStore(sim));
}

const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const KEYED = { idempotencyKey: '={{ $json.text }}-key' };

describe('Retry On Fail', () => {
	test('10 sends, the 7th refused once with HTTP 500: 11 requests, each customer gets one message', async () => {
		const messages = outgoingMessages(10, 10);
		sim.injectFault({ kind: 'status', status: 500, times: 1, match: to(messages[6].to) });
		const result = await send(messages, {}, RETRY_ON_FAIL);

		expect(result.error(NODE)).toBeUndefined();
		expect(result.output(NODE).map((item) => [item.json.to, item.pairedItem])).toEqual(messages.map((message, item) => [message.to, { item }]));
		expect(requests()).toBe(11);
		expect(accepted()).toBe(10);
	});

	test('without Retry On Fail the same run resends nothing: the failure names what was delivered', async () => {
		const messages = outgoingMessages(10, 10);
		sim.injectFault({ kind: 'status', status: 400, times: 1, match: to(messages[6].to) });
		const result = await send(messages);

		const error = result.error(NODE);
		expect(error?.message).toContain('HTTP 400');
		expect(error?.description).toContain('Delivered before this failure: 9 of 10 items (input items 1, 2, 3, 4, 5, 6, 8, 9 and 10).');
		expect(error?.description).toContain('"Retry execution" or running the workflow again would, unless Options → Idempotency Key is set');
		expect(accepted()).toBe(9);
	});
});

describe('Idempotency Key', () => {
	test('"Retry execution" of a failed run sends only what was not delivered; the rest come back alreadySent', async () => {
		const messages = outgoingMessages(10, 10);
		sim.injectFault({ kind: 'status', status: 400, times: 1, match: to(messages[6].to) });
		const failed = await send(messages, KEYED);
		expect(failed.error(NODE)?.description).toContain('Neither Retry On Fail nor "Retry execution" sends them again: their Idempotency Keys are recorded.');
		expect(accepted()).toBe(9);

		// A new execution over the same items, as "Retry execution" runs the failed node again.
		const retried = await send(messages, KEYED);
		expect(retried.error(NODE)).toBeUndefined();
		expect(accepted()).toBe(10);
		expect(requests()).toBe(11);
		const output = retried.output(NODE).map((item) => item.json);
		expect(output[6]).toEqual({ id: expect.any(String), to: messages[6].to });
		expect(output.filter((json) => json.alreadySent === true)).toHaveLength(9);
		expect(output[0]).toEqual({ alreadySent: true, idempotencyKey: 'message 0-key' });
	});

	test('a send that may have arrived (reset) keeps its key: a later run does not send it again', async () => {
		const messages = outgoingMessages(3, 3);
		sim.injectFault({ kind: 'reset', times: 1, match: to(messages[1].to) });
		const failed = await send(messages, KEYED);
		expect(failed.error(NODE)?.description).toContain('may have received this message');
		const before = requests();

		const again = await send(messages, KEYED);
		expect(again.error(NODE)).toBeUndefined();
		expect(again.output(NODE).map((item) => item.json.alreadySent)).toEqual([true, true, true]);
		expect(requests()).toBe(before);
	});

	test('items not sent because an earlier one failed the node give their keys back, and go out on the retry', async () => {
		const messages = outgoingMessages(30, 30);
		sim.setLatency(20, { provider: SINK_PROVIDER });
		sim.injectFault({ kind: 'status', status: 422, times: 1, match: to(messages[0].to) });
		const failed = await send(messages, KEYED);
		expect(failed.error(NODE)?.message).toContain('HTTP 422');
		expect(accepted()).toBe(0);

		const retried = await send(messages, KEYED);
		expect(retried.error(NODE)).toBeUndefined();
		expect(retried.output(NODE).filter((item) => item.json.alreadySent)).toEqual([]);
		expect(accepted()).toBe(30);
	});

	test('two items of one run with the same key: the second is not sent', async () => {
		const messages = [{ to: '+15550001', text: 'same' }, { to: '+15550002', text: 'same' }];
		const result = await send(messages, KEYED);
		expect(result.output(NODE).map((item) => item.json)).toEqual([
			{ id: expect.any(String), to: '+15550001' },
			{ alreadySent: true, idempotencyKey: 'same-key', sameKeyAsItem: 1 },
		]);
		expect(accepted()).toBe(1);
	});

	test("200 keyed sends at once lose no key to the store's read-modify-write", async () => {
		const messages = outgoingMessages(200, 50);
		sim.setLatency(5, { provider: SINK_PROVIDER });
		const result = await send(messages, KEYED);
		expect(result.error(NODE)).toBeUndefined();
		expect(messages.filter((message) => !store.has('engine-test', 'node-under-test', `${message.text}-key`))).toEqual([]);

		const again = await send(messages, KEYED);
		expect(again.output(NODE).every((item) => item.json.alreadySent === true)).toBe(true);
		expect(accepted()).toBe(200);
	});

	test('an empty key sends as without one', async () => {
		const messages = outgoingMessages(2, 2);
		await send(messages, { idempotencyKey: '' });
		await send(messages, { idempotencyKey: '' });
		expect(accepted()).toBe(4);
		expect(store.calls).toBe(0);
	});
});
