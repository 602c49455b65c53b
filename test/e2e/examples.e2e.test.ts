import { nodeItems } from '../../scripts/lib/n8n';
import { loadExampleWorkflows } from '../../scripts/lib/stage';
import { connect } from './environment';

const examples = loadExampleWorkflows();

test.each(examples.map((example) => [example.file, example]))('%s runs inside n8n against the simulator', async (file, example) => {
	const { n8n, sim, state } = await connect();
	// A manual trigger, or one of our own (a polling trigger's manual run fetches a sample).
	const trigger =
		example.json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger') ?? example.json.nodes.find((node) => /Trigger$/.test(node.type));
	const ours = example.json.nodes.filter((node) => node.type.startsWith('n8n-nodes-chat-providers.'));
	// Examples are named <provider>-<resource>-<operation>.json after the simulator's provider.
	const provider = example.file.split('-')[0];
	const requestsBefore = await sim.count({ provider });

	const executionId = await n8n.runWorkflowManually(state.workflowIds[file], trigger!.name);
	const execution = await n8n.waitForExecution(executionId);

	expect(execution.status).toBe('success');
	for (const node of ours) {
		const items = nodeItems(execution, node.name);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
	}
	expect(await sim.count({ provider })).toBeGreaterThan(requestsBefore);
});
