/**
 * Netcore's polling trigger in queue mode: the main process polls (n8n's leader runs the schedules), the
 * workers run the executions; users added between polls are emitted once, none twice, none lost.
 */
import { randomUUID } from 'node:crypto';

import { nodeOutput } from '../../scripts/lib/n8n';
import { check, countBy, executionsOf, PACKAGE, RAN_ON, ranOn, ranOnNode, sleep, until, type QueueCase, type QueueContext } from './harness';

const CHANNEL = 1016;

async function addUsers(context: QueueContext, count: number): Promise<string[]> {
	const response = await fetch(`${context.sim.url}/netcore/sim/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ channelId: CHANNEL, count }),
	});
	return ((await response.json()) as { users: Array<{ userId: string }> }).users.map((user) => user.userId);
}

export const pollingOnce: QueueCase = {
	name: "Netcore's polling trigger: new users emitted once",
	timeoutMs: 300_000,
	async run(context) {
		const startDate = new Date(Date.now() - 1000).toISOString();
		const first = await addUsers(context, 3);
		const workflow = await context.n8n.createWorkflow({
			name: `queue: Netcore new users ${randomUUID().slice(0, 8)}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'New Bot User',
					type: `${PACKAGE}.netcoreBotTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, channelIds: [CHANNEL], startDate, includeTranscript: false },
					credentials: { netcoreBotApi: context.credentialIds.get('netcoreBotApi') },
				},
				ranOnNode(),
			],
			connections: { 'New Bot User': { main: [[{ node: RAN_ON, type: 'main', index: 0 }]] } },
		});
		const emitted = async (count: number) =>
			await until(`${count} execution(s) of the polling trigger`, async () => {
				const executions = (await executionsOf(context.n8n, workflow.id)).filter((execution) => execution.status === 'success');
				return executions.length >= count ? executions : undefined;
			}, 150_000, 2000);
		try {
			// n8n polls once at activation, then every minute.
			await context.n8n.activateWorkflow(workflow.id);
			await emitted(1);
			const second = await addUsers(context, 4);
			await emitted(2);
			// One more poll finds nothing new: n8n then starts no execution.
			await sleep(65_000);
			const executions = (await executionsOf(context.n8n, workflow.id)).sort((a, b) => Number(a.id) - Number(b.id));
			const users = executions.flatMap((execution) => nodeOutput(execution, 'New Bot User').map((user) => String(user.userId)));
			const twice = [...countBy(users)].filter(([, count]) => count > 1).map(([user]) => user);
			const missing = [...first, ...second].filter((user) => !users.includes(user));
			const perWorker = Object.fromEntries(countBy(executions.map((execution) => ranOn(execution) ?? 'none')));
			context.log(`    ${executions.length} executions (${executions.map((execution) => execution.status).join(', ')}), ${users.length} users emitted, on ${JSON.stringify(perWorker)}`);
			check(twice.length === 0, `users emitted more than once: ${twice.join(', ')}`);
			check(missing.length === 0, `users never emitted: ${missing.join(', ')}`);
			check(executions.length === 2, `${executions.length} executions for 2 polls that found users`);
			check(Object.keys(perWorker).every((name) => name.startsWith('worker-')), `executions not run by a worker: ${JSON.stringify(perWorker)}`);
			return { usersAdded: first.length + second.length, usersEmitted: users.length, executions: executions.length, perWorker };
		} finally {
			await context.n8n.deactivateWorkflow(workflow.id);
		}
	},
};
