import { nodeItems } from '../../scripts/lib/n8n';
import { loadExampleWorkflows } from '../../scripts/lib/stage';
import { connect } from './environment';

const examples = loadExampleWorkflows();

test.each(examples.map((example) => [example.file, example]))('%s runs inside n8n against the simulator', async (file, example) => {
	const { n8n, sim, state } = await connect();
	const trigger = example.json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const ours = example.json.nodes.filter((node) => node.type.startsWith('n8n-nodes-chat-providers.'));
	const requestsBefore = await sim.count({ provider: 'irisengage' });

	const executionId = await n8n.runWorkflowManually(state.workflowIds[file], trigger!.name);
	const execution = await n8n.waitForExecution(executionId);

	expect(execution.status).toBe('success');
	for (const node of ours) {
		const items = nodeItems(execution, node.name);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
	}
	expect(await sim.count({ provider: 'irisengage' })).toBeGreaterThan(requestsBefore);
});
