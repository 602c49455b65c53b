/** One page as a provider returned it. `total` and `hasMore` are used when the provider reports them. */
export interface Page<T> {
	items: T[];
	/** Total number of items across all pages. */
	total?: number;
	/** False when the provider says this is the last page. */
	hasMore?: boolean;
	/** How many pages there are in all, when the provider says. */
	pages?: number;
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
	/**
	 * The error for a server whose paging fields disagree (with each other or with what it sent), so that we
	 * cannot know what is left; e.g. the provider's unexpected-answer error. Default: a plain Error.
	 */
	contradiction?: (problem: string) => Error;
}

export const DEFAULT_MAX_PAGES = 1000;

function assertCount(name: string, value: number | undefined, minimum: number): void {
	if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
		throw new RangeError(`${name} must be an integer of at least ${minimum}, got ${value}`);
	}
}

/**
 * Whether another page follows, decided by the server's own paging fields when it sends them (a server may
 * serve shorter pages than asked, so a short page alone proves nothing then), and by a short page only when it
 * reports nothing. A contradiction between its fields is an error naming it, never a guess.
 */
function morePagesFollow<T>(
	page: Page<T>,
	at: { pageNumber: number; ordinal: number; pageSize: number; collected: number },
	contradiction: (problem: string) => Error,
): boolean {
	const { pageNumber, ordinal, pageSize, collected } = at;
	const totalLeft = page.total === undefined ? undefined : page.total - collected;
	const byPageCount = page.pages === undefined ? undefined : ordinal < page.pages;
	if (page.hasMore !== undefined && byPageCount !== undefined && page.hasMore !== byPageCount) {
		throw contradiction(
			`The server says ${page.hasMore ? 'more pages follow' : 'there is no page after'} page ${pageNumber}, yet reports ${page.pages} pages in all`,
		);
	}
	const hasMore = page.hasMore ?? byPageCount;
	if (hasMore === true && page.items.length === 0) {
		throw contradiction(`Page ${pageNumber} is empty, yet the server says more pages follow`);
	}
	if (hasMore === false && totalLeft !== undefined && totalLeft > 0) {
		throw contradiction(
			`The server says page ${pageNumber} is the last, yet reports ${page.total} items in all and sent ${collected}`,
		);
	}
	if (hasMore === true && totalLeft !== undefined && totalLeft <= 0) {
		throw contradiction(
			`The server says more pages follow page ${pageNumber}, yet reports ${page.total} items in all and has sent ${collected}`,
		);
	}
	if (hasMore !== undefined) return hasMore;
	if (totalLeft !== undefined) {
		if (totalLeft > 0 && page.items.length === 0) {
			throw contradiction(`Page ${pageNumber} is empty, yet the server reports ${page.total} items in all and has sent ${collected}`);
		}
		return totalLeft > 0;
	}
	return page.items.length >= pageSize;
}

/**
 * Collects items from a page-number paginated endpoint with as few requests as possible.
 * The page size stays the same on every page, as page numbers only line up with a constant size:
 * the largest page the provider allows, or less when the limit is smaller (but never below its minimum).
 * Paging follows the server's `hasMore` / `total` when it sends them; reaching `maxPages` with more to come is an
 * error, never a silent cut.
 */
export async function collectPages<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const { limit, maxPageSize, minPageSize = 1, firstPage = 1, maxPages = DEFAULT_MAX_PAGES } = options;
	const contradiction = options.contradiction ?? ((problem: string) => new Error(`The server's paging contradicts itself: ${problem}`));
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
		const pageNumber = firstPage + fetched;
		const page = await fetchPage(pageNumber, pageSize);
		collected.push(...page.items);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		const at = { pageNumber, ordinal: fetched + 1, pageSize, collected: collected.length };
		if (!morePagesFollow(page, at, contradiction)) return collected;
	}
	throw new Error(
		`Stopped after ${maxPages} pages of ${pageSize} items with more still to come; ` +
			'set a Limit to return fewer items',
	);
}
