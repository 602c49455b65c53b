import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { runPoll } from './harness';
import { NETCORE_CREDENTIALS, NETCORE_TRIGGER_TYPE, TRANSCRIPTS_ROUTE, USERS_ROUTE, addUsers, netcoreStore, simplifiedUser } from './netcore.fixture';

const NODE = 'Netcore Bot Trigger';
const STATE = `node:${NODE}`;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreUsersPerChannel: 40, netcoreTranscriptsPerUser: 30 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

function triggerNode(parameters: IDataObject = {}) {
	return { name: NODE, type: NETCORE_TRIGGER_TYPE, parameters: { channelIds: [1014, 1016], ...parameters }, credentials: NETCORE_CREDENTIALS };
}

const users = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => item.json);

test('the first activation remembers now and emits nothing; later polls emit each new user once', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	expect(await runPoll(triggerNode(), options)).toBeNull();
	expect(sim.count({ route: USERS_ROUTE })).toBe(0);
	expect(options.staticData[STATE]).toEqual({ cursor: expect.stringMatching(/Z$/), floor: expect.stringMatching(/Z$/), recent: [] });

	const added = [...(await addUsers(sim, 1014, 2)), ...(await addUsers(sim, 1016, 1)), ...(await addUsers(sim, 1010, 1))];
	const first = users(await runPoll(triggerNode(), options));
	expect(first.map((user) => user.userId)).toEqual(added.slice(0, 3).map((user) => user.userId));
	expect(first[0]).toEqual(simplifiedUser(added[0].userId, 'whatsapp', 1014));
	expect(sim.log.find((entry) => USERS_ROUTE.test(entry.route ?? ''))?.body).toEqual({
		channelIds: [1014, 1016],
		startDate: expect.stringMatching(/Z$/),
		endDate: expect.stringMatching(/Z$/),
	});

	// Nothing changed: nothing emitted, although the users are read again in the overlap window.
	expect(await runPoll(triggerNode(), options)).toBeNull();
	const later = await addUsers(sim, 1016, 1);
	expect(users(await runPoll(triggerNode(), options)).map((user) => user.userId)).toEqual([later[0].userId]);
	expect(await runPoll(triggerNode(), options)).toBeNull();
});

test('with a start date the first poll emits the users created since then', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const since = new Date(Date.now() - 10 * 86_400_000).toISOString();
	const emitted = users(await runPoll(triggerNode({ startDate: since }), options));
	expect(emitted.length).toBeGreaterThan(2);
	expect(emitted.every((user) => String(user.createdDate) >= since)).toBe(true);
	expect(await runPoll(triggerNode({ startDate: since }), options)).toBeNull();
});

const transient = {
	'a 503': { kind: 'status', status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'try later' } },
	'a dropped connection': { kind: 'reset' },
} as const;

test.each(Object.keys(transient) as Array<keyof typeof transient>)(
	'Include Transcript adds each new user\'s transcript and custom fields; %s that outlives the retries fails the poll, retried next time',
	async (name) => {
		const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
		const node = triggerNode({ channelIds: [1014], includeTranscript: true });
		await runPoll(node, options);
		const [added] = await addUsers(sim, 1014, 1);

		// Still failing after the shared retries (4 attempts): the poll fails and the user is not lost.
		sim.injectFault({ ...transient[name], times: 4, match: { route: TRANSCRIPTS_ROUTE } });
		await expect(runPoll(node, options)).rejects.toThrow(name === 'a 503' ? /try later/ : /could not be reached/);

		const [row] = users(await runPoll(node, options));
		expect(row).toMatchObject({ userId: added.userId, customFields: { email: expect.any(String) } });
		expect(row).not.toHaveProperty('transcriptError');
		expect(row.transcript).toHaveLength(30);
		expect((row.transcript as IDataObject[])[0]).toMatchObject({ provider: 'netcore', conversationId: added.userId });
		expect(sim.log.filter((entry) => TRANSCRIPTS_ROUTE.test(entry.route ?? '')).at(-1)?.body).toEqual({ botUserId: added.userId, channelId: 1014 });
	},
	// Four attempts with the shared backoff between them (about 1-2 s), with room for a busy machine.
	30_000,
);

