import { collectPages, type Page } from '../../nodes/shared/paging';

/** A provider holding `count` items (0, 1, 2, …) behind page-number pagination; records every request. */
function fakeProvider(count: number, report: { total?: boolean; hasMore?: boolean; firstPage?: 0 | 1 } = {}) {
	const items = Array.from({ length: count }, (_, index) => index);
	const requests: Array<[page: number, pageSize: number]> = [];
	const fetchPage = async (page: number, pageSize: number): Promise<Page<number>> => {
		requests.push([page, pageSize]);
		const start = (page - (report.firstPage ?? 1)) * pageSize;
		return {
			items: items.slice(start, start + pageSize),
			...(report.total ? { total: count } : {}),
			...(report.hasMore ? { hasMore: start + pageSize < count } : {}),
		};
	};
	return { items, requests, fetchPage };
}

describe('collectPages', () => {
	it('returns all items with the largest page size, stopping at the first short page', async () => {
		const provider = fakeProvider(250);
		await expect(collectPages(provider.fetchPage, { maxPageSize: 100 })).resolves.toEqual(provider.items);
		expect(provider.requests).toEqual([[1, 100], [2, 100], [3, 100]]);
	});

	it('asks for one empty page more when the last page is exactly full and nothing says it is the last', async () => {
		const provider = fakeProvider(200);
		await expect(collectPages(provider.fetchPage, { maxPageSize: 100 })).resolves.toHaveLength(200);
		expect(provider.requests).toEqual([[1, 100], [2, 100], [3, 100]]);
	});

	it.each([
		['total', { total: true }],
		['hasMore', { hasMore: true }],
	])('stops on a full last page when the provider reports %s', async (_, report) => {
		const provider = fakeProvider(200, report);
		await expect(collectPages(provider.fetchPage, { maxPageSize: 100 })).resolves.toHaveLength(200);
		expect(provider.requests).toEqual([[1, 100], [2, 100]]);
	});

	it('counts pages from 0 when told', async () => {
		const provider = fakeProvider(15, { firstPage: 0 });
		await expect(collectPages(provider.fetchPage, { maxPageSize: 10, firstPage: 0 })).resolves.toEqual(provider.items);
		expect(provider.requests).toEqual([[0, 10], [1, 10]]);
	});

	it('asks for no more than the limit when it is below the largest page', async () => {
		const provider = fakeProvider(500);
		const items = await collectPages(provider.fetchPage, { limit: 7, maxPageSize: 100 });
		expect(items).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(provider.requests).toEqual([[1, 7]]);
	});

	it('keeps the page size constant across pages and cuts the last page to the limit', async () => {
		const provider = fakeProvider(500);
		const items = await collectPages(provider.fetchPage, { limit: 130, maxPageSize: 50 });
		expect(items).toEqual(provider.items.slice(0, 130));
		expect(provider.requests).toEqual([[1, 50], [2, 50], [3, 50]]);
	});

	it('asks for the provider minimum when the limit is smaller, then cuts', async () => {
		const provider = fakeProvider(100);
		const items = await collectPages(provider.fetchPage, { limit: 3, maxPageSize: 100, minPageSize: 25 });
		expect(items).toEqual([0, 1, 2]);
		expect(provider.requests).toEqual([[1, 25]]);
	});

	it('returns fewer items than the limit when the provider has fewer', async () => {
		const provider = fakeProvider(4);
		await expect(collectPages(provider.fetchPage, { limit: 10, maxPageSize: 100 })).resolves.toEqual([0, 1, 2, 3]);
		expect(provider.requests).toHaveLength(1);
	});

	it('returns nothing for an empty first page', async () => {
		const provider = fakeProvider(0);
		await expect(collectPages(provider.fetchPage, { maxPageSize: 100 })).resolves.toEqual([]);
		expect(provider.requests).toHaveLength(1);
	});

	it('fails instead of truncating when the page bound is hit with more to come', async () => {
		const provider = fakeProvider(1000);
		await expect(collectPages(provider.fetchPage, { maxPageSize: 10, maxPages: 3 })).rejects.toThrow(
			'Stopped after 3 pages of 10 items with more still to come',
		);
		expect(provider.requests).toHaveLength(3);
	});

	it('succeeds when the last page needed is exactly the bound', async () => {
		const provider = fakeProvider(30, { hasMore: true });
		await expect(collectPages(provider.fetchPage, { maxPageSize: 10, maxPages: 3 })).resolves.toHaveLength(30);
	});

	it('bounds a provider that ignores the page number at 1000 pages by default', async () => {
		let requests = 0;
		const stuck = async () => {
			requests++;
			return { items: [1, 2] };
		};
		await expect(collectPages(stuck, { maxPageSize: 2 })).rejects.toThrow('Stopped after 1000 pages');
		expect(requests).toBe(1000);
	});

	it('rejects with the error of a failed page and asks for no further page', async () => {
		const provider = fakeProvider(100);
		const failure = new Error('HTTP 503');
		const fetchPage = async (page: number, pageSize: number) =>
			page === 2 ? await Promise.reject(failure) : await provider.fetchPage(page, pageSize);
		await expect(collectPages(fetchPage, { maxPageSize: 10 })).rejects.toBe(failure);
		expect(provider.requests).toEqual([[1, 10]]);
	});

	describe("follows the server's own paging fields", () => {
		/** A server that serves at most `cap` items a page whatever is asked, reporting what `report` names. */
		function cappedServer(count: number, cap: number, report: Array<'total' | 'hasMore' | 'pages'>) {
			const requests: number[] = [];
			const fetchPage = async (page: number): Promise<Page<number>> => {
				requests.push(page);
				const start = (page - 1) * cap;
				const items = Array.from({ length: Math.max(0, Math.min(cap, count - start)) }, (_, index) => start + index);
				return {
					items,
					...(report.includes('total') ? { total: count } : {}),
					...(report.includes('hasMore') ? { hasMore: start + cap < count } : {}),
					...(report.includes('pages') ? { pages: Math.ceil(count / cap) } : {}),
				};
			};
			return { requests, fetchPage };
		}

		it.each([[['total']], [['hasMore']], [['pages']], [['total', 'hasMore', 'pages']]] as Array<[Array<'total' | 'hasMore' | 'pages'>]>)(
			'reads on past pages shorter than asked when the server reports %j more',
			async (report) => {
				const server = cappedServer(95, 40, report);
				const items = await collectPages(server.fetchPage, { maxPageSize: 100 });
				expect(items).toEqual(Array.from({ length: 95 }, (_, index) => index));
				expect(server.requests).toEqual([1, 2, 3]);
			},
		);

		it('still stops at the limit within a short page', async () => {
			const server = cappedServer(95, 40, ['total']);
			await expect(collectPages(server.fetchPage, { maxPageSize: 100, limit: 50 })).resolves.toHaveLength(50);
			expect(server.requests).toEqual([1, 2]);
		});

		it.each([
			[{ items: [1], hasMore: false, total: 5 }, 'The server says page 1 is the last, yet reports 5 items in all and sent 1'],
			[{ items: [], hasMore: true }, 'Page 1 is empty, yet the server says more pages follow'],
			[{ items: [1, 2], hasMore: true, total: 2 }, 'The server says more pages follow page 1, yet reports 2 items in all and has sent 2'],
			[{ items: [1, 2], hasMore: true, pages: 1 }, 'The server says more pages follow page 1, yet reports 1 pages in all'],
			[{ items: [1, 2], hasMore: false, pages: 3 }, 'The server says there is no page after page 1, yet reports 3 pages in all'],
			[{ items: [], total: 4 }, 'Page 1 is empty, yet the server reports 4 items in all and has sent 0'],
		] as Array<[Page<number>, string]>)('fails on %j, naming the contradiction, instead of guessing', async (answer, problem) => {
			let requests = 0;
			const fetchPage = async () => {
				requests++;
				return answer;
			};
			const contradiction = (text: string) => new Error(`paging: ${text}`);
			await expect(collectPages(fetchPage, { maxPageSize: 10, contradiction })).rejects.toThrow(`paging: ${problem}`);
			expect(requests).toBe(1);
		});

		it('names the contradiction in its default error too', async () => {
			const fetchPage = async () => ({ items: [] as number[], hasMore: true });
			await expect(collectPages(fetchPage, { maxPageSize: 10 })).rejects.toThrow("The server's paging contradicts itself: Page 1 is empty");
		});
	});

	it.each([
		[{ limit: 0, maxPageSize: 10 }, 'limit must be an integer of at least 1'],
		[{ limit: 2.5, maxPageSize: 10 }, 'limit must be an integer of at least 1'],
		[{ maxPageSize: 0 }, 'maxPageSize must be an integer of at least 1'],
		[{ maxPageSize: 10, maxPages: 0 }, 'maxPages must be an integer of at least 1'],
		[{ maxPageSize: 10, minPageSize: 25 }, 'minPageSize (25) is larger than maxPageSize (10)'],
	])('refuses invalid options %j before any request', async (options, message) => {
		const provider = fakeProvider(10);
		await expect(collectPages(provider.fetchPage, options)).rejects.toThrow(message);
		expect(provider.requests).toHaveLength(0);
	});
});
