/**
 * An independent Netcore Bot Open API server, written from the spec alone and deliberately unlike the simulator:
 * its own endpoint paths, the session in an `x-session` header without a prefix, `hasNextPage` as a boolean, and
 * strict request checks (JSON content type, exact body fields, integer query values). It proves the node follows
 * the spec rather than the simulator, with the paths and header set through the credential. Read literally, the
 * users call wants `page > 1` and `limit > 25` (exclusive, unlike the transcripts call's `>= 1` and `[25 .. 1000]`)
 * and both dates (it documents no default for them); every date must be an ISO 8601 string in UTC.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STRICT_PATHS = { authPath: '/bot-api/v2/token', usagePath: '/bot-api/v2/usage', usersPath: '/bot-api/v2/users', transcriptsPath: '/bot-api/v2/transcripts' };
export const STRICT_APP = { appId: 'strict-app', appSecret: 'strict-secret-value' };
const SESSION = 'strict-session-0001';

export interface StrictOptions {
	users?: number;
	transcripts?: number;
	/** A broken server that answers page 1 whatever page is asked for. */
	ignorePage?: boolean;
}

export interface StrictRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

const USER_CHANNELS: Record<number, string> = { 1010: 'webchat', 1014: 'whatsapp', 1016: 'telegram', 1017: 'facebook' };
const USER_BODY_KEYS = new Set(['channelIds', 'startDate', 'endDate']);
const TRANSCRIPT_BODY_KEYS = new Set(['botUserId', 'channelId', 'startDate', 'endDate']);
const UTC_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An integer query value: absent is allowed (undefined), anything but digits is not (NaN). */
const integer = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : NaN);

/** The first problem with the dates of a body, or undefined; `required` for the users call. */
function dateProblem(body: Record<string, unknown>, required: boolean): string | undefined {
	for (const key of ['startDate', 'endDate']) {
		const value = body[key];
		if (value === undefined && !required) continue;
		if (value === undefined) return `body.${key}: required field missing`;
		if (typeof value !== 'string' || !UTC_DATE.test(value) || Number.isNaN(Date.parse(value))) return `body.${key}: must be an ISO format string in UTC`;
	}
	return undefined;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
	const text = Buffer.concat(chunks).toString('utf8');
	return text === '' ? undefined : JSON.parse(text);
}

