import { AdaptiveLimiter, INITIAL_WINDOW, LimiterClosedError, type Slot } from '../../nodes/shared/throttle';

/** Lets the limiter admit waiting requests (on a timer, after the answers at hand) and their continuations run. */
const settle = async () => {
	await new Promise((resolve) => setTimeout(resolve, 5));
	await new Promise((resolve) => setImmediate(resolve));
};

async function admitted(limiter: AdaptiveLimiter, count: number): Promise<{ slots: Slot[]; waiting: number }> {
	const slots: Slot[] = [];
	let waiting = 0;
	for (let index = 0; index < count; index++) {
		waiting++;
		void limiter.acquire().then((slot) => {
			waiting--;
			slots.push(slot);
		});
	}
	await settle();
	return { slots, get waiting() { return waiting; } };
}

describe('AdaptiveLimiter', () => {
	it('starts with the initial window', async () => {
		const run = await admitted(new AdaptiveLimiter(50), 30);
		expect(run.slots).toHaveLength(INITIAL_WINDOW);
		expect(new AdaptiveLimiter(3).limit).toBe(3);
	});

	it('grows while requests succeed (slow start), never beyond the upper bound', async () => {
		const limiter = new AdaptiveLimiter(25);
		const run = await admitted(limiter, 200);
		for (let round = 0; round < 6; round++) {
			for (const slot of run.slots.splice(0)) slot.release('ok');
			await settle();
			expect(run.slots.length).toBeLessThanOrEqual(25);
		}
		expect(limiter.limit).toBe(25);
		expect(limiter.peak).toBe(25);
	});

	it('admits a waiting request only once the event loop has taken the answers that already arrived', async () => {
		// Not in the middle of the answer that freed the room: a request started there (n8n's request helper spends
		// about 1 ms building it) would hold up the answers behind it. The event loop's next check phase admits it.
		const limiter = new AdaptiveLimiter(1, 1);
		const first = await limiter.acquire();
		let admitted = false;
		const second = limiter.acquire().then((slot) => {
			admitted = true;
			return slot;
		});
		first.release('ok');
		for (let turn = 0; turn < 10; turn++) await Promise.resolve();
		expect(admitted).toBe(false);
		await settle();
		expect(admitted).toBe(true);
		(await second).release('ok');
	});

	it('admits waiting requests in the order they asked', async () => {
		const limiter = new AdaptiveLimiter(1);
		const order: number[] = [];
		const requests = [0, 1, 2, 3].map(async (index) => {
			const slot = await limiter.acquire();
			order.push(index);
			await settle();
			slot.release('ok');
		});
		await Promise.all(requests);
		expect(order).toEqual([0, 1, 2, 3]);
	});

	it('shrinks on a throttle to what the provider holds, once per congestion event', async () => {
		const limiter = new AdaptiveLimiter(100, 17);
		const run = await admitted(limiter, 17);
		expect(run.slots).toHaveLength(17);
		// The provider holds the first 12 and throttles the 13th and later: the window becomes 12, and the other
		// throttles of that burst do not shrink it again.
		for (const slot of run.slots.slice(12)) slot.release('throttled');
		expect(limiter.limit).toBe(12);
		// Later requests grow it again, slowly near the level that was throttled.
		const later = run.slots.splice(0);
		for (const slot of later) slot.release('ok');
		await settle();
		expect(limiter.limit).toBe(12);
	});

	it('shrinks at most by half, and by at least one', async () => {
		const limiter = new AdaptiveLimiter(100, 16);
		const burst = await admitted(limiter, 16);
		burst.slots[2].release('throttled');
		expect(limiter.limit).toBe(8);

		const full = new AdaptiveLimiter(100, 5);
		const all = await admitted(full, 5);
		all.slots[4].release('throttled');
		expect(full.limit).toBe(4);
	});

	it('failures other than throttles neither grow nor shrink the window', async () => {
		const limiter = new AdaptiveLimiter(100);
		(await admitted(limiter, 1)).slots[0].release('ok');
		const before = limiter.limit;
		for (const slot of (await admitted(limiter, 5)).slots) slot.release('failed');
		expect(limiter.limit).toBe(before);
	});

	it('finds a provider limit of 10 and stays close to it', async () => {
		const limiter = new AdaptiveLimiter(50);
		let atProvider = 0;
		let throttles = 0;
		let delivered = 0;
		// Resends are bounded: a limiter that never shrinks would otherwise resend in a loop of microtasks (the
		// provider never gets a turn to answer) until the worker runs out of memory, instead of failing here.
		const THROTTLE_BUDGET = 40;
		const send = async (): Promise<void> => {
			while (throttles < THROTTLE_BUDGET) {
				const slot = await limiter.acquire();
				if (atProvider >= 10) {
					throttles++;
					slot.release('throttled');
					continue;
				}
				atProvider++;
				await settle();
				atProvider--;
				delivered++;
				slot.release('ok');
				return;
			}
		};
		await Promise.all(Array.from({ length: 400 }, send));
		expect(delivered).toBe(400);
		expect(throttles).toBeLessThan(THROTTLE_BUDGET);
		expect(limiter.limit).toBeGreaterThanOrEqual(8);
		expect(limiter.limit).toBeLessThanOrEqual(11);
	});

	it('after close, waiting and later requests are refused; those out finish', async () => {
		const limiter = new AdaptiveLimiter(1);
		const out = await limiter.acquire();
		const waiting = limiter.acquire();
		limiter.close();
		await expect(waiting).rejects.toThrow(LimiterClosedError);
		await expect(limiter.acquire()).rejects.toThrow(LimiterClosedError);
		out.release('ok');
	});

	it('nextCompletion waits for the next request out to finish; at once when none is out or after close', async () => {
		const limiter = new AdaptiveLimiter(10);
		await limiter.nextCompletion(); // none out
		const [first, second] = [await limiter.acquire(), await limiter.acquire()];
		let woken = 0;
		const waiting = limiter.nextCompletion().then(() => woken++);
		await Promise.resolve();
		expect(woken).toBe(0);
		second.release('ok');
		await waiting;
		expect(woken).toBe(1);
		const untilClose = limiter.nextCompletion();
		limiter.close();
		await untilClose;
		first.release('ok');
	});

	it.each([0, -1, 1.5, NaN])('refuses an upper bound of %p', (max) => {
		expect(() => new AdaptiveLimiter(max)).toThrow(RangeError);
	});
});

