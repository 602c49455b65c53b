import type { IDataObject } from 'n8n-workflow';
import { claimIds, DEFAULT_DEDUPE_KEY } from '../../nodes/shared/dedupe';

describe('claimIds, one id at a time with static data written on every call', () => {
	let scopes = 0;
	/** A trigger node of its own (a fresh process memory); `seen` claims one id like a delivery of one message. */
	const node = () => {
		const scope = `single-${++scopes}`;
		return (data: IDataObject, id: string, options: { max?: number; key?: string } = {}) =>
			claimIds(data, scope, [id], { persistEveryMs: 0, ...options })[0];
	};

	it('returns true for a new id and false when it is seen again', () => {
		const seen = node();
		const data: IDataObject = {};
		expect(seen(data, 'm1')).toBe(true);
		expect(seen(data, 'm2')).toBe(true);
		expect(seen(data, 'm1')).toBe(false);
		expect(seen(data, 'm2')).toBe(false);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['m1', 'm2']);
	});

	it('evicts the oldest ids beyond max', () => {
		const seen = node();
		const data: IDataObject = {};
		for (const id of ['a', 'b', 'c', 'd']) expect(seen(data, id, { max: 3 })).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['b', 'c', 'd']);
		expect(seen(data, 'a', { max: 3 })).toBe(true); // forgotten, so new again
		expect(seen(data, 'd', { max: 3 })).toBe(false);
	});

	it('keeps the default bound of 1000', () => {
		const seen = node();
		const data: IDataObject = {};
		for (let i = 0; i < 1005; i++) seen(data, `id${i}`);
		const ids = data[DEFAULT_DEDUPE_KEY] as string[];
		expect(ids).toHaveLength(1000);
		expect(ids[0]).toBe('id5');
		expect(seen(data, 'id4')).toBe(true);
		expect(seen(data, 'id1004')).toBe(false);
	});

	it('refreshes an id that is resent, so it survives eviction', () => {
		const seen = node();
		const data: IDataObject = {};
		seen(data, 'a', { max: 2 });
		seen(data, 'b', { max: 2 });
		expect(seen(data, 'a', { max: 2 })).toBe(false);
		seen(data, 'c', { max: 2 }); // evicts b, not a
		expect(seen(data, 'a', { max: 2 })).toBe(false);
		expect(seen(data, 'b', { max: 2 })).toBe(true);
	});

	it('survives a JSON round trip of the static data into a new process', () => {
		let data: IDataObject = { other: 1 };
		const before = node();
		before(data, 'x');
		before(data, 'y');
		data = JSON.parse(JSON.stringify(data)) as IDataObject;
		const after = node();
		expect(after(data, 'x')).toBe(false);
		expect(after(data, 'z')).toBe(true);
		expect(data.other).toBe(1);
	});

	it('keeps separate id spaces under separate keys', () => {
		const seen = node();
		const data: IDataObject = {};
		expect(seen(data, 'm1', { key: 'statusIds' })).toBe(true);
		expect(seen(data, 'm1', { key: 'messageIds' })).toBe(true);
		expect(seen(data, 'm1', { key: 'statusIds' })).toBe(false);
		expect(data).toEqual({ statusIds: ['m1'], messageIds: ['m1'] });
	});

	it('repairs corrupted static data instead of throwing', () => {
		const data: IDataObject = { [DEFAULT_DEDUPE_KEY]: 'not an array' };
		expect(node()(data, 'a')).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['a']);
		const mixed: IDataObject = { [DEFAULT_DEDUPE_KEY]: ['a', 5, null, { x: 1 }] as unknown as string[] };
		const seen = node();
		expect(seen(mixed, 'a')).toBe(false);
		// Rewritten with the next new id, without what was not an id.
		expect(seen(mixed, 'b')).toBe(true);
		expect(mixed[DEFAULT_DEDUPE_KEY]).toEqual(['a', 'b']);
	});

	it('treats an empty id as new and does not record it', () => {
		const seen = node();
		const data: IDataObject = {};
		expect(seen(data, '')).toBe(true);
		expect(seen(data, '')).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toBeUndefined();
	});

	it.each([0, -5, 2.5, NaN])('rejects an invalid max %p', (max) => {
		expect(() => node()({}, 'a', { max })).toThrow(RangeError);
	});
});

describe('claimIds', () => {
	let scopes = 0;
	const scope = () => `unit-scope-${++scopes}`;

	test('a new process starts from the ids an earlier one persisted', () => {
		const staticData = { seenMessageIds: ['a', 'b'] };
		expect(claimIds(staticData, scope(), ['a', 'c', 'b', 'c'])).toEqual([false, true, false, false]);
	});

	test('static data is written at most every persistEveryMs, with all ids remembered so far', () => {
		let clock = 1_000;
		const options = { persistEveryMs: 5_000, now: () => clock };
		const staticData: IDataObject = {};
		const here = scope();
		claimIds(staticData, here, ['a'], options);
		expect(staticData.seenMessageIds).toEqual(['a']);
		clock += 4_999;
		claimIds(staticData, here, ['b'], options);
		expect(staticData.seenMessageIds).toEqual(['a']);
		clock += 1;
		claimIds(staticData, here, ['c'], options);
		expect(staticData.seenMessageIds).toEqual(['a', 'b', 'c']);
	});

	test('bounded: beyond max the oldest ids are forgotten, in memory and in static data', () => {
		const staticData: IDataObject = {};
		const here = scope();
		claimIds(staticData, here, ['a', 'b', 'c'], { max: 2, persistEveryMs: 0 });
		expect(staticData.seenMessageIds).toEqual(['b', 'c']);
		expect(claimIds(staticData, here, ['a', 'c'], { max: 2, persistEveryMs: 0 })).toEqual([true, false]);
	});

	test('ids without a value are always new and never remembered', () => {
		const staticData: IDataObject = {};
		expect(claimIds(staticData, scope(), [undefined, '', undefined])).toEqual([true, true, true]);
		expect(staticData).toEqual({});
	});
});
