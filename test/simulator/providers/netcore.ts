/**
 * Netcore Bot Open API (specs/netcore-bot-open-api.txt): an auth call for a session token, bot usage per month,
 * bot users, and a bot user's transcripts. The spec names no paths and no token header; the simulator serves
 * the credential's default paths under /netcore and expects `Authorization: Bearer <authToken>`. Errors are
 * NestJS-shaped `{ statusCode, error, message }`. Requests are checked in netcore-validate.ts (strict by default).
 */
import { json, type AuthCheck, type ProviderFactory, type Reply, type SimRequest } from '../provider';
import type { TokenIssuer } from '../tokens';
import { NetcoreData, TRANSCRIPT_CHANNELS, USER_CHANNELS, WHATSAPP } from './netcore-data';
import { Invalid, integerQuery, isoDate, objectBody, onlyDocumented, transcriptsPaging, usersPaging, usersWindow } from './netcore-validate';

export const NETCORE_PATHS = { auth: '/v1/auth', usage: '/v1/usage', users: '/v1/users', transcripts: '/v1/transcripts' } as const;
const APP = { appId: 'netcore-app-1', appSecret: 'netcore-secret-1' };

const ERROR_NAMES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 409: 'Conflict' };
export const netcoreError = (statusCode: number, message: string): Reply =>
	json(statusCode, { statusCode, error: ERROR_NAMES[statusCode] ?? 'Error', message });

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The current date minus 3 calendar months: the oldest transcript start date the API accepts. */
export function oldestTranscriptStart(nowMs: number): number {
	const date = new Date(nowMs);
	date.setUTCMonth(date.getUTCMonth() - 3);
	return date.getTime();
}

function page<T>(items: T[], pageNumber: number, limit: number) {
	const pages = Math.ceil(items.length / limit);
	return { slice: items.slice((pageNumber - 1) * limit, pageNumber * limit), pages };
}

function tokenAuth(tokens: TokenIssuer) {
	return (request: SimRequest): AuthCheck => {
		const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
		if (scheme?.toLowerCase() !== 'bearer' || !token) return { scheme: scheme || undefined, rejection: netcoreError(401, 'Missing auth token') };
		const status = tokens.check(token);
		if (status.state === 'unknown') return { scheme, rejection: netcoreError(401, 'Invalid auth token') };
		return { scheme, tokenId: status.id, rejection: status.state === 'expired' ? netcoreError(401, 'Auth token expired') : undefined };
	};
}

/** Runs a handler, turning a failed check into the API's 400 answer. */
const validated = (handler: (request: SimRequest) => Reply) => (request: SimRequest) => {
	try {
		return handler(request);
	} catch (error) {
		if (error instanceof Invalid) return netcoreError(400, error.message);
		throw error;
	}
};

