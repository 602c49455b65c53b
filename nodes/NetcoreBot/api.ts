import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { netcoreUrl, type NetcorePath } from './endpoint';
import { callProvider } from '../shared/call';
import { providerCredentials } from '../shared/credentials';
import type { RequestContext } from '../shared/request';

/**
 * The Netcore Bot Open API calls and zod schemas of their answers. Only what we use is checked; everything
 * else passes through, so raw output loses nothing and an extra field does not fail the node.
 */
export const PROVIDER = 'Netcore Bot';
export const CREDENTIAL_TYPE = 'netcoreBotApi';

/** Counts may come as numbers or numeric text. */
const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const usageSchema = z.object({ totalMessages: count, totalUsers: count }).passthrough();

export const userSchema = z
	.object({
		userId: z.union([z.string().min(1), z.number()]),
		channelName: z.string().nullish(),
		userName: z.string().nullish(),
		createdDate: z.union([z.string(), z.number()]).nullish(),
		'first interacted date': z.union([z.string(), z.number()]).nullish(),
		'last interacted date': z.union([z.string(), z.number()]).nullish(),
	})
	.passthrough();
export type NetcoreUser = z.infer<typeof userSchema> & IDataObject;

/** `hasNextPage` is documented as a number (0/1); servers also send booleans or text. */
const flag = z.union([z.boolean(), z.number(), z.string()]).transform((value) => value === true || value === 1 || value === '1' || value === 'true');

export const usersPageSchema = z
	.object({
		users: z.array(userSchema).nullish(),
		page: count.nullish(),
		pages: count.nullish(),
		total: count.nullish(),
		limit: count.nullish(),
		hasNextPage: flag.nullish(),
	})
	.passthrough();
export type UsersPage = z.infer<typeof usersPageSchema>;

/** An entry without a type is kept (Simplify calls it `unknown`) rather than failing the whole transcript. */
export const transcriptSchema = z
	.object({ from: z.string().nullish(), type: z.string().nullish(), createdAt: z.union([z.string(), z.number()]).nullish() })
	.passthrough();
export type NetcoreTranscript = z.infer<typeof transcriptSchema> & IDataObject;

export const transcriptsPageSchema = z
	.object({
		botUser: z.object({ customFields: z.record(z.unknown()).nullish() }).passthrough().nullish(),
		transcripts: z.array(transcriptSchema).nullish(),
		paginationDetails: z
			.object({ page: count.nullish(), pages: count.nullish(), total: count.nullish(), limit: count.nullish() })
			.passthrough()
			.nullish(),
	})
	.passthrough();
export type TranscriptsPage = z.infer<typeof transcriptsPageSchema>;

/** Dates as the API wants them: ISO 8601 in UTC. */
export interface DateWindow {
	startDate?: string;
	endDate?: string;
}

/** The users call documents no default for its dates, so both are always sent (see `usersWindow`). */
export interface UsersQuery extends Required<DateWindow> {
	channelIds: number[];
}

export interface TranscriptsQuery extends DateWindow {
	botUserId: string;
	channelId: number;
}

const dates = (window: DateWindow) => ({
	...(window.startDate ? { startDate: window.startDate } : {}),
	...(window.endDate ? { endDate: window.endDate } : {}),
});

async function urlOf(context: RequestContext, path: NetcorePath, itemIndex: number): Promise<string> {
	return netcoreUrl(await providerCredentials(context, CREDENTIAL_TYPE, itemIndex), path);
}

const request = (itemIndex: number) => ({ provider: PROVIDER, credentialType: CREDENTIAL_TYPE, kind: 'read' as const, itemIndex });

/** A month's usage of one channel; `monthDate` is the month's first day, `YYYY-MM-01`. */
export async function getUsage(context: RequestContext, monthDate: string, channelId: number, itemIndex: number) {
	return await callProvider(
		context,
		{ method: 'GET', url: await urlOf(context, 'usagePath', itemIndex), qs: { monthDate, channelId } },
		{ ...request(itemIndex), schema: usageSchema, expected: 'usage data' },
	);
}

/**
 * One page of bot users. The spec bounds this call's query literally as `page | integer > 1` and
 * `limit | integer > 25`: the first page goes without `page` (the server's first page under every reading), and
 * `limit` must be at least 26 (callers ask for more and cut, see MIN_USERS_PAGE).
 */
export async function getUsersPage(context: RequestContext, query: UsersQuery, page: number, limit: number, itemIndex: number): Promise<UsersPage> {
	return await callProvider(
		context,
		{
			method: 'POST',
			url: await urlOf(context, 'usersPath', itemIndex),
			qs: page > 1 ? { page, limit } : { limit },
			body: { channelIds: query.channelIds, startDate: query.startDate, endDate: query.endDate },
		},
		{ ...request(itemIndex), schema: usersPageSchema, expected: 'user list' },
	);
}

export async function getTranscriptsPage(
	context: RequestContext,
	query: TranscriptsQuery,
	page: number,
	limit: number,
	itemIndex: number,
): Promise<TranscriptsPage> {
	return await callProvider(
		context,
		{
			method: 'POST',
			url: await urlOf(context, 'transcriptsPath', itemIndex),
			qs: { page, limit },
			body: { botUserId: query.botUserId, channelId: query.channelId, ...dates(query) },
		},
		{ ...request(itemIndex), schema: transcriptsPageSchema, expected: 'transcript list' },
	);
}
