import { startSimulator, type Simulator } from '..';
import { postJson } from '../testing';
import { SAMPLE_WHATSAPP_USER } from './netcore-data';
import { NETCORE_PATHS, oldestTranscriptStart } from './netcore';
import { TRANSCRIPT_TYPE_NAMES } from './netcore-transcript';

const opened: Simulator[] = [];
afterAll(async () => await Promise.all(opened.map((sim) => sim.close())));

/** A simulator with a logged-in Netcore client. */
async function openNetcore(options: Parameters<typeof startSimulator>[0] = {}) {
	const sim = await startSimulator(options);
	opened.push(sim);
	const base = sim.providers.netcore.baseUrl;
	const login = async (credentials: Record<string, unknown> = sim.providers.netcore.credentials) => await postJson(`${base}${NETCORE_PATHS.auth}`, credentials);
	const { authToken, expireAt } = (await (await login()).json()) as { authToken: string; expireAt: string };
	const auth = { authorization: `Bearer ${authToken}` };
	return {
		sim,
		base,
		login,
		authToken,
		expireAt,
		users: async (body: unknown, query = 'limit=26', headers: Record<string, string> = auth) =>
			await postJson(`${base}${NETCORE_PATHS.users}?${query}`, body, headers),
		transcripts: async (body: unknown, query = 'page=1&limit=25') => await postJson(`${base}${NETCORE_PATHS.transcripts}?${query}`, body, auth),
		usage: async (query: string) => await fetch(`${base}${NETCORE_PATHS.usage}?${query}`, { headers: auth }),
	};
}

type Netcore = Awaited<ReturnType<typeof openNetcore>>;

/** A users window that holds every seeded user: the users call documents no default for either date. */
const ALL_TIME = { startDate: '2000-01-01T00:00:00.000Z', endDate: '2099-01-01T00:00:00.000Z' };
let netcore: Netcore;
beforeAll(async () => {
	netcore = await openNetcore({ sizes: { netcoreUsersPerChannel: 30, netcoreTranscriptsPerUser: 60 } });
});

describe('auth', () => {
	it('issues a token with its expiry', () => {
		expect(netcore.authToken).toMatch(/\S{20,}/);
		expect(Date.parse(netcore.expireAt)).toBeGreaterThan(Date.now());
	});

	it('refuses wrong app credentials with 409 and missing ones with 400, in the NestJS error shape', async () => {
		const wrong = await netcore.login({ appId: 'netcore-app-1', appSecret: 'nope' });
		expect(wrong.status).toBe(409);
		expect(await wrong.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'Invalid appId or appSecret' });
		expect((await netcore.login({ appId: 'netcore-app-1' })).status).toBe(400);
	});

	it('refuses a login body with a field the spec does not list', async () => {
		const extra = await netcore.login({ ...netcore.sim.providers.netcore.credentials, appKey: 'x' });
		expect(extra.status).toBe(400);
		expect(((await extra.json()) as { message: string }).message).toBe('body.appKey: is not a documented field');
	});

	it('answers 401 without a token, with an unknown one, and with an expired one', async () => {
		const body = { channelIds: [1010], ...ALL_TIME };
		expect((await netcore.users(body, undefined, {})).status).toBe(401);
		expect((await netcore.users(body, undefined, { authorization: 'Bearer forged' })).status).toBe(401);
		const { sim, users } = await openNetcore();
		sim.expireTokens('netcore');
		const expired = await users(body);
		expect(expired.status).toBe(401);
		expect(await expired.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Auth token expired' });
	});
});