describe('AdaptiveLimiter.resumeFrom', () => {
	test('starts at the window an earlier execution settled on and grows by about one per round trip, not by slow start', async () => {
		const limiter = new AdaptiveLimiter(100).resumeFrom({ window: 10, ceiling: 20 });
		expect(limiter.limit).toBe(10);
		// Two round trips of ten requests (slow start would have grown it to 50).
		for (let trip = 0; trip < 2; trip++) {
			const slots = await Promise.all(Array.from({ length: 10 }, async () => await limiter.acquire()));
			for (const slot of slots) slot.release('ok');
		}
		expect(limiter.limit).toBe(11);
		expect(limiter.learned).toEqual({ window: 11, ceiling: 20 });
	});

	test('without a throttle it learns how many the provider held at once, and the next one slow-starts from there', async () => {
		const limiter = new AdaptiveLimiter(100);
		const first = await Promise.all(Array.from({ length: 20 }, async () => await limiter.acquire()));
		for (const slot of first) slot.release('ok');
		// Slow start: 20 successes grew the window to 60; the provider held 20 at once, no more than the initial window.
		expect(limiter.learned).toBeUndefined();
		const second = await Promise.all(Array.from({ length: 60 }, async () => await limiter.acquire()));
		for (const slot of second) slot.release('ok');
		expect(limiter.learned).toEqual({ window: 60, ceiling: Number.POSITIVE_INFINITY });
		const next = new AdaptiveLimiter(1000).resumeFrom({ window: 60, ceiling: Number.POSITIVE_INFINITY });
		expect(next.limit).toBe(60);
		const slots = await Promise.all(Array.from({ length: 60 }, async () => await next.acquire()));
		for (const slot of slots) slot.release('ok');
		expect(next.limit).toBe(180);
		// A small execution after it does not forget what the provider held.
		expect(new AdaptiveLimiter(1000).resumeFrom({ window: 60, ceiling: Number.POSITIVE_INFINITY }).learned).toEqual({ window: 60, ceiling: Number.POSITIVE_INFINITY });
	});

	test('a fresh limiter has learned nothing until it is throttled', async () => {
		const limiter = new AdaptiveLimiter(100);
		expect(limiter.learned).toBeUndefined();
		const slots = await Promise.all(Array.from({ length: 4 }, async () => await limiter.acquire()));
		slots[3].release('throttled');
		expect(limiter.learned).toEqual({ window: 10, ceiling: 20 });
	});
});