test.each([
	['a 404', 404, { statusCode: 404, error: 'Not Found', message: 'No transcripts for this bot user' }, 'Netcore Bot: No transcripts for this bot user (HTTP 404)'],
	['a 400', 400, { statusCode: 400, error: 'Bad Request', message: 'botUserId is not valid' }, 'Netcore Bot: botUserId is not valid (HTTP 400)'],
	['an answer that is not a transcript list', 200, { transcripts: 'none' }, 'Netcore Bot sent an answer that is not the documented transcript list transcripts: Expected array, received string'],
])('Include Transcript: %s on one user\'s transcripts emits that user with transcriptError and never blocks the trigger', async (_name, status, body, reason) => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const node = triggerNode({ channelIds: [1014], includeTranscript: true });
	await runPoll(node, options);
	const added = await addUsers(sim, 1014, 3);
	sim.injectFault({ kind: 'status', status, body, times: 1, match: { route: TRANSCRIPTS_ROUTE } });

	const rows = users(await runPoll(node, options));
	expect(rows.map((row) => row.userId)).toEqual(added.map((user) => user.userId));
	const failed = rows.filter((row) => 'transcriptError' in row);
	expect(failed).toHaveLength(1);
	expect(failed[0].transcriptError).toBe(reason);
	expect(failed[0]).not.toHaveProperty('transcript');
	expect(rows.filter((row) => !('transcriptError' in row)).every((row) => (row.transcript as unknown[]).length === 30)).toBe(true);

	// Emitted once: the next polls go on and bring the next new user.
	expect(await runPoll(node, options)).toBeNull();
	const [later] = await addUsers(sim, 1014, 1);
	expect(users(await runPoll(node, options)).map((row) => [row.userId, 'transcriptError' in row])).toEqual([[later.userId, false]]);
});

test('Include Transcript: a transcript entry without a date is kept with an empty timestamp instead of failing every poll', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const node = triggerNode({ channelIds: [1014], includeTranscript: true });
	await runPoll(node, options);
	const [added] = await addUsers(sim, 1014, 1);
	const entries = [
		{ from: 'User', type: 'text', text: { message: 'hi' } },
		{ from: 'Bot', type: 'text', text: { message: 'hello' }, createdAt: '2026-11-01T10:00:01.000Z' },
	];
	const body = { botUser: { customFields: {} }, transcripts: entries, paginationDetails: { page: 1, pages: 1, total: 2, limit: 1000 } };
	sim.injectFault({ kind: 'status', status: 200, body, times: 1, match: { route: TRANSCRIPTS_ROUTE } });

	const [row] = users(await runPoll(node, options));
	expect(row).toMatchObject({ userId: added.userId });
	expect(row).not.toHaveProperty('transcriptError');
	expect((row.transcript as IDataObject[]).map((message) => [message.text, message.timestamp, message.raw])).toEqual([
		['hi', null, entries[0]],
		['hello', '2026-11-01T10:00:01.000Z', entries[1]],
	]);
	expect(await runPoll(node, options)).toBeNull();
});

