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
