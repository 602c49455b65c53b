/**
 * The Netcore Bot Trigger's row: a polling trigger receives no deliveries, so each column is its polling
 * counterpart: a refused login or a malformed answer fails the poll with a clear error and loses nothing (the next
 * poll brings the users), users listed again are emitted once, 1,000 new users at once are each emitted once.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../simulator';
import { simulatorCredentials } from '../examples';
import { createCredentialStore, runPoll } from '../harness';
import { addUsers, NETCORE_CREDENTIALS, NETCORE_TRIGGER_TYPE, USERS_ROUTE } from '../netcore.fixture';
import type { TriggerFaultKey } from './trigger-cells';

const node = { name: 'Netcore Bot Trigger', type: NETCORE_TRIGGER_TYPE, parameters: { channelIds: [1014] }, credentials: NETCORE_CREDENTIALS };
const emitted = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => String(item.json.userId));

/** Waits until the clock reaches `time` (at most a few seconds: the simulator's users are dated from now on). */
async function until(time: number) {
	const wait = Math.min(Math.max(time - Date.now(), 0), 5_000);
	await new Promise((resolve) => setTimeout(resolve, wait));
}

export const NOT_APPLICABLE = 'n/a: a poll receives no request body';

export async function runPollCell(fault: TriggerFaultKey): Promise<string> {
	if (fault === 'oversized') return NOT_APPLICABLE;
	const sim = await startSimulator({ quiet: true });
	try {
		const data = simulatorCredentials(sim).netcoreBotApi;
		const good = { store: await createCredentialStore({ netcoreBotApi: data }), staticData: {} as IDataObject };
		// Activation remembers where to start from and asks nothing.
		expect(await runPoll(node, good)).toBeNull();

		if (fault === 'concurrent') {
			const added = [...(await addUsers(sim, 1014, 500)), ...(await addUsers(sim, 1014, 500))];
			// The simulator dates them a millisecond apart from now on: poll once the last one is in the past.
			await until(Date.parse(String((added.at(-1) as { createdDate?: string }).createdDate)) + 1);
			expect(emitted(await runPoll(node, good)).sort()).toEqual(added.map((user) => user.userId).sort());
			expect(await runPoll(node, good)).toBeNull();
			return '1,000 new users at once: each emitted once';
		}
		const [user] = await addUsers(sim, 1014, 1);
		if (fault === 'replay') {
			expect(emitted(await runPoll(node, good))).toEqual([user.userId]);
			// The next poll reads the overlap window again, that user included.
			expect(await runPoll(node, good)).toBeNull();
			expect(sim.count({ route: USERS_ROUTE })).toBe(2);
			return 'listed again in the overlap: emitted once';
		}
		let expected: RegExp;
		let failing = good;
		if (fault === 'malformed') {
			sim.injectFault({ kind: 'malformed', times: 1, match: { route: USERS_ROUTE } });
			expected = /^Netcore Bot sent an answer that is not the documented user list/;
		} else {
			const appSecret = fault === 'wrongAuth' ? `${data.appSecret}-wrong` : '';
			failing = { ...good, store: await createCredentialStore({ netcoreBotApi: { ...data, appSecret } }) };
			expected = /^Netcore Bot: Invalid appId or appSecret \(HTTP 409\)$/;
		}
		const before = JSON.stringify(good.staticData);
		const error = await runPoll(node, failing).then(
			() => undefined,
			(caught: Error) => caught,
		);
		expect(error?.message).toMatch(expected);
		expect(`${error?.message} ${JSON.stringify(error)}`).not.toContain(String(data.appSecret));
		// Nothing remembered: the users come with the next poll that can read them.
		expect(JSON.stringify(good.staticData)).toBe(before);
		expect(emitted(await runPoll(node, good))).toEqual([user.userId]);
		return fault === 'malformed' ? 'poll fails naming Netcore Bot; next poll emits the user' : 'poll fails: login refused (409); next poll emits the user';
	} finally {
		await sim.close();
	}
}
