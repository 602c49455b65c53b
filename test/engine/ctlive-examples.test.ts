import type { IWorkflowBase } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { ctliveStore, postedResults, runFromWebhook } from './ctlive.fixture';
import { startStrictServer } from './ctlive-strict-server';
import { loadExamples, ourNodes, simulatorCredentials } from './examples';
import { createCredentialStore, runWebhook, runWorkflow } from './harness';

const examples = loadExamples().filter((example) => example.file.startsWith('ctlive-'));
const BRIDGE = 'ctlive-trigger-bridge.json';
/** Waits for an agent's answer at its CTLive Trigger: run in ctlive-conversations.test.ts and in real n8n. */
const ASK = 'ctlive-message-send-and-wait.json';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

test('there is a CTLive example for each operation and the trigger', () => {
	expect(examples.map((example) => example.file)).toEqual([
		ASK,
		'ctlive-message-send.json',
		'ctlive-report-send-delivery.json',
		'ctlive-report-send-seen.json',
		BRIDGE,
	]);
});

test.each(examples.filter((example) => example.file !== BRIDGE && example.file !== ASK).map((example) => [example.file, example]))(
	'%s also runs against an independent strict server',
	async (_file, { workflow }) => {
		const server = await startStrictServer();
		try {
			const result = await runWorkflow(workflow, await createCredentialStore({ ctLiveApi: server.credentials }));
			for (const node of ourNodes(workflow)) {
				expect(result.error(node.name)).toBeUndefined();
				expect(result.output(node.name).length).toBeGreaterThan(0);
			}
			expect(server.requests.map((request) => request.status)).toEqual([200]);
		} finally {
			await server.close();
		}
	},
);

describe(`${BRIDGE}: a CTLive delivery runs the bridge, which reports the delivery under the answered message id`, () => {
	const bridge = examples.find((example) => example.file === BRIDGE)!.workflow as IWorkflowBase;
	const trigger = bridge.nodes.find((node) => node.type.endsWith('.ctLiveTrigger'))!;
	const delivery = {
		scenarioKey: 'CC9F01A5DC7BEE2C2B829D203482A654',
		destinations: [{ to: { phoneNumber: '41793026727' } }, { to: { phoneNumber: '41793026731' } }],
		whatsApp: { text: 'Your order has shipped.' },
	};

	async function fire() {
		const { webhookUser, webhookPassword } = sim.providers.ctlive.credentials;
		const run = await runWebhook(trigger, { headers: { authorization: basic(webhookUser, webhookPassword) }, body: delivery }, {
			store: await ctliveStore(sim),
			staticData: {},
			workflowId: `bridge-${Date.now()}-${Math.random()}`,
		});
		return { run, answered: (run.response.body as { messages: Array<{ messageId: string }> }).messages.map((message) => message.messageId) };
	}

	test('against the simulator', async () => {
		const { run, answered } = await fire();
		const result = await runFromWebhook(bridge, trigger.name, run.items, await createCredentialStore(simulatorCredentials(sim)));
		expect(result.error('Report Delivered to CTLive')).toBeUndefined();
		expect(postedResults(sim).map((entry) => [entry.messageId, entry.to, (entry.status as { name: string }).name])).toEqual([
			[answered[0], '41793026727', 'DELIVERED_TO_HANDSET'],
			[answered[1], '41793026731', 'DELIVERED_TO_HANDSET'],
		]);
	});

	test('against an independent strict server', async () => {
		const { run } = await fire();
		const server = await startStrictServer();
		try {
			const result = await runFromWebhook(bridge, trigger.name, run.items, await createCredentialStore({ ctLiveApi: server.credentials }));
			expect(result.error('Report Delivered to CTLive')).toBeUndefined();
			expect(server.requests.map((request) => request.status)).toEqual([200, 200]);
		} finally {
			await server.close();
		}
	});
});