export async function startStrictServer(options: StrictOptions = {}) {
	const requests: StrictRequest[] = [];
	const startedAt = Date.now();
	const server = createServer((request, response) => {
		const reply = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const fail = (status: number, message: string) => reply(status, { statusCode: status, error: status === 401 ? 'Unauthorized' : 'Bad Request', message });
		readJson(request)
			.then((body) => {
				const url = new URL(request.url ?? '/', 'http://127.0.0.1');
				const query = Object.fromEntries(url.searchParams);
				requests.push({ method: request.method ?? '', path: url.pathname, query, body });
				const isJson = (request.headers['content-type'] ?? '').includes('application/json');
				if (url.pathname === STRICT_PATHS.authPath && request.method === 'POST') {
					if (!isJson || body === null || typeof body !== 'object' || !Object.keys(body).every((key) => key === 'appId' || key === 'appSecret')) {
						return fail(400, 'A JSON body of appId and appSecret is required');
					}
					const { appId, appSecret } = body as Record<string, unknown>;
					if (appId !== STRICT_APP.appId || appSecret !== STRICT_APP.appSecret) return fail(400, 'Invalid credentials');
					return reply(200, { authToken: SESSION, expireAt: new Date(Date.now() + 3600_000).toISOString() });
				}
				if (request.headers['x-session'] !== SESSION) return fail(401, 'Invalid session');
				const page = integer(query.page);
				const limit = integer(query.limit);
				if (url.pathname === STRICT_PATHS.usagePath && request.method === 'GET') {
					if (!/^\d{4}-\d{2}-01$/.test(query.monthDate ?? '') || !/^\d+$/.test(query.channelId ?? '')) return fail(400, 'monthDate and channelId are required');
					if (Object.keys(query).length !== 2) return fail(400, 'Unknown query parameter');
					return reply(200, { totalMessages: 120, totalUsers: 7 });
				}
				if (!isJson || body === null || typeof body !== 'object') return fail(400, 'A JSON body is required');
				if (!Object.keys(query).every((key) => key === 'page' || key === 'limit')) return fail(400, 'Unknown query parameter');
				if (url.pathname === STRICT_PATHS.usersPath && request.method === 'POST') {
					if ((page !== undefined && !(page > 1)) || (limit !== undefined && !(limit > 25))) return fail(400, 'page must be > 1 and limit > 25');
					if (!Object.keys(body).every((key) => USER_BODY_KEYS.has(key))) return fail(400, 'Unknown body field');
					const problem = dateProblem(body as Record<string, unknown>, true);
					if (problem) return fail(400, problem);
					// Neither has a documented default: the first page, and a size the bound allows.
					return users(options.ignorePage ? 1 : (page ?? 1), limit ?? 26, body);
				}
				if (url.pathname === STRICT_PATHS.transcriptsPath && request.method === 'POST') {
					if ((page !== undefined && !(page >= 1)) || (limit !== undefined && !(limit >= 25 && limit <= 1000))) {
						return fail(400, 'page must be >= 1 and limit from 25 to 1000');
					}
					if (!Object.keys(body).every((key) => TRANSCRIPT_BODY_KEYS.has(key))) return fail(400, 'Unknown body field');
					const { botUserId, channelId, startDate } = body as Record<string, unknown>;
					if (typeof botUserId !== 'string' || !Number.isInteger(channelId)) return fail(400, 'botUserId (string) and channelId (integer) are required');
					const problem = dateProblem(body as Record<string, unknown>, false);
					if (problem) return fail(400, problem);
					const threeMonthsAgo = new Date();
					threeMonthsAgo.setUTCMonth(threeMonthsAgo.getUTCMonth() - 3);
					if (typeof startDate === 'string' && Date.parse(startDate) < threeMonthsAgo.getTime()) return fail(400, 'startDate must not be older than 3 months');
					return transcripts(options.ignorePage ? 1 : (page ?? 1), limit ?? 50);
				}
				return fail(400, `No route ${request.method} ${url.pathname}`);
			})
			.catch(() => fail(400, 'Body is not JSON'));

		function users(shown: number, limit: number, body: object) {
			const channelIds = (body as { channelIds?: unknown }).channelIds;
			if (!Array.isArray(channelIds) || channelIds.length === 0 || !channelIds.every((id) => id in USER_CHANNELS)) return fail(400, 'channelIds is invalid');
			const channel = channelIds[0] as number;
			const total = options.users ?? 60;
			const list = Array.from({ length: Math.max(0, Math.min(limit, total - (shown - 1) * limit)) }, (_, i) => {
				const n = (shown - 1) * limit + i;
				const date = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
				const userId = channel === 1014 ? `+9190000${String(n).padStart(5, '0')}` : `u-${n}`;
				return { userId, channelName: USER_CHANNELS[channel], userName: `User ${n}`, createdDate: date, 'first interacted date': date, 'last interacted date': date };
			});
			const pages = Math.ceil(total / limit);
			return reply(200, { users: list, page: shown, pages, total, limit, hasNextPage: options.ignorePage ? true : shown < pages });
		}

		function transcripts(shown: number, limit: number) {
			const total = options.transcripts ?? 40;
			const list = Array.from({ length: Math.max(0, Math.min(limit, total - (shown - 1) * limit)) }, (_, i) => {
				const n = (shown - 1) * limit + i;
				const at = new Date(startedAt - 86_400_000 + n * 1000).toISOString();
				return { from: n % 2 ? 'Bot' : 'User', type: 'text', text: { message: `message ${n}`, buttons: [], isRating: false }, createdAt: at, updatedAt: at };
			});
			return reply(200, { botUser: { customFields: { tier: 'gold' } }, transcripts: list, paginationDetails: { page: shown, pages: Math.ceil(total / limit), total, limit } });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		credentials: { baseUrl: `http://127.0.0.1:${port}`, ...STRICT_APP, ...STRICT_PATHS, sessionHeaderName: 'x-session', sessionHeaderPrefix: '' },
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
