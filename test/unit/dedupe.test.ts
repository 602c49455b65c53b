import type { IDataObject } from 'n8n-workflow';
import { claimIds, DEFAULT_DEDUPE_KEY, markSeen } from '../../nodes/shared/dedupe';

describe('markSeen', () => {
	it('returns true for a new id and false when it is seen again', () => {
		const data: IDataObject = {};
		expect(markSeen(data, 'm1')).toBe(true);
		expect(markSeen(data, 'm2')).toBe(true);
		expect(markSeen(data, 'm1')).toBe(false);
		expect(markSeen(data, 'm2')).toBe(false);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['m1', 'm2']);
	});

	it('evicts the oldest ids beyond max', () => {
		const data: IDataObject = {};
		for (const id of ['a', 'b', 'c', 'd']) expect(markSeen(data, id, { max: 3 })).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['b', 'c', 'd']);
		expect(markSeen(data, 'a', { max: 3 })).toBe(true); // forgotten, so new again
		expect(markSeen(data, 'd', { max: 3 })).toBe(false);
	});

	it('keeps the default bound of 1000', () => {
		const data: IDataObject = {};
		for (let i = 0; i < 1005; i++) markSeen(data, `id${i}`);
		const ids = data[DEFAULT_DEDUPE_KEY] as string[];
		expect(ids).toHaveLength(1000);
		expect(ids[0]).toBe('id5');
		expect(markSeen(data, 'id4')).toBe(true);
		expect(markSeen(data, 'id1004')).toBe(false);
	});

	it('refreshes an id that is resent, so it survives eviction', () => {
		const data: IDataObject = {};
		markSeen(data, 'a', { max: 2 });
		markSeen(data, 'b', { max: 2 });
		expect(markSeen(data, 'a', { max: 2 })).toBe(false);
		markSeen(data, 'c', { max: 2 }); // evicts b, not a
		expect(markSeen(data, 'a', { max: 2 })).toBe(false);
		expect(markSeen(data, 'b', { max: 2 })).toBe(true);
	});

	it('survives a JSON round trip of the static data', () => {
		let data: IDataObject = { other: 1 };
		markSeen(data, 'x');
		markSeen(data, 'y');
		data = JSON.parse(JSON.stringify(data)) as IDataObject;
		expect(markSeen(data, 'x')).toBe(false);
		expect(markSeen(data, 'z')).toBe(true);
		expect(data.other).toBe(1);
	});

	it('keeps separate id spaces under separate keys', () => {
		const data: IDataObject = {};
		expect(markSeen(data, 'm1', { key: 'statusIds' })).toBe(true);
		expect(markSeen(data, 'm1', { key: 'messageIds' })).toBe(true);
		expect(markSeen(data, 'm1', { key: 'statusIds' })).toBe(false);
		expect(data).toEqual({ statusIds: ['m1'], messageIds: ['m1'] });
	});

	it('repairs corrupted static data instead of throwing', () => {
		const data: IDataObject = { [DEFAULT_DEDUPE_KEY]: 'not an array' };
		expect(markSeen(data, 'a')).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toEqual(['a']);
		const mixed: IDataObject = { [DEFAULT_DEDUPE_KEY]: ['a', 5, null, { x: 1 }] as unknown as string[] };
		expect(markSeen(mixed, 'a')).toBe(false);
		expect(mixed[DEFAULT_DEDUPE_KEY]).toEqual(['a']);
	});

	it('treats an empty id as new and does not record it', () => {
		const data: IDataObject = {};
		expect(markSeen(data, '')).toBe(true);
		expect(markSeen(data, '')).toBe(true);
		expect(data[DEFAULT_DEDUPE_KEY]).toBeUndefined();
	});

	it.each([0, -5, 2.5, NaN])('rejects an invalid max %p', (max) => {
		expect(() => markSeen({}, 'a', { max })).toThrow(RangeError);
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