test('a manual run shows the newest users and keeps no state', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const before = new Date().toISOString();
	const sample = users(await runPoll(triggerNode(), { ...options, mode: 'manual' }));
	expect(sample).toHaveLength(10);
	const dates = sample.map((user) => String(user.createdDate));
	expect([...dates].sort().reverse()).toEqual(dates);
	expect(options.staticData).toEqual({});
	// Both dates, always (the users call documents no default): from 2000-01-01 (or the Start Date) to now; pages of 26.
	const calls = sim.log.filter((entry) => USERS_ROUTE.test(entry.route ?? ''));
	expect(calls.map((entry) => entry.path.replace(/^.*\?/, ''))).toEqual(['limit=26', expect.stringMatching(/^page=\d+&limit=26$/)]);
	for (const call of calls) {
		expect(call.body).toEqual({ channelIds: [1014, 1016], startDate: '2000-01-01T00:00:00.000Z', endDate: expect.stringMatching(/Z$/) });
		expect(String((call.body as { endDate: string }).endDate) >= before).toBe(true);
	}
	const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
	sim.reset();
	await runPoll(triggerNode({ startDate: since }), { ...options, mode: 'manual' });
	expect(sim.log.find((entry) => USERS_ROUTE.test(entry.route ?? ''))?.body).toMatchObject({ startDate: since, endDate: expect.stringMatching(/Z$/) });
});

test('a Start Date still in the future asks nothing (a window ending before it starts is refused) until it has passed', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const node = triggerNode({ startDate: new Date(Date.now() + 86_400_000).toISOString() });
	expect(await runPoll(node, { ...options, mode: 'manual' })).toBeNull();
	expect(await runPoll(node, options)).toBeNull();
	expect(await runPoll(node, options)).toBeNull();
	expect(sim.count({ route: USERS_ROUTE })).toBe(0);
});

test('bad input fails the poll before any request', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	await expect(runPoll(triggerNode({ channelIds: [] }), options)).rejects.toThrow(/^Channels: choose at least one of/);
	await expect(runPoll(triggerNode({ startDate: 'last week' }), options)).rejects.toThrow(/^Start Date: "last week" is not an ISO 8601 date/);
	expect(sim.count({ provider: 'netcore' })).toBe(0);
});

test('a user the server lists again in the overlap is emitted once, whatever its creation date', async () => {
	// The spec does not say which date the users call filters on: a server filtering on the last interaction lists
	// a long-known user again in every poll whose window covers that interaction.
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	await runPoll(triggerNode({ channelIds: [1014] }), options);
	const old = '2020-01-01T00:00:00.000Z';
	const user = { userId: '+919800000001', channelName: 'whatsapp', userName: 'Asha', createdDate: old, 'first interacted date': old, 'last interacted date': new Date().toISOString() };
	const body = { users: [user], page: 1, pages: 1, total: 1, limit: 1000, hasNextPage: 0 };
	sim.injectFault({ match: { provider: 'netcore', route: USERS_ROUTE }, kind: 'status', status: 200, body, times: 2 });
	expect(users(await runPoll(triggerNode({ channelIds: [1014] }), options)).map((row) => row.userId)).toEqual([user.userId]);
	expect(await runPoll(triggerNode({ channelIds: [1014] }), options)).toBeNull();
	expect(sim.count({ route: USERS_ROUTE })).toBe(2);
});

test('Include Transcript: a user whose transcript can never be read is emitted with transcriptError instead of failing every poll', async () => {
	const options = { store: await netcoreStore(sim), staticData: {} as IDataObject };
	const node = triggerNode({ includeTranscript: true });
	await runPoll(node, options);
	const now = new Date().toISOString();
	const user = { userId: 'u-77', channelName: 'WhatsApp Business', userName: 'Ravi', createdDate: now, 'first interacted date': now, 'last interacted date': now };
	const body = { users: [user], page: 1, pages: 1, total: 1, limit: 1000, hasNextPage: false };
	sim.injectFault({ match: { provider: 'netcore', route: USERS_ROUTE }, kind: 'status', status: 200, body, times: 2 });
	const [row] = users(await runPoll(node, options));
	expect(row).toMatchObject({ userId: 'u-77', channelId: null, transcriptError: expect.stringMatching(/^Unknown channel "WhatsApp Business"/) });
	expect(row).not.toHaveProperty('transcript');
	expect(await runPoll(node, options)).toBeNull();
	expect(sim.count({ route: TRANSCRIPTS_ROUTE })).toBe(0);
});
