/**
 * Where a Mehery Send and Wait for Reply finds the trigger that receives the reply, in a real n8n:
 * - Trigger In: Another Workflow: the node is given the Mehery Trigger's Production URL; a manual run of its own
 *   workflow asks and waits, the customer's reply at that trigger resumes it and the trigger's workflow starts nothing;
 * - Trigger In: This Workflow, in an execution resumed from waiting: a second question after the first reply finds
 *   the endpoint in the static data the resumed execution loaded.
 */
import { loadExampleWorkflows } from '../../scripts/lib/stage';
import { activateMehery, eventually, executionsOf, finished, lastRunOutput, meheryNotifies, textsSentTo, waiting } from './chat';
import { connect } from './environment';

type Node = { name: string; type: string; parameters: Record<string, unknown>; credentials?: Record<string, unknown>; webhookId?: string; [key: string]: unknown };

const EXAMPLE = 'mehery-message-send-and-wait.json';
const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });

/** The example's Mehery Trigger and question, with this n8n's credential, renamed and re-parametrized. */
async function exampleNodes() {
	const { state } = await connect();
	const template = loadExampleWorkflows().find((candidate) => candidate.file === EXAMPLE)!.json;
	const credentials = { meheryXmsApi: { id: state.credentialIds.meheryXmsApi, name: 'Mehery XMS account' } };
	const find = (type: string) => ({ ...(template.nodes as Node[]).find((node) => node.type.endsWith(type))!, credentials });
	const trigger = (webhookId: string): Node => ({ ...find('meheryTrigger'), webhookId });
	const ask = (name: string, parameters: Record<string, unknown>, position: [number, number]): Node => {
		const base = find('.mehery');
		const { replyPattern: _pattern, otherReplies: _others, repromptText: _reprompt, ...rest } = base.parameters;
		return { ...base, id: `c18-${name.toLowerCase().replace(/\W+/g, '-')}`, name, position, parameters: { ...rest, replyFilter: 'any', ...parameters } };
	};
	return { trigger, ask };
}

describe('where the waiting node finds the trigger, in real n8n', () => {
	const created: string[] = [];
	afterAll(async () => {
		const { n8n } = await connect();
		for (const id of created) await n8n.deactivateWorkflow(id).catch(() => undefined);
	}, 60_000);

	test("another workflow: given the trigger's Production URL, a manual run asks and waits; the reply at that trigger resumes it and starts nothing there", async () => {
		const { n8n, sim } = await connect();
		const { trigger, ask } = await exampleNodes();
		const receiving = await n8n.createWorkflow({
			name: 'e2e: Mehery Trigger receiving replies for another workflow',
			nodes: [trigger('c18-other-workflow-trigger'), { id: 'c18-noop', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} }],
			connections: { 'Mehery Trigger': link('Received') },
		});
		created.push(receiving.id);
		const url = await activateMehery(n8n, sim, receiving.id);
		const asking = await n8n.createWorkflow({
			name: 'e2e: Mehery ask, the trigger in another workflow',
			nodes: [
				{ id: 'c18-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				ask('Ask', { recipient: '919900007001', text: 'Which size do you need?', triggerIn: 'anotherWorkflow', triggerUrl: url }, [260, 0]),
			],
			connections: { Start: link('Ask') },
		});
		const started = Date.now();
		const executionId = await n8n.runWorkflowManually(asking.id, 'Start');
		await waiting(n8n, executionId);
		expect(await textsSentTo(sim, '919900007001', started)).toEqual(['Which size do you need?']);

		expect((await meheryNotifies(url, { kind: 'message', id: 'other-wf-1', text: 'Size M', phone: '919900007001' })).status).toBe(200);
		const done = await finished(n8n, executionId);
		expect(lastRunOutput(done, 'Ask')).toEqual([expect.objectContaining({ text: 'Size M', messageId: 'other-wf-1', from: '919900007001' })]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executionsOf(n8n, receiving.id)).toEqual([]);
	}, 120_000);

	test('this workflow, asked again in the execution the first reply resumed: the second question waits too and its reply finishes it', async () => {
		const { n8n, sim } = await connect();
		const { trigger, ask } = await exampleNodes();
		const recipient = '={{ $json.from }}';
		const workflow = await n8n.createWorkflow({
			name: 'e2e: Mehery asks twice in one execution',
			nodes: [
				trigger('c18-asks-twice-trigger'),
				ask('Ask Name', { recipient, text: 'What is your name?' }, [260, 0]),
				ask('Ask Order', { recipient, text: 'Thanks! Your order number?' }, [520, 0]),
			],
			connections: { 'Mehery Trigger': link('Ask Name'), 'Ask Name': link('Ask Order') },
		});
		created.push(workflow.id);
		const url = await activateMehery(n8n, sim, workflow.id);
		const started = Date.now();
		await meheryNotifies(url, { kind: 'message', id: 'twice-1', text: 'Hello', phone: '919900007002' });
		await eventually('the first question', async () => ((await textsSentTo(sim, '919900007002', started)).length === 1 ? true : undefined));
		await meheryNotifies(url, { kind: 'message', id: 'twice-2', text: 'Asha', phone: '919900007002' });
		await eventually('the second question', async () => ((await textsSentTo(sim, '919900007002', started)).length === 2 ? true : undefined));
		const [asking] = await executionsOf(n8n, workflow.id);
		await waiting(n8n, asking.id);

		await meheryNotifies(url, { kind: 'message', id: 'twice-3', text: '12345', phone: '919900007002' });
		const done = await finished(n8n, asking.id);
		expect([lastRunOutput(done, 'Ask Name')[0]?.text, lastRunOutput(done, 'Ask Order')[0]?.text]).toEqual(['Asha', '12345']);
		expect(await textsSentTo(sim, '919900007002', started)).toEqual(['What is your name?', 'Thanks! Your order number?']);
		expect(await executionsOf(n8n, workflow.id)).toHaveLength(1);
	}, 120_000);
});
