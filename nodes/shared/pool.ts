/**
 * Per-item worker pool.
 *
 * Chat APIs are slow per call, so items run concurrently, but messages to the same recipient must arrive in the
 * order the workflow produced them. Items that share a key therefore form a queue that runs one at a time, in
 * input order; items with different (or no) keys run side by side, never more than `concurrency` at once.
 * No timers: progress is driven only by worker completions (timers are banned globals in n8n Cloud).
 */

export interface PoolOptions<T> {
	/**
	 * Maximum number of workers running at the same time (integer >= 1), or a function read whenever a worker
	 * could start, for a bound that changes while the pool runs (its results below 1 count as 1).
	 */
	concurrency: number | (() => number);
	/** Ordering key (recipient, conversation). `undefined` = no ordering constraint for this item. */
	keyOf?: (item: T, index: number) => string | undefined;
}

/** Min-heap of item indices, so the ready item that came first in the input always starts first. */
class IndexHeap {
	private readonly heap: number[] = [];

	get size(): number {
		return this.heap.length;
	}

	push(value: number): void {
		const heap = this.heap;
		heap.push(value);
		let i = heap.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (heap[parent] <= heap[i]) break;
			[heap[parent], heap[i]] = [heap[i], heap[parent]];
			i = parent;
		}
	}

	pop(): number | undefined {
		const heap = this.heap;
		if (heap.length === 0) return undefined;
		const top = heap[0];
		const last = heap.pop() as number;
		if (heap.length > 0) {
			heap[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < heap.length && heap[left] < heap[smallest]) smallest = left;
				if (right < heap.length && heap[right] < heap[smallest]) smallest = right;
				if (smallest === i) break;
				[heap[smallest], heap[i]] = [heap[i], heap[smallest]];
				i = smallest;
			}
		}
		return top;
	}
}

/**
 * Runs `worker` over `items` and settles with one `PromiseSettledResult` per item, in input order.
 * A rejecting item (or a throwing `keyOf`) only affects its own result; later items of the same key still run.
 */
export async function runPool<T, R>(
	items: readonly T[],
	options: PoolOptions<T>,
	worker: (item: T, index: number) => Promise<R>,
): Promise<Array<PromiseSettledResult<R>>> {
	const { concurrency, keyOf } = options;
	if (typeof concurrency !== 'function' && (!Number.isInteger(concurrency) || concurrency < 1)) {
		throw new RangeError(`Pool concurrency must be an integer of at least 1, got ${String(concurrency)}`);
	}
	const bound = typeof concurrency === 'function' ? () => Math.max(1, concurrency()) : () => concurrency;

	const total = items.length;
	const results = new Array<PromiseSettledResult<R>>(total);
	if (total === 0) return results;

	const keys = new Array<string | undefined>(total);
	// Items waiting behind an earlier item of the same key; the head of each key is in `ready` or running.
	const waiting = new Map<string, number[]>();
	const ready = new IndexHeap();
	let settled = 0;

	for (let index = 0; index < total; index++) {
		let key: string | undefined;
		try {
			key = keyOf?.(items[index], index);
		} catch (error) {
			results[index] = { status: 'rejected', reason: error };
			settled++;
			continue;
		}
		keys[index] = key;
		if (key === undefined) {
			ready.push(index);
		} else if (waiting.has(key)) {
			(waiting.get(key) as number[]).push(index);
		} else {
			waiting.set(key, []);
			ready.push(index);
		}
	}
	if (settled === total) return results;

	return await new Promise((resolve) => {
		let running = 0;

		const finish = (index: number, result: PromiseSettledResult<R>) => {
			results[index] = result;
			settled++;
			running--;
			const key = keys[index];
			if (key !== undefined) {
				const queue = waiting.get(key) as number[];
				const next = queue.shift();
				if (next === undefined) waiting.delete(key);
				else ready.push(next);
			}
			if (settled === total) resolve(results);
			else fill();
		};

		const start = (index: number) => {
			running++;
			let promise: Promise<R>;
			try {
				promise = Promise.resolve(worker(items[index], index));
			} catch (error) {
				// A worker that throws synchronously is treated like one that rejects.
				promise = Promise.reject(error);
			}
			promise.then(
				(value) => finish(index, { status: 'fulfilled', value }),
				(reason: unknown) => finish(index, { status: 'rejected', reason }),
			);
		};

		const fill = () => {
			while (running < bound() && ready.size > 0) start(ready.pop() as number);
		};

		fill();
	});
}