describe('users', () => {
	it('pages through the users of several channels, oldest first, each exactly once', async () => {
		const seen: string[] = [];
		for (let page = 1; ; page++) {
			// The first page is the one without `page`: literally the parameter is `> 1`.
			const query = page === 1 ? 'limit=26' : `page=${page}&limit=26`;
			const answer = (await (await netcore.users({ channelIds: [1010, 1014], ...ALL_TIME }, query)).json()) as {
				users: Array<{ userId: string; createdDate: string }>;
				pages: number;
				total: number;
				hasNextPage: number;
			};
			expect(answer).toMatchObject({ page, limit: 26, total: 60, pages: 3 });
			seen.push(...answer.users.map((user) => user.userId));
			if (!answer.hasNextPage) break;
		}
		expect(seen).toHaveLength(60);
		expect(new Set(seen).size).toBe(60);
		expect(seen).toContain(SAMPLE_WHATSAPP_USER);
	});

	it('gives every user of a channel its own id, even 10,000 of them', async () => {
		const { users } = await openNetcore({ sizes: { netcoreUsersPerChannel: 10_000 } });
		for (const channelId of [1010, 1014, 1016, 1017]) {
			const answer = (await (await users({ channelIds: [channelId], ...ALL_TIME }, 'limit=10000')).json()) as { users: Array<{ userId: string }> };
			expect(new Set(answer.users.map((user) => user.userId)).size).toBe(10_000);
		}
		// 40,000 users generated and serialized: seconds on a loaded 2-core machine, past jest's default 5 s.
	}, 30_000);

	it('has the spec fields, including the keys with spaces', async () => {
		const answer = (await (await netcore.users({ channelIds: [1014], ...ALL_TIME })).json()) as { users: Array<Record<string, string>> };
		expect(Object.keys(answer.users[0]).sort()).toEqual(
			['channelName', 'createdDate', 'first interacted date', 'last interacted date', 'userId', 'userName'].sort(),
		);
		expect(answer.users[0]).toMatchObject({ userId: SAMPLE_WHATSAPP_USER, channelName: 'whatsapp' });
	});

	it('filters by creation date and lists users added later', async () => {
		const { sim, users } = await openNetcore({ sizes: { netcoreUsersPerChannel: 5 } });
		const since = new Date().toISOString();
		const added = (await (await postJson(`${sim.providers.netcore.baseUrl}/sim/users`, { channelId: 1016, count: 2 })).json()) as {
			users: Array<{ userId: string }>;
		};
		const answer = (await (await users({ channelIds: [1016], startDate: since, endDate: ALL_TIME.endDate })).json()) as { users: Array<{ userId: string }>; total: number };
		expect(answer.total).toBe(2);
		expect(answer.users.map((user) => user.userId)).toEqual(added.users.map((user) => user.userId));
	});

	const web = { channelIds: [1010], ...ALL_TIME };
	it.each([
		['limit below 25', web, 'limit=24', /limit/],
		['page 0', web, 'page=0&limit=26', /page/],
		['an unknown channel', { ...web, channelIds: [1011] }, undefined, /channelIds/],
		['repeated channels', { ...web, channelIds: [1010, 1010] }, undefined, /unique/],
		['a date that is not ISO UTC', { ...web, startDate: '2021-10-01 00:00' }, undefined, /^body\.startDate: must be an ISO 8601 date string in UTC/],
		['a date with an offset instead of UTC', { ...web, endDate: '2021-10-01T05:30:00+05:30' }, undefined, /^body\.endDate: must be an ISO 8601 date string in UTC/],
		['a date that is a number', { ...web, startDate: 1633046400000 }, undefined, /^body\.startDate: must be an ISO 8601 date string/],
		['start after end', { ...web, startDate: '2021-10-02T00:00:00.000Z', endDate: '2021-10-01T00:00:00.000Z' }, undefined, /after/],
		// Strict: the spec documents no default for either date, so both are required.
		['a missing startDate', { channelIds: [1010], endDate: ALL_TIME.endDate }, undefined, /^body\.startDate: required field missing$/],
		['a missing endDate', { channelIds: [1010], startDate: ALL_TIME.startDate }, undefined, /^body\.endDate: required field missing$/],
		// Strict: `page | integer > 1` and `limit | integer > 25`, read literally.
		['page 1 (literally page > 1)', web, 'page=1&limit=26', /^query\.page: must be an integer greater than 1$/],
		['limit 25 (literally limit > 25)', web, 'limit=25', /^query\.limit: must be an integer greater than 25$/],
		['a field the spec does not list', { ...web, channelId: 1010 }, undefined, /^body\.channelId: is not a documented field$/],
		['a query parameter the spec does not list', web, 'limit=26&size=26', /^query\.size: is not a documented parameter$/],
	])('refuses %s with 400', async (_name, body, query, message) => {
		const response = await netcore.users(body, query);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toMatch(message);
	});
});

