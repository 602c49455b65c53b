/**
 * Netcore Bot Open API request checks (specs/netcore-bot-open-api.txt). Strict (the default) reads the spec
 * literally, as a server generated from it would: the users call's `page | integer > 1` and `limit | integer > 25`
 * are exclusive bounds, its `startDate`/`endDate` have no documented default so both are required, and fields or
 * query parameters the spec does not list are refused. Lenient mode relaxes only those literal readings.
 * A failed check throws `Invalid`, which the provider answers with 400 in Netcore's NestJS error shape.
 */

export class Invalid extends Error {}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

type Body = Record<string, unknown>;

export function objectBody(body: unknown): Body {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Invalid('Request body must be a JSON object');
	return body as Body;
}

/** An integer query value within [min, max]; `fallback` when absent. The message states the bound as the spec does. */
export function integerQuery(query: URLSearchParams, name: string, fallback: number, bound: { min: number; max?: number; rule: string }): number {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || value < bound.min || value > (bound.max ?? Infinity)) throw new Invalid(`query.${name}: must be an integer ${bound.rule}`);
	return value;
}

/** An ISO 8601 UTC date string as epoch ms; undefined when absent and not `required`. */
export function isoDate(body: Body, name: string, required = false): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) {
		if (required) throw new Invalid(`body.${name}: required field missing`);
		return undefined;
	}
	if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
		throw new Invalid(`body.${name}: must be an ISO 8601 date string in UTC, e.g. 2021-10-01T00:00:00.000Z`);
	}
	return Date.parse(value);
}

/** Strict only: a body field or query parameter the spec does not document is refused, not ignored. */
export function onlyDocumented(strict: boolean, where: 'body' | 'query', names: Iterable<string>, documented: readonly string[]): void {
	if (!strict) return;
	const unknown = [...names].find((name) => !documented.includes(name));
	if (unknown !== undefined) throw new Invalid(`${where}.${unknown}: is not a documented ${where === 'body' ? 'field' : 'parameter'}`);
}

/** The users call's paging bounds: literally `> 1` and `> 25`; leniently the transcripts call's `>= 1` and `>= 25`. */
export function usersPaging(query: URLSearchParams, strict: boolean): { pageNumber: number; limit: number } {
	onlyDocumented(strict, 'query', query.keys(), ['page', 'limit']);
	const page = strict ? { min: 2, rule: 'greater than 1' } : { min: 1, rule: 'of at least 1' };
	const limit = strict ? { min: 26, rule: 'greater than 25' } : { min: 25, rule: 'of at least 25' };
	// No default is documented: absent means the first page, and a page size the bound allows.
	return { pageNumber: integerQuery(query, 'page', 1, page), limit: integerQuery(query, 'limit', 50, limit) };
}

/** The transcripts call's documented paging: `page >= 1` (default 1), `limit` 25..1000 (default 50). */
export function transcriptsPaging(query: URLSearchParams, strict: boolean): { pageNumber: number; limit: number } {
	onlyDocumented(strict, 'query', query.keys(), ['page', 'limit']);
	return {
		pageNumber: integerQuery(query, 'page', 1, { min: 1, rule: 'of at least 1' }),
		limit: integerQuery(query, 'limit', 50, { min: 25, max: 1000, rule: 'from 25 to 1000' }),
	};
}

/** The users call's date window: both required when strict, each an ISO 8601 UTC string, start not after end. */
export function usersWindow(body: Body, strict: boolean): { start: number; end: number } {
	const start = isoDate(body, 'startDate', strict) ?? -Infinity;
	const end = isoDate(body, 'endDate', strict) ?? Infinity;
	if (start > end) throw new Invalid('body.startDate: must not be after endDate');
	return { start, end };
}
