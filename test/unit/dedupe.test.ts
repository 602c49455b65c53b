import type { IDataObject } from 'n8n-workflow';
import { claimIds, claimKeys, DEFAULT_DEDUPE_KEY, refreshKeys, unsettled } from '../../nodes/shared/dedupe';

let scopes = 0;
/** A trigger node of its own (a fresh process memory). */
const scope = () => `unit-scope-${++scopes}`;

/** Static data as it comes back from n8n's database: a JSON copy. */
const reloaded = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

describe('claimIds, one id at a time with static data written on every call', () => {
	/** `seen(data, id)` claims one id like a delivery of one message whose execution started. */
	const node = () => {
		const here = scope();
		return (data: IDataObject, id: string, options: { max?: number; key?: string; persistMax?: number } = {}) => {
			const claim = claimIds(data, here, [id], { persistEveryMs: 0, ...options });
			claim.settle(true);
			return claim.isNew[0];
		};
	};

	it('returns true for a new id and false when it is seen again', () => {
		const seen = node();
		const data: IDataObject = {};
		expect(seen(data, 'm1')).toBe(true);
		expect(seen(data, 'm2')).toBe(true);
		expect(seen(data, 'm1')).toBe(false);
		expect(seen(data, 'm2')).toBe(false);
	});

	it('evicts the oldest ids beyond max', () => {
		const seen = node();
		const data: IDataObject = {};
		for (const id of ['a', 'b', 'c', 'd']) expect(seen(data, id, { max: 3 })).toBe(true);
		expect(seen(data, 'a', { max: 3 })).toBe(true); // forgotten, so new again
		expect(seen(data, 'd', { max: 3 })).toBe(false);
	});

	it('keeps the default bound of 1000, in memory and in static data', () => {
		const seen = node();
		const data: IDataObject = {};
		for (let i = 0; i < 1005; i++) seen(data, `id${i}`);
		expect((data[DEFAULT_DEDUPE_KEY] as string).length).toBe(1000 * 12);
		expect(seen(data, 'id4')).toBe(true);
		expect(seen(data, 'id1004')).toBe(false);
	});

	it('writes only the newest persistMax ids to static data while remembering max in memory; a restart knows those', () => {
		const seen = node();
		const data: IDataObject = {};
		for (let i = 0; i < 10; i++) seen(data, `id${i}`, { max: 8, persistMax: 3 });
		expect((data[DEFAULT_DEDUPE_KEY] as string).length).toBe(3 * 12);
		expect(seen(data, 'id2', { max: 8, persistMax: 3 })).toBe(false); // still in this process's memory
		const restarted = node();
		const copy = reloaded(data);
		// id2 was refreshed just now, so it is among the newest three with id8 and id9.
		for (const id of ['id2', 'id9', 'id8']) expect(restarted(copy, id)).toBe(false);
		expect(restarted(copy, 'id7')).toBe(true);
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
		const data: IDataObject = { other: 1 };
		const before = node();
		before(data, 'x');
		before(data, 'y');
		const after = node();
		const copy = reloaded(data);
		expect(after(copy, 'x')).toBe(false);
		expect(after(copy, 'z')).toBe(true);
		expect(copy.other).toBe(1);
	});

	it('keeps separate id spaces under separate keys', () => {
		const seen = node();
		const data: IDataObject = {};
		expect(seen(data, 'm1', { key: 'statusIds' })).toBe(true);
		expect(seen(data, 'm1', { key: 'messageIds' })).toBe(true);
		expect(seen(data, 'm1', { key: 'statusIds' })).toBe(false);
		expect(Object.keys(data).sort()).toEqual(['messageIds', 'statusIds']);
	});

	it('reads what earlier versions stored (the ids themselves) and ignores what is not an id', () => {
		const mixed: IDataObject = { [DEFAULT_DEDUPE_KEY]: ['a', 5, null, { x: 1 }] as unknown as string[] };
		const seen = node();
		expect(seen(mixed, 'a')).toBe(false);
		expect(seen(mixed, 'b')).toBe(true);
		expect(typeof mixed[DEFAULT_DEDUPE_KEY]).toBe('string');
		expect(node()({ [DEFAULT_DEDUPE_KEY]: 12 }, 'a')).toBe(true);
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
	test('a new process starts from the ids an earlier one persisted', () => {
		const staticData = { seenMessageIds: ['a', 'b'] };
		expect(claimIds(staticData, scope(), ['a', 'c', 'b', 'c']).isNew).toEqual([false, true, false, false]);
	});

	test('static data is written at most every persistEveryMs, with all ids remembered so far', () => {
		let clock = 1_000;
		const options = { persistEveryMs: 5_000, now: () => clock };
		const staticData: IDataObject = {};
		const here = scope();
		claimIds(staticData, here, ['a'], options);
		const first = staticData.seenMessageIds;
		expect(typeof first).toBe('string');
		clock += 4_999;
		claimIds(staticData, here, ['b'], options);
		expect(staticData.seenMessageIds).toBe(first);
		clock += 1;
		claimIds(staticData, here, ['c'], options);
		expect((staticData.seenMessageIds as string).length).toBe(3 * 12);
		expect(claimIds(reloaded(staticData), scope(), ['a', 'b', 'c', 'd']).isNew).toEqual([false, false, false, true]);
	});

	test('static data holds 72-bit digests, 12 characters an id, and never the ids themselves', () => {
		const staticData: IDataObject = {};
		const ids = Array.from({ length: 10_000 }, (_, index) => `ABEGZ${index}KwIGEBAQIFGhAnJrIQ`);
		claimIds(staticData, scope(), ids, { max: 10_000, persistEveryMs: 0 });
		const stored = staticData.seenMessageIds as string;
		expect(stored).toHaveLength(120_000);
		expect(stored).not.toContain('KwIGEBAQ');
		expect(claimIds(reloaded(staticData), scope(), [ids[0], ids[9_999], 'other'], { max: 10_000 }).isNew).toEqual([false, false, true]);
	});

	test('ids without a value are always new and never remembered', () => {
		const staticData: IDataObject = {};
		expect(claimIds(staticData, scope(), [undefined, '', undefined]).isNew).toEqual([true, true, true]);
		expect(staticData).toEqual({});
	});
});

describe('verdicts', () => {
	test('settle(false) forgets what the claim added, so the provider\'s retry runs; settle(true) keeps it', () => {
		const here = scope();
		const data: IDataObject = {};
		const failed = claimIds(data, here, ['a', 'b']);
		failed.settle(false);
		const retry = claimIds(data, here, ['a', 'b', 'c']);
		expect(retry.isNew).toEqual([true, true, true]);
		retry.settle(true);
		expect(claimIds(data, here, ['a', 'b', 'c']).isNew).toEqual([false, false, false]);
	});

	test('settle(false) gives back only the ids this claim added', () => {
		const here = scope();
		const first = claimIds({}, here, ['a']);
		first.settle(true);
		const second = claimIds({}, here, ['a', 'b']);
		second.settle(false);
		expect(claimIds({}, here, ['a', 'b']).isNew).toEqual([false, true]);
	});

	test('an unsettled claim is awaitable by a retry of the same ids, and only until it is settled', async () => {
		const here = scope();
		const claim = claimIds({}, here, ['a', 'b']);
		expect(unsettled(here, ['x'])).toEqual([]);
		const verdicts = unsettled(here, ['b', 'x']);
		expect(verdicts).toHaveLength(1);
		let done = false;
		void Promise.all(verdicts).then(() => (done = true));
		await Promise.resolve();
		expect(done).toBe(false);
		claim.settle(true);
		await Promise.all(verdicts);
		expect(done).toBe(true);
		expect(unsettled(here, ['a', 'b'])).toEqual([]);
	});
});

describe('claimKeys with values and a window (CTLive: a payload and the message ids it was answered with)', () => {
	const WINDOW = 60_000;
	const T0 = Date.UTC(2026, 0, 1);
	const options = (at: number) => ({ key: 'deliveries', max: 1000, windowMs: WINDOW, persistEveryMs: 0, now: () => at });
	let next = 0;
	const newIds = (count: number) => () => Array.from({ length: count }, () => `id-${++next}`);

	test('a resend within the window gets the first values, also in a new process; after it, new ones', () => {
		const data: IDataObject = {};
		const first = claimKeys(data, scope(), ['k'], options(T0), newIds(2));
		expect(first.isNew).toEqual([true]);
		const again = claimKeys(reloaded(data), scope(), ['k'], options(T0 + WINDOW - 1), newIds(2));
		expect(again).toMatchObject({ isNew: [false], values: [first.values[0]] });
		const later = claimKeys(reloaded(data), scope(), ['k'], options(T0 + WINDOW), newIds(2));
		expect(later.isNew).toEqual([true]);
		expect(later.values[0]).not.toEqual(first.values[0]);
	});

	test('bounded by the number of values, oldest first out, the newest always kept', () => {
		const here = scope();
		const data: IDataObject = {};
		claimKeys(data, here, ['small'], options(T0), newIds(3));
		const big = claimKeys(data, here, ['big'], options(T0 + 1), newIds(1500));
		expect((data.deliveries as unknown[]).length).toBe(1);
		expect(claimKeys(reloaded(data), scope(), ['big'], options(T0 + 2), newIds(1500)).values[0]).toEqual(big.values[0]);
		expect(claimKeys(reloaded(data), scope(), ['small'], options(T0 + 2), newIds(3)).isNew).toEqual([true]);
	});
});

describe('refreshKeys (after a long webhook call, whose copy of static data is as old as the call)', () => {
	test('an old copy gets every id remembered since; a copy holding them all is not written again', () => {
		const options = { persistEveryMs: 60_000 };
		const here = scope();
		const oldCopy: IDataObject = {};
		claimIds(oldCopy, here, ['a'], options);
		claimIds({}, here, ['b'], options);
		expect((oldCopy.seenMessageIds as string).length).toBe(12);
		refreshKeys(oldCopy, here);
		expect(claimIds(reloaded(oldCopy), scope(), ['a', 'b', 'c']).isNew).toEqual([false, false, true]);

		// A resend only reorders the memory: nothing to write, so n8n has no static data to save.
		claimIds({}, here, ['a'], options);
		const watched = new Proxy(reloaded(oldCopy), { set: () => { throw new Error('written'); } });
		expect(() => refreshKeys(watched, here)).not.toThrow();
	});
});