export const netcore: ProviderFactory = ({ seed, sizes, tokens, strict }) => {
	const data = new NetcoreData(seed, sizes, Date.now());

	const usage = validated(({ query }) => {
		onlyDocumented(strict, 'query', query.keys(), ['monthDate', 'channelId']);
		const monthDate = query.get('monthDate') ?? '';
		if (!/^\d{4}-(0[1-9]|1[0-2])-01$/.test(monthDate)) throw new Invalid('monthDate must be the first day of a month, e.g. 2021-08-01');
		const channelId = integerQuery(query, 'channelId', NaN, { min: 0, rule: 'channel code' });
		if (!(channelId in TRANSCRIPT_CHANNELS)) throw new Invalid('channelId must be one of the channel codes');
		const users = channelId in USER_CHANNELS ? data.users(channelId).filter((user) => user.createdDate.startsWith(monthDate.slice(0, 7))) : [];
		const perUser = 5 + (seed % 7);
		return json(200, { totalMessages: users.length * perUser, totalUsers: users.length });
	});

	const users = validated(({ query, body }) => {
		const { pageNumber, limit } = usersPaging(query, strict);
		const input = objectBody(body);
		onlyDocumented(strict, 'body', Object.keys(input), ['channelIds', 'startDate', 'endDate']);
		const channelIds = input.channelIds;
		if (!Array.isArray(channelIds) || channelIds.length === 0) throw new Invalid('channelIds must be a non-empty array');
		if (new Set(channelIds).size !== channelIds.length) throw new Invalid('channelIds must contain unique items');
		if (!channelIds.every((id) => typeof id === 'number' && id in USER_CHANNELS)) {
			throw new Invalid(`each value in channelIds must be one of: ${Object.keys(USER_CHANNELS).join(', ')}`);
		}
		const { start, end } = usersWindow(input, strict);
		const selected = (channelIds as number[])
			.flatMap((channelId) => data.users(channelId))
			.filter((user) => Date.parse(user.createdDate) >= start && Date.parse(user.createdDate) <= end)
			.sort((a, b) => compare(a.createdDate, b.createdDate) || compare(a.userId, b.userId));
		const { slice, pages } = page(selected, pageNumber, limit);
		return json(200, { users: slice, page: pageNumber, pages, total: selected.length, limit, hasNextPage: pageNumber < pages ? 1 : 0 });
	});

	const transcripts = validated(({ query, body }) => {
		const { pageNumber, limit } = transcriptsPaging(query, strict);
		const input = objectBody(body);
		onlyDocumented(strict, 'body', Object.keys(input), ['botUserId', 'channelId', 'startDate', 'endDate']);
		const { botUserId, channelId } = input;
		if (typeof botUserId !== 'string' || botUserId.trim() === '') throw new Invalid('botUserId must be a non-empty string');
		if (typeof channelId !== 'number' || !(channelId in TRANSCRIPT_CHANNELS)) {
			throw new Invalid(`channelId must be one of: ${Object.keys(TRANSCRIPT_CHANNELS).join(', ')}`);
		}
		if (channelId === WHATSAPP && !/^\+?\d{8,15}$/.test(botUserId)) {
			throw new Invalid('botUserId must be the phone number of the bot user for the whatsapp channel');
		}
		const now = Date.now();
		const start = isoDate(input, 'startDate') ?? oldestTranscriptStart(now);
		const end = isoDate(input, 'endDate') ?? now;
		if (start < oldestTranscriptStart(now)) throw new Invalid('startDate must not be older than 3 months from current date');
		if (start > end) throw new Invalid('body.startDate: must not be after endDate');
		const { from, to } = data.transcriptRange(start, end);
		const total = to - from;
		const first = from + (pageNumber - 1) * limit;
		return json(200, {
			botUser: { customFields: data.customFields(channelId, botUserId) },
			transcripts: data.transcripts(channelId, botUserId, first, Math.min(to, first + limit)),
			paginationDetails: { page: pageNumber, pages: Math.ceil(total / limit), total, limit },
		});
	});

	return {
		name: 'netcore',
		credentials: { ...APP },
		authenticate: tokenAuth(tokens),
		routes: [
			{
				method: 'POST',
				path: NETCORE_PATHS.auth,
				auth: false,
				handler: validated(({ body }) => {
					const input = objectBody(body);
					onlyDocumented(strict, 'body', Object.keys(input), ['appId', 'appSecret']);
					const { appId, appSecret } = input;
					if (typeof appId !== 'string' || typeof appSecret !== 'string') throw new Invalid('appId and appSecret must be strings');
					if (appId !== APP.appId || appSecret !== APP.appSecret) return netcoreError(409, 'Invalid appId or appSecret');
					const issued = tokens.issue(appId);
					return json(200, { authToken: issued.token, expireAt: issued.expiresAt.toISOString() });
				}),
			},
			{ method: 'GET', path: NETCORE_PATHS.usage, auth: true, handler: usage },
			{ method: 'POST', path: NETCORE_PATHS.users, auth: true, handler: users },
			{ method: 'POST', path: NETCORE_PATHS.transcripts, auth: true, handler: transcripts },
			{
				// Not part of the API: new sign-ups on demand, so polling triggers have something new to find.
				method: 'POST',
				path: '/sim/users',
				auth: false,
				handler: validated(({ body }) => {
					const { channelId, count = 1 } = objectBody(body);
					if (typeof channelId !== 'number' || !(channelId in USER_CHANNELS)) throw new Invalid('channelId must be a users channel');
					if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000) throw new Invalid('count must be 1 to 1000');
					return json(201, { users: data.addUsers(channelId, count as number) });
				}),
			},
		],
	};
};
