import { runPool } from '../../nodes/shared/pool';

/** Yields to the event loop `n` times, so workers finish in an order unrelated to their start order. */
async function ticks(n: number): Promise<void> {
	for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('runPool', () => {
	it('returns results in input order regardless of completion order', async () => {
		const items = [5, 1, 4, 2, 3];
		const results = await runPool(items, { concurrency: 5 }, async (delay) => {
			await ticks(delay * 3);
			return delay * 10;
		});
		expect(results).toEqual(items.map((delay) => ({ status: 'fulfilled', value: delay * 10 })));
	});

	it('keeps items with the same key strictly sequential and in input order', async () => {
		const recipients = ['a', 'b', 'a', 'c', 'a', 'b', 'c', 'a', 'b', 'a'];
		const delays = [9, 1, 2, 7, 1, 5, 0, 3, 8, 1];
		const started: number[] = [];
		const finished: number[] = [];
		const activePerKey = new Map<string, number>();
		let overlapSameKey = false;

		await runPool(
			recipients,
			{ concurrency: 4, keyOf: (recipient) => recipient },
			async (recipient, index) => {
				const active = (activePerKey.get(recipient) ?? 0) + 1;
				activePerKey.set(recipient, active);
				if (active > 1) overlapSameKey = true;
				started.push(index);
				await ticks(delays[index]);
				finished.push(index);
				activePerKey.set(recipient, active - 1);
			},
		);

		expect(overlapSameKey).toBe(false);
		for (const key of ['a', 'b', 'c']) {
			const expected = recipients.map((r, i) => (r === key ? i : -1)).filter((i) => i >= 0);
			expect(started.filter((i) => recipients[i] === key)).toEqual(expected);
			expect(finished.filter((i) => recipients[i] === key)).toEqual(expected);
		}
		// Different keys did overlap: item 1 (b, fast) finished before item 0 (a, slow).
		expect(finished.indexOf(1)).toBeLessThan(finished.indexOf(0));
	});

	it('reaches but never exceeds the concurrency limit', async () => {
		let running = 0;
		let maxRunning = 0;
		const items = Array.from({ length: 40 }, (_, i) => i);
		await runPool(items, { concurrency: 7 }, async (i) => {
			running++;
			maxRunning = Math.max(maxRunning, running);
			await ticks((i * 7) % 5);
			running--;
		});
		expect(maxRunning).toBe(7);
	});

	it('counts the limit across keys and unkeyed items together', async () => {
		let running = 0;
		let maxRunning = 0;
		const items = Array.from({ length: 30 }, (_, i) => i);
		await runPool(
			items,
			{ concurrency: 3, keyOf: (i) => (i % 3 === 0 ? undefined : `k${i % 4}`) },
			async (i) => {
				running++;
				maxRunning = Math.max(maxRunning, running);
				await ticks(i % 4);
				running--;
			},
		);
		expect(maxRunning).toBe(3);
	});

	it('runs items with undefined keys concurrently', async () => {
		let running = 0;
		let maxRunning = 0;
		await runPool([1, 2, 3, 4], { concurrency: 10, keyOf: () => undefined }, async () => {
			running++;
			maxRunning = Math.max(maxRunning, running);
			await ticks(2);
			running--;
		});
		expect(maxRunning).toBe(4);
	});

	it('runs all items one at a time when they share one key', async () => {
		let running = 0;
		let maxRunning = 0;
		const order: number[] = [];
		await runPool([0, 1, 2, 3, 4], { concurrency: 5, keyOf: () => 'same' }, async (i) => {
			running++;
			maxRunning = Math.max(maxRunning, running);
			await ticks(5 - i);
			order.push(i);
			running--;
		});
		expect(maxRunning).toBe(1);
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});

	it('does not let a rejection stop other items, including later items of the same key', async () => {
		const seen: number[] = [];
		const results = await runPool(
			[0, 1, 2, 3],
			{ concurrency: 2, keyOf: (i) => (i < 3 ? 'k' : undefined) },
			async (i) => {
				seen.push(i);
				await ticks(1);
				if (i === 1) throw new Error('boom');
				return i;
			},
		);
		expect(seen.sort()).toEqual([0, 1, 2, 3]);
		expect(results[0]).toEqual({ status: 'fulfilled', value: 0 });
		expect(results[1].status).toBe('rejected');
		expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('boom'));
		expect(results[2]).toEqual({ status: 'fulfilled', value: 2 });
		expect(results[3]).toEqual({ status: 'fulfilled', value: 3 });
	});

	it('treats a synchronously throwing worker like a rejecting one', async () => {
		const results = await runPool([1, 2], { concurrency: 1 }, ((i: number) => {
			if (i === 1) throw new Error('sync');
			return Promise.resolve(i);
		}) as (i: number) => Promise<number>);
		expect(results[0].status).toBe('rejected');
		expect(results[1]).toEqual({ status: 'fulfilled', value: 2 });
	});

	it('records a throwing keyOf as that item\'s rejection and still runs the others', async () => {
		const ran: number[] = [];
		const results = await runPool(
			[0, 1, 2],
			{
				concurrency: 2,
				keyOf: (i) => {
					if (i === 1) throw new Error('no recipient');
					return 'k';
				},
			},
			async (i) => {
				ran.push(i);
				return i;
			},
		);
		expect(ran).toEqual([0, 2]);
		expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('no recipient') });
		expect(results[2]).toEqual({ status: 'fulfilled', value: 2 });
	});

	it('handles an empty list and a list where every keyOf fails', async () => {
		expect(await runPool([], { concurrency: 3 }, async () => 1)).toEqual([]);
		const results = await runPool([1], { concurrency: 1, keyOf: () => { throw new Error('x'); } }, async () => 1);
		expect(results[0].status).toBe('rejected');
	});

	it('handles workers that resolve immediately without deep recursion', async () => {
		const items = Array.from({ length: 20000 }, (_, i) => i);
		const results = await runPool(items, { concurrency: 4, keyOf: (i) => `k${i % 10}` }, async (i) => i);
		expect(results).toHaveLength(20000);
		expect(results[19999]).toEqual({ status: 'fulfilled', value: 19999 });
	});

	it('does not let an item waiting for its key hold back other keys', async () => {
		const started: number[] = [];
		await runPool(['a', 'a', 'b'], { concurrency: 2, keyOf: (r) => r }, async (_r, i) => {
			started.push(i);
			await ticks(i === 0 ? 10 : 1);
		});
		// Item 2 (key b) takes the free slot while item 1 waits behind item 0.
		expect(started).toEqual([0, 2, 1]);
	});

	it('starts ready items in input order when slots free up', async () => {
		const started: number[] = [];
		await runPool([0, 1, 2, 3, 4, 5], { concurrency: 1 }, async (i) => {
			started.push(i);
			await ticks(1);
		});
		expect(started).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it.each([0, -1, 1.5, NaN, Infinity])('rejects an invalid concurrency %p', async (concurrency) => {
		await expect(runPool([1], { concurrency }, async () => 1)).rejects.toThrow(RangeError);
	});

	it('reads a concurrency function whenever a worker could start', async () => {
		let limit = 1;
		let running = 0;
		const seen: number[] = [];
		await runPool(Array.from({ length: 12 }, (_, i) => i), { concurrency: () => limit }, async () => {
			running++;
			seen.push(running);
			await new Promise((resolve) => setImmediate(resolve));
			limit = Math.min(limit + 1, 4);
			running--;
		});
		expect(Math.max(...seen)).toBe(4);
		expect(seen[0]).toBe(1);
	});

	it('treats a concurrency function result below 1 as 1', async () => {
		const results = await runPool([1, 2, 3], { concurrency: () => 0 }, async (i) => i);
		expect(results.map((result) => (result as PromiseFulfilledResult<number>).value)).toEqual([1, 2, 3]);
	});
});
