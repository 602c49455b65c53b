import { nodeItems } from '../../scripts/lib/n8n';
import { loadExampleWorkflows } from '../../scripts/lib/stage';
import { webhookTriggerTypes } from '../package-manifest';
import { connect } from './environment';

const webhookTriggers = webhookTriggerTypes();
// Webhook-trigger examples are activated and fired by their provider's own e2e tests (a manual run would wait
// for a test event); every other example starts with a click or with one of our polling triggers run once.
const examples = loadExampleWorkflows().filter((example) => !example.json.nodes.some((node) => webhookTriggers.has(node.type)));

test.each(examples.map((example) => [example.file, example]))('%s runs inside n8n against the simulator', async (file, example) => {
	const { n8n, sim, state } = await connect();
	const trigger = example.json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger') ?? example.json.nodes.find((node) => /Trigger$/.test(node.type));
	const ours = example.json.nodes.filter((node) => node.type.startsWith('n8n-nodes-chat-providers.'));
	const requestsBefore = await sim.count();

	const executionId = await n8n.runWorkflowManually(state.workflowIds[file], trigger!.name);
	const execution = await n8n.waitForExecution(executionId);

	expect(execution.status).toBe('success');
	for (const node of ours) {
		const items = nodeItems(execution, node.name);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
	}
	expect(await sim.count()).toBeGreaterThan(requestsBefore);
});
