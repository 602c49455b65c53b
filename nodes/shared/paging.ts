/** One page as a provider returned it. `total` and `hasMore` are used when the provider reports them. */
export interface Page<T> {
	items: T[];
	/** Total number of items across all pages. */
	total?: number;
	/** False when the provider says this is the last page. */
	hasMore?: boolean;
}

export interface PagingOptions {
	/** How many items to return; undefined returns all (the "Return All" toggle). */
	limit?: number;
	/** The largest page the provider allows. */
	maxPageSize: number;
	/** The smallest page the provider accepts (e.g. Netcore needs at least 25); extra items are cut off. */
	minPageSize?: number;
	/** Number of the first page. Default 1. */
	firstPage?: 0 | 1;
	/** Hard bound on requests; reaching it with more items left is an error, never a silent cut. Default 1000. */
	maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 1000;

function assertCount(name: string, value: number | undefined, minimum: number): void {
	if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
		throw new RangeError(`${name} must be an integer of at least ${minimum}, got ${value}`);
	}
}

/**
 * Collects items from a page-number paginated endpoint with as few requests as possible.
 * The page size stays the same on every page, as page numbers only line up with a constant size:
 * the largest page the provider allows, or less when the limit is smaller (but never below its minimum).
 */
export async function collectPages<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const { limit, maxPageSize, minPageSize = 1, firstPage = 1, maxPages = DEFAULT_MAX_PAGES } = options;
	assertCount('limit', limit, 1);
	assertCount('maxPageSize', maxPageSize, 1);
	assertCount('minPageSize', minPageSize, 1);
	assertCount('maxPages', maxPages, 1);
	if (minPageSize > maxPageSize) {
		throw new RangeError(`minPageSize (${minPageSize}) is larger than maxPageSize (${maxPageSize})`);
	}

	const pageSize = Math.max(minPageSize, Math.min(maxPageSize, limit ?? maxPageSize));
	const collected: T[] = [];
	for (let fetched = 0; fetched < maxPages; fetched++) {
		const page = await fetchPage(firstPage + fetched, pageSize);
		collected.push(...page.items);
		const done =
			page.items.length < pageSize ||
			page.hasMore === false ||
			(page.total !== undefined && collected.length >= page.total) ||
			(limit !== undefined && collected.length >= limit);
		if (done) return limit === undefined ? collected : collected.slice(0, limit);
	}
	throw new Error(
		`Stopped after ${maxPages} pages of ${pageSize} items with more still to come; ` +
			'set a Limit to return fewer items',
	);
}