describe('users, lenient', () => {
	let lenient: Netcore;
	beforeAll(async () => {
		lenient = await openNetcore({ strict: false, sizes: { netcoreUsersPerChannel: 30 } });
	});

	it('relaxes only the literal readings: no dates, page 1, limit 25 and undocumented fields are accepted', async () => {
		const answer = await lenient.users({ channelIds: [1010], source: 'crm' }, 'page=1&limit=25');
		expect(answer.status).toBe(200);
		expect(await answer.json()).toMatchObject({ page: 1, limit: 25, total: 30 });
	});

	it('still refuses what every reading refuses', async () => {
		expect((await lenient.users({ channelIds: [1010] }, 'limit=24')).status).toBe(400);
		expect((await lenient.users({ channelIds: [1010], startDate: 'yesterday' })).status).toBe(400);
	});
});

describe('transcripts', () => {
	const body = { botUserId: SAMPLE_WHATSAPP_USER, channelId: 1014 };

	it('returns the custom fields and pages of transcript entries covering every rich type', async () => {
		const first = (await (await netcore.transcripts(body, 'page=1&limit=50')).json()) as {
			botUser: { customFields: Record<string, unknown> };
			transcripts: Array<Record<string, unknown>>;
			paginationDetails: Record<string, number>;
		};
		expect(first.paginationDetails).toEqual({ page: 1, pages: 2, total: 60, limit: 50 });
		expect(first.botUser.customFields).toHaveProperty('email');
		expect(new Set(first.transcripts.map((entry) => entry.type))).toEqual(new Set(TRANSCRIPT_TYPE_NAMES));
		for (const entry of first.transcripts) expect(entry[entry.type as string]).toBeDefined();
		const second = (await (await netcore.transcripts(body, 'page=2&limit=50')).json()) as { transcripts: unknown[] };
		expect(second.transcripts).toHaveLength(10);
	});

	it('serves 10,000 entries in pages of 1000', async () => {
		const { transcripts } = await openNetcore({ sizes: { netcoreTranscriptsPerUser: 10_000 } });
		const last = (await (await transcripts(body, 'page=10&limit=1000')).json()) as { transcripts: unknown[]; paginationDetails: unknown };
		expect(last.transcripts).toHaveLength(1000);
		expect(last.paginationDetails).toEqual({ page: 10, pages: 10, total: 10_000, limit: 1000 });
	});

	it.each([
		['limit below 25', body, 'limit=24', /limit/],
		['limit above 1000', body, 'limit=1001', /limit/],
		['a start date older than 3 months', { ...body, startDate: new Date(oldestTranscriptStart(Date.now()) - 60_000).toISOString() }, undefined, /3 months/],
		['an unknown channel', { ...body, channelId: 1009 }, undefined, /channelId/],
		['a WhatsApp user that is not a phone number', { ...body, botUserId: '+91 98765 43210' }, undefined, /phone number/],
		['a date that is not ISO UTC', { ...body, endDate: 'yesterday' }, undefined, /endDate/],
		['a field the spec does not list', { ...body, channelIds: [1014] }, undefined, /^body\.channelIds: is not a documented field$/],
		['page 0', body, 'page=0', /^query\.page: must be an integer of at least 1$/],
	])('refuses %s with 400', async (_name, requestBody, query, message) => {
		const response = await netcore.transcripts(requestBody, query);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toMatch(message);
	});
});

describe('usage', () => {
	it('counts a month of a channel', async () => {
		const month = new Date().toISOString().slice(0, 7);
		const answer = (await (await netcore.usage(`monthDate=${month}-01&channelId=1014`)).json()) as Record<string, number>;
		expect(Object.keys(answer).sort()).toEqual(['totalMessages', 'totalUsers']);
		expect(answer.totalUsers).toBeGreaterThanOrEqual(0);
	});

	it('refuses a day other than the first of the month', async () => {
		expect((await netcore.usage('monthDate=2021-08-15&channelId=1014')).status).toBe(400);
	});

	it('refuses a query parameter the spec does not list, and a channelId that is not an integer', async () => {
		const extra = await netcore.usage('monthDate=2021-08-01&channelId=1014&year=2021');
		expect(extra.status).toBe(400);
		expect(((await extra.json()) as { message: string }).message).toBe('query.year: is not a documented parameter');
		expect((await netcore.usage('monthDate=2021-08-01&channelId=whatsapp')).status).toBe(400);
	});
});
