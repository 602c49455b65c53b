/**
 * Conversations across an n8n restart, on an n8n of this test's own (the package installed as for the suite, on
 * E2E_N8N_PORT + 2), stopped (SIGTERM, as a deployment does) and started again on the same database:
 * - a customer's reply sent after the restart resumes the execution that was waiting before it;
 * - a burst being combined when n8n stopped is not lost: the trigger's next delivery starts its execution.
 */
import fs from 'node:fs';
import path from 'node:path';

import { chooseCredentials } from '../../scripts/lib/credentials';
import { nodeOutput, startN8n, type N8nClient, type N8nServer } from '../../scripts/lib/n8n';
import { PROJECT_ROOT, stageN8n } from '../../scripts/lib/stage';
import { activateMehery, eventually, executionsOf, executionWith, finished, meheryNotifies, textsSentTo } from './chat';
import { connect, E2E_DIR } from './environment';

const PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 2;
const FOLDER = path.join(E2E_DIR, 'n8n-restart');
const ASK = 'mehery-message-send-and-wait.json';
const BURSTS = 'mehery-trigger-combine-bursts.json';
/** Long enough that the burst is still open when n8n stops. */
const BURST_WINDOW_SECONDS = 20;
/** When another process's burst is taken over: its window plus 30 s (trigger/burst.ts). */
const ORPHAN_AFTER_MS = (BURST_WINDOW_SECONDS + 30) * 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('conversations across an n8n restart (an n8n of its own)', () => {
	let server: N8nServer | undefined;
	let client: N8nClient;
	let workflowIds: Map<string, string>;

	beforeAll(async () => {
		const { sim } = await connect();
		fs.rmSync(FOLDER, { recursive: true, force: true });
		const credentials = chooseCredentials(await sim.providers(), { root: PROJECT_ROOT, simulatorOnly: true });
		// The tarball the suite's own n8n was installed from: packing here would block the process serving the simulator.
		const packed = path.join(E2E_DIR, 'n8n-user', 'pack');
		const tarball = path.join(packed, fs.readdirSync(packed).find((file) => file.endsWith('.tgz'))!);
		const stage = await stageN8n({ userFolder: FOLDER, port: PORT, credentials, tarball });
		({ server, client, workflowIds } = stage);
	}, 240_000);
	afterAll(async () => await server?.stop(), 60_000);

	test('a reply sent after n8n restarted during the wait resumes that execution, and a new customer is asked; a burst cut off by the restart starts its execution with the next delivery', async () => {
		const { sim } = await connect();
		const askId = workflowIds.get(ASK)!;
		const burstsId = workflowIds.get(BURSTS)!;
		const bursts = await client.api<{ name: string; nodes: Array<{ name: string; parameters: Record<string, unknown> }>; connections: object; settings: object }>('GET', `/workflows/${burstsId}`);
		bursts.nodes.find((node) => node.name === 'Mehery Trigger')!.parameters.options = { combineWithinSeconds: BURST_WINDOW_SECONDS };
		await client.api('PUT', `/workflows/${burstsId}`, { name: bursts.name, nodes: bursts.nodes, connections: bursts.connections, settings: bursts.settings });
		const askUrl = await activateMehery(client, sim, askId);
		const burstsUrl = await activateMehery(client, sim, burstsId);

		const started = Date.now();
		await meheryNotifies(askUrl, { kind: 'message', id: 'restart-a1', text: 'Hi', phone: '919900006001', name: 'Ravi' });
		const asking = await executionWith(client, askId, started, 'waiting');
		await meheryNotifies(burstsUrl, { kind: 'message', id: 'restart-b1', text: 'cut off by the restart', phone: '919900006002' });
		const cutAt = Date.now();
		// Saved at once through the trigger's own endpoint, not only when the burst ends.
		await eventually('the open burst in the trigger static data', async () => {
			const workflow = await client.api<{ staticData?: Record<string, { combineBursts?: { bursts?: unknown[] } }> }>('GET', `/workflows/${burstsId}`);
			return workflow.staticData?.['node:Mehery Trigger']?.combineBursts?.bursts?.length === 1 ? true : undefined;
		});

		await server!.stop();
		server = await startN8n({ userFolder: FOLDER, port: PORT });
		await client.login();

		expect((await meheryNotifies(askUrl, { kind: 'message', id: 'restart-a2', text: '12345', phone: '919900006001' })).status).toBe(200);
		const resumed = await finished(client, asking.id);
		expect(nodeOutput(resumed, 'Look Up Status')).toEqual([{ to: '919900006001', order: '12345', status: 'shipped, arriving tomorrow' }]);
		expect(await textsSentTo(sim, '919900006001', started)).toEqual(['Hi Ravi! What is your order number?', 'Order 12345: shipped, arriving tomorrow']);
		expect((await executionsOf(client, askId)).filter((execution) => new Date(execution.startedAt).getTime() >= started - 1000)).toHaveLength(1);
		const afterRestart = Date.now();
		await meheryNotifies(askUrl, { kind: 'message', id: 'restart-c1', text: 'Hello again', phone: '919900006003', name: 'Mira' });
		await executionWith(client, askId, afterRestart, 'waiting');
		expect(await textsSentTo(sim, '919900006003', afterRestart)).toEqual(['Hi Mira! What is your order number?']);

		await pause(Math.max(0, cutAt + ORPHAN_AFTER_MS + 2_000 - Date.now()));
		const taken = Date.now();
		expect((await meheryNotifies(burstsUrl, { kind: 'status', status: 'READ' })).status).toBe(200);
		const recovered = await executionWith(client, burstsId, taken, 'success');
		expect(nodeOutput(recovered, 'Mehery Trigger')).toEqual([expect.objectContaining({ from: '919900006002', messageCount: 1, text: 'cut off by the restart' })]);
		await pause(2000);
		expect((await executionsOf(client, burstsId)).filter((execution) => new Date(execution.startedAt).getTime() >= started - 1000)).toHaveLength(1);
	}, 300_000);
});
