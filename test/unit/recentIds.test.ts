import type { IDataObject } from 'n8n-workflow';

import { keepNew } from '../../nodes/shared/recentIds';

let workflows = 0;
/** What keepNew needs from a webhook context: a workflow of its own per test, and node static data. */
function context(staticData: IDataObject = {}) {
	const id = `unit-${++workflows}`;
	return { staticData, getWorkflow: () => ({ id }), getNode: () => ({ name: 'Trigger' }), getWorkflowStaticData: () => staticData };
}
const same = (id: string) => id;

describe('keepNew', () => {
	test('keeps first sightings in order, drops repeats within and across calls, keeps empty ids', () => {
		const ctx = context();
		expect(keepNew(ctx, ['a', 'b', 'a', ''], same, { key: 'ids' })).toEqual(['a', 'b', '']);
		expect(keepNew(ctx, ['b', 'c', ''], same, { key: 'ids' })).toEqual(['c', '']);
	});

	test('forgets the oldest beyond max', () => {
		const ctx = context();
		keepNew(ctx, ['a', 'b', 'c'], same, { key: 'ids', max: 2 });
		expect(keepNew(ctx, ['a', 'c'], same, { key: 'ids', max: 2 })).toEqual(['a']);
	});

	test('writes static data on the first new id, then at most once per interval', () => {
		let clock = 1_000;
		const ctx = context();
		const options = { key: 'ids', persistEveryMs: 60_000, now: () => clock };
		keepNew(ctx, ['a'], same, options);
		expect(ctx.staticData.ids).toEqual(['a']);
		clock += 59_999;
		keepNew(ctx, ['b'], same, options);
		expect(ctx.staticData.ids).toEqual(['a']);
		clock += 1;
		keepNew(ctx, ['b', 'c'], same, options);
		expect(ctx.staticData.ids).toEqual(['a', 'b', 'c']);
	});

	test('a new process starts from the persisted ids, ignoring anything that is not an id', () => {
		const first = context();
		keepNew(first, ['a', 'b'], same, { key: 'ids' });
		const restarted = context({ ids: [...(first.staticData.ids as string[]), 7, null] });
		expect(keepNew(restarted, ['a', 'b', 'c'], same, { key: 'ids' })).toEqual(['c']);
	});
});
