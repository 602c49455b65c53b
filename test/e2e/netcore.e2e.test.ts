/**
 * Netcore Bot inside a real n8n: the polling trigger activated and emitting the simulator's new bot users, and
 * a credential Test with a wrong secret. The examples run in examples.e2e.test.ts; the credential's Test with the
 * right values in package.e2e.test.ts.
 */
import { nodeOutput } from '../../scripts/lib/n8n';
import { connect, loadState } from './environment';

async function addUsers(simulatorUrl: string, channelId: number, count: number): Promise<Array<{ userId: string }>> {
	const response = await fetch(`${simulatorUrl}/netcore/sim/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ channelId, count }),
	});
	return ((await response.json()) as { users: Array<{ userId: string }> }).users;
}

test('the polling trigger, activated, emits the simulator\'s new bot users once, with their transcripts', async () => {
	const { n8n, sim, state } = await connect();
	const { credentialIds } = loadState();
	// Everything seeded is older than this; the users added next are the only ones after it.
	const startDate = new Date(Date.now() - 1000).toISOString();
	const added = await addUsers(state.simulatorUrl, 1016, 3);
	const workflow = await n8n.createWorkflow({
		name: 'e2e: Netcore new bot users',
		nodes: [
			{
				id: 'netcore-trigger',
				name: 'New Bot User',
				type: 'n8n-nodes-chat-providers.netcoreBotTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyHour' }] }, channelIds: [1016], startDate, includeTranscript: true },
				credentials: { netcoreBotApi: credentialIds.netcoreBotApi },
			},
		],
		connections: {},
	});
	const activatedAt = Date.now();
	try {
		// n8n runs a polling trigger once when it activates it, then on its schedule.
		await n8n.activateWorkflow(workflow.id);
		const execution = await n8n.waitForExecution({ workflowId: workflow.id, after: activatedAt });
		expect(execution.status).toBe('success');
		const users = nodeOutput(execution, 'New Bot User');
		expect(users.map((user) => user.userId)).toEqual(added.map((user) => user.userId));
		expect(users[0]).toMatchObject({ channelName: 'telegram', channelId: 1016, customFields: expect.any(Object) });
		expect((users[0].transcript as unknown[]).length).toBeGreaterThan(0);
		const calls = await sim.log({ provider: 'netcore', since: activatedAt });
		expect(calls.filter((entry) => /\/v1\/users\?/.test(entry.path)).map((entry) => entry.body)).toEqual([
			{ channelIds: [1016], startDate, endDate: expect.stringMatching(/Z$/) },
		]);
		expect(await n8n.listExecutions(workflow.id)).toHaveLength(1);
	} finally {
		await n8n.deactivateWorkflow(workflow.id);
	}
});

test('a credential Test with a wrong app secret fails with Netcore\'s message, not the secret', async () => {
	const { n8n, sim } = await connect();
	const health = await sim.health();
	const result = await n8n.testCredential({
		type: 'netcoreBotApi',
		data: { baseUrl: health.providers.netcore, appId: 'netcore-app-1', appSecret: 'not-the-secret-4b9' },
	});
	expect(result.status).toBe('Error');
	expect(result.message).toBe('Netcore Bot login failed: Invalid appId or appSecret (HTTP 409)');
	expect(result.message).not.toContain('not-the-secret-4b9');
});
