import type { IDataObject } from 'n8n-workflow';

import { unexpectedAnswerError } from '../shared/errors';
import { collectPages } from '../shared/paging';
import type { RequestContext } from '../shared/request';
import type { NetcoreTranscript, NetcoreUser, TranscriptsQuery, UsersQuery } from './api';
import { getTranscriptsPage, getUsersPage, PROVIDER } from './api';
import { MAX_PAGE, MIN_PAGE, MIN_USERS_PAGE } from './fields';

/**
 * Return All / Limit over Netcore's page/limit paging, with the largest page it accepts (1000). A server that
 * answers a page it already gave (one that ignores `page`, or a stuck `hasNextPage`) is an error, never a loop.
 * A Limit below the smallest page (transcripts 25, users 26) asks for that page and keeps the first items.
 */
const TRANSCRIPT_PAGING = { maxPageSize: MAX_PAGE, minPageSize: MIN_PAGE };
const USER_PAGING = { maxPageSize: MAX_PAGE, minPageSize: MIN_USERS_PAGE };

/** Remembers the page numbers answers report: a number reported twice means the server repeats a page. */
function pageNumbers() {
	const answered = new Set<number>();
	return (page: number | null | undefined) => {
		if (page == null) return false;
		const repeated = answered.has(page);
		answered.add(page);
		return repeated;
	};
}

const userKey = (user: NetcoreUser) => `${String(user.channelName ?? '')}:${String(user.userId)}`;

function repeatedPage(context: RequestContext, what: string, page: number, itemIndex: number) {
	return unexpectedAnswerError(
		context.getNode(),
		PROVIDER,
		what,
		`Page ${page} repeats entries of an earlier page, so paging stopped instead of looping. The server may ignore the "page" parameter.`,
		itemIndex,
	);
}

/** Paging options for one list: a server whose paging fields disagree is an unexpected answer of that list. */
const pagingOf = (context: RequestContext, bounds: typeof USER_PAGING, what: string, limit: number | undefined, itemIndex: number) => ({
	...bounds,
	limit,
	contradiction: (problem: string) => unexpectedAnswerError(context.getNode(), PROVIDER, what, `Its paging contradicts itself: ${problem}`, itemIndex),
});

/**
 * Bot users of the chosen channels, each once: a user who signs up while we page can shift a later page by one,
 * so users already listed are skipped.
 */
export async function listUsers(context: RequestContext, query: UsersQuery, limit: number | undefined, itemIndex: number): Promise<NetcoreUser[]> {
	const seen = new Set<string>();
	const reportedAgain = pageNumbers();
	const pages = await collectPages(
		async (page, pageSize) => {
			const answer = await getUsersPage(context, query, page, pageSize, itemIndex);
			const users = (answer.users ?? []) as NetcoreUser[];
			const repeated = users.every((user) => seen.has(userKey(user))) || reportedAgain(answer.page);
			if (users.length > 0 && repeated) throw repeatedPage(context, 'user list', page, itemIndex);
			for (const user of users) seen.add(userKey(user));
			return { items: users, total: answer.total ?? undefined, pages: answer.pages ?? undefined, hasMore: answer.hasNextPage ?? undefined };
		},
		pagingOf(context, USER_PAGING, 'user list', limit, itemIndex),
	);
	return [...new Map(pages.map((user) => [userKey(user), user])).values()];
}

export interface Transcript {
	customFields: IDataObject;
	entries: NetcoreTranscript[];
}

const signature = (entries: NetcoreTranscript[]) => JSON.stringify([entries[0], entries[entries.length - 1], entries.length]);

/** A bot user's transcript entries (oldest first, as Netcore lists them) and custom fields. */
export async function listTranscripts(
	context: RequestContext,
	query: TranscriptsQuery,
	limit: number | undefined,
	itemIndex: number,
): Promise<Transcript> {
	let customFields: IDataObject = {};
	let previous: string | undefined;
	const reportedAgain = pageNumbers();
	const entries = await collectPages(
		async (page, pageSize) => {
			const answer = await getTranscriptsPage(context, query, page, pageSize, itemIndex);
			const list = (answer.transcripts ?? []) as NetcoreTranscript[];
			if (page === 1) customFields = (answer.botUser?.customFields ?? {}) as IDataObject;
			const current = signature(list);
			const details = answer.paginationDetails;
			if (list.length > 0 && (current === previous || reportedAgain(details?.page))) throw repeatedPage(context, 'transcript list', page, itemIndex);
			previous = current;
			return { items: list, total: details?.total ?? undefined, pages: details?.pages ?? undefined };
		},
		pagingOf(context, TRANSCRIPT_PAGING, 'transcript list', limit, itemIndex),
	);
	return { customFields, entries };
}
