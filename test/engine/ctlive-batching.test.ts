import { startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { ctliveStore, MESSAGE_ROUTE, sendText } from './ctlive.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('Items per Request', () => {
	test('posts several items as one results array, in input order, each output paired with its input', async () => {
		const items = Array.from({ length: 5 }, (_, index) => ({ from: `38591000000${index % 2}`, text: `m${index}` }));
		const result = await runNode(sendText({ options: { itemsPerRequest: 2 } }), items, await ctliveStore(sim));
		expect(sim.log.map((entry) => (entry.body as { results: Array<{ message: { text: string } }> }).results.map((r) => r.message.text))).toEqual([
			['m0', 'm1'],
			['m2', 'm3'],
			['m4'],
		]);
		expect(result.output('CTLive').map((item) => [item.pairedItem, (item.json.message as { text: string }).text])).toEqual(
			items.map((item, index) => [{ item: index }, item.text]),
		);
	});

	test('a refused request fails each of its items; invalid items are left out of the groups', async () => {
		sim.injectFault({ match: { provider: 'ctlive', route: MESSAGE_ROUTE }, kind: 'status', status: 400, body: { requestError: { serviceException: { messageId: 'BAD_REQUEST', text: 'no' } } }, times: 1 });
		const items = [{ from: '1', text: 'a' }, { from: '', text: 'invalid' }, { from: '2', text: 'b' }, { from: '3', text: 'c' }];
		const result = await runNode(sendText({ options: { itemsPerRequest: 2 } }, { onError: 'continueRegularOutput' }), items, await ctliveStore(sim));
		expect(result.output('CTLive').map((item) => [item.pairedItem, item.json.error ?? 'sent'])).toEqual([
			[{ item: 0 }, 'CTLive: no (HTTP 400)'],
			[{ item: 1 }, expect.stringMatching(/^From: must not be empty/)],
			[{ item: 2 }, 'CTLive: no (HTTP 400)'],
			[{ item: 3 }, 'sent'],
		]);
		expect(sim.log.map((entry) => (entry.body as { results: unknown[] }).results.length)).toEqual([2, 1]);
	});

	test('refuses a size above 100 before any request', async () => {
		const result = await runNode(sendText({ options: { itemsPerRequest: 500 } }), [{ from: '1', text: 'a' }], await ctliveStore(sim));
		expect(result.error('CTLive')?.message).toMatch(/^Items per Request: must be a whole number from 1 to 100/);
		expect(sim.log).toHaveLength(0);
	});
});
