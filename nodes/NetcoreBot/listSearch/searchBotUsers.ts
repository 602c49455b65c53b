import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { NetcoreUser } from '../api';
import { getUsersPage } from '../api';
import { USER_CHANNEL_CODES, channelCode } from '../channels';
import { usersWindow } from '../fields';

/** Users per dropdown page: quick to load, and well above the 25 Netcore requires. */
const PAGE_SIZE = 100;

/**
 * The Bot User dropdown: the users of the channel chosen above, a page at a time, filtered by name or id.
 * Netcore lists users for webchat, WhatsApp, Telegram and Facebook only; other channels show no list.
 * Every user up to the first page's instant: the token carries that End Date, so later pages line up.
 */
export async function searchBotUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const channelId = channelCode(this.getCurrentNodeParameter('channelId'), USER_CHANNEL_CODES);
	if (channelId === undefined) return { results: [] };
	const [pageText, endText] = (paginationToken ?? '1').split('@');
	const page = Number(pageText) || 1;
	const endDate = endText && !Number.isNaN(Date.parse(endText)) ? new Date(endText).toISOString() : undefined;
	const window = usersWindow({ endDate });
	const answer = await getUsersPage(this, { channelIds: [channelId], ...window }, page, PAGE_SIZE, 0);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = ((answer.users ?? []) as NetcoreUser[])
		.map((user) => ({ name: user.userName ? `${user.userName} (${String(user.userId)})` : String(user.userId), value: String(user.userId) }))
		.filter((option) => option.name.toLowerCase().includes(needle));
	const hasMore = answer.hasNextPage ?? (answer.pages != null && page < answer.pages);
	return { results, paginationToken: hasMore ? `${page + 1}@${window.endDate}` : undefined };
}
