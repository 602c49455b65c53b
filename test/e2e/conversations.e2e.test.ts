/**
 * Mehery "Send and Wait for Reply" in a real n8n, with the simulated Mehery playing the customers: the example
 * "ask for the order number" is activated; a customer's first message starts one execution that asks and waits,
 * their reply resumes that same execution, another customer's message meanwhile starts its own, a reply that does
 * not count gets the reprompt, and the time limit takes the No Reply path.
 */
import { nodeOutput } from '../../scripts/lib/n8n';
import { loadExampleWorkflows } from '../../scripts/lib/stage';
import { activateMehery, eventually, executionsOf, executionWith, finished, lastRunOutput, meheryNotifies, textsSentTo, useActiveMeheryExample } from './chat';
import { connect } from './environment';

const EXAMPLE = 'mehery-message-send-and-wait.json';
const ASK = 'Ask for Order Number';

describe('Mehery Send and Wait for Reply, the order-number example in real n8n', () => {
	const example = useActiveMeheryExample(EXAMPLE);

	test("a customer's message starts one execution that asks and waits; another customer's message starts its own; the reply resumes the first, which finishes with it", async () => {
		const { n8n, sim } = await connect();
		const before = (await executionsOf(n8n, example.workflowId)).length;
		const started = Date.now();

		const first = await meheryNotifies(example.url, { kind: 'message', id: 'conv-a1', text: 'Hi, where is my order?', phone: '919900001001', name: 'Asha' });
		expect([first.status, JSON.parse(first.body)]).toEqual([200, { received: 1, started: 1 }]);
		const asking = await executionWith(n8n, example.workflowId, started, 'waiting');
		expect(await textsSentTo(sim, '919900001001', started)).toEqual(['Hi Asha! What is your order number?']);

		// Another customer, while the first one's execution waits.
		const other = await meheryNotifies(example.url, { kind: 'message', id: 'conv-b1', text: 'Hello?', phone: '919900001002', name: 'Bilal' });
		expect(other.status).toBe(200);
		await eventually('the second customer to be asked', async () => ((await textsSentTo(sim, '919900001002', started)).length === 1 ? true : undefined));

		const reply = await meheryNotifies(example.url, { kind: 'message', id: 'conv-a2', text: 'It is 12345', phone: '919900001001', name: 'Asha' });
		expect(reply.status).toBe(200);
		const done = await finished(n8n, asking.id);
		expect(lastRunOutput(done, ASK)).toEqual([expect.objectContaining({ type: 'text', text: 'It is 12345', from: '919900001001', messageId: 'conv-a2', buttonCode: null })]);
		expect(lastRunOutput(done, ASK, 1)).toEqual([]);
		expect(nodeOutput(done, 'Look Up Status')).toEqual([{ to: '919900001001', order: '12345', status: 'shipped, arriving tomorrow' }]);
		expect(await textsSentTo(sim, '919900001001', started)).toEqual(['Hi Asha! What is your order number?', 'Order 12345: shipped, arriving tomorrow']);

		// Exactly two executions: the reply started none, and the second customer's still waits.
		const all = (await executionsOf(n8n, example.workflowId)).filter((execution) => new Date(execution.startedAt).getTime() >= started - 1000);
		expect(all.map((execution) => execution.status).sort()).toEqual(['success', 'waiting']);
		expect((await executionsOf(n8n, example.workflowId)).length).toBe(before + 2);
	}, 120_000);

	test('a reply that does not count gets the reprompt and starts nothing; the counting one then resumes the wait', async () => {
		const { n8n, sim } = await connect();
		const started = Date.now();
		await meheryNotifies(example.url, { kind: 'message', id: 'conv-c1', text: 'Hello', phone: '919900001003', name: 'Chen' });
		const asking = await executionWith(n8n, example.workflowId, started, 'waiting');
		const count = (await executionsOf(n8n, example.workflowId)).length;

		expect((await meheryNotifies(example.url, { kind: 'message', id: 'conv-c2', text: 'I do not know it', phone: '919900001003' })).status).toBe(200);
		await eventually('the reprompt', async () => ((await textsSentTo(sim, '919900001003', started)).length === 2 ? true : undefined));
		expect((await textsSentTo(sim, '919900001003', started))[1]).toBe('Please send just the digits of your order number, e.g. 12345.');
		expect((await n8n.getExecution(asking.id)).status).toBe('waiting');
		expect((await executionsOf(n8n, example.workflowId)).length).toBe(count);

		await meheryNotifies(example.url, { kind: 'message', id: 'conv-c3', text: '55555', phone: '919900001003' });
		const done = await finished(n8n, asking.id);
		expect(nodeOutput(done, 'Look Up Status')).toEqual([{ to: '919900001003', order: '55555', status: 'being packed' }]);
		expect((await executionsOf(n8n, example.workflowId)).length).toBe(count);
	}, 120_000);
});

describe('Mehery Send and Wait for Reply with a time limit of 3 seconds, in real n8n', () => {
	test('the time limit takes the No Reply path; a message after it starts a normal execution', async () => {
		const { n8n, sim, state } = await connect();
		const template = loadExampleWorkflows().find((candidate) => candidate.file === EXAMPLE)!.json;
		const nodes = template.nodes.map((node) => {
			const credentials = node.credentials ? { meheryXmsApi: state.credentialIds.meheryXmsApi } : undefined;
			const parameters = node.name === ASK ? { ...node.parameters, timeLimit: 3, timeLimitUnit: 'seconds' } : node.parameters;
			const webhookId = node.type.endsWith('meheryTrigger') ? 'c18-time-limit-trigger' : undefined;
			return { ...node, parameters, ...(credentials ? { credentials } : {}), ...(webhookId ? { webhookId } : {}) };
		});
		const workflow = await n8n.createWorkflow({ ...template, name: 'e2e: Mehery ask with a 3 s time limit', nodes });
		const url = await activateMehery(n8n, sim, workflow.id);
		try {
			const started = Date.now();
			await meheryNotifies(url, { kind: 'message', id: 'conv-d1', text: 'Hi', phone: '919900001004', name: 'Dana' });
			const asking = await executionWith(n8n, workflow.id, started, 'waiting');
			// n8n's waiting-execution tracker looks for due executions once a minute.
			const timedOut = await finished(n8n, asking.id, 90_000);
			expect(lastRunOutput(timedOut, ASK)).toEqual([]);
			expect(lastRunOutput(timedOut, ASK, 1)).toEqual([expect.objectContaining({ noReply: true, receiptId: expect.any(String) })]);
			expect(timedOut.data?.resultData.runData['Look Up Status']).toBeUndefined();
			expect(await textsSentTo(sim, '919900001004', started)).toEqual(['Hi Dana! What is your order number?', 'We did not hear back from you. Write to us any time.']);

			const late = Date.now();
			await meheryNotifies(url, { kind: 'message', id: 'conv-d2', text: '12345', phone: '919900001004' });
			const fresh = await executionWith(n8n, workflow.id, late, 'waiting');
			expect(fresh.id).not.toBe(asking.id);
			expect(nodeOutput(fresh, 'Mehery Trigger')).toEqual([expect.objectContaining({ text: '12345', messageId: 'conv-d2' })]);
		} finally {
			await n8n.deactivateWorkflow(workflow.id);
		}
	}, 150_000);
});
