/**
 * CTLive "Send and Wait for Reply" in a real n8n: the example posts a customer's question into the simulated CTLive
 * and waits; an agent's answer to another customer starts the CTLive Trigger's own execution, the answer to this
 * customer resumes the waiting execution, which reports it seen.
 */
import { nodeOutput } from '../../scripts/lib/n8n';
import { eventually, executionsOf, finished, lastRunOutput, waiting } from './chat';
import { connect, loadState } from './environment';

const EXAMPLE = 'ctlive-message-send-and-wait.json';
const CUSTOMER = '385919998888';

/** The simulated CTLive posts an agent's answer to `url`; retries while n8n says 404 (a webhook just activated). */
async function agentAnswers(url: string, to: string, text: string): Promise<{ messageId: string }> {
	const { simulatorUrl } = loadState();
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${simulatorUrl}/ctlive/simulate/outbound`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url, kind: 'text', to: [to], text }),
		});
		const outbound = (await response.json()) as { answers: Array<{ status: number; body: string }> };
		const [answer] = outbound.answers;
		if (answer.status === 200) return (JSON.parse(answer.body) as { messages: Array<{ messageId: string }> }).messages[0];
		if (answer.status !== 404 || attempt >= 50) throw new Error(`CTLive's call was answered ${answer.status}: ${answer.body}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

describe('CTLive Send and Wait for Reply, the example in real n8n', () => {
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		const { n8n, state } = await connect();
		workflowId = state.workflowIds[EXAMPLE];
		await n8n.activateWorkflow(workflowId);
		const workflow = await n8n.api<{ nodes: Array<{ name: string; webhookId?: string }> }>('GET', `/workflows/${workflowId}`);
		const webhookId = workflow.nodes.find((node) => node.name === 'CTLive Trigger')!.webhookId;
		url = `${state.n8nUrl}/webhook/${webhookId}/ctlive`;
		// Activation publishes the trigger's conversation endpoint in the workflow's static data, where the node finds it.
		const published = await eventually('the CTLive Trigger to publish its conversation endpoint', async () => {
			const { staticData } = await n8n.api<{ staticData?: { global?: { conversationEndpoints?: { ctlive?: string } } } }>('GET', `/workflows/${workflowId}`);
			return staticData?.global?.conversationEndpoints?.ctlive;
		}, 15_000);
		expect(published).toBe(`${state.n8nUrl}/webhook/${webhookId}/conversations`);
	}, 60_000);
	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(workflowId);
	}, 60_000);

	test("the question goes into CTLive and the execution waits; another customer's answer starts the trigger's own execution; the answer to this customer resumes it", async () => {
		const { n8n, sim } = await connect();
		const started = Date.now();
		const executionId = await n8n.runWorkflowManually(workflowId, 'When clicking ‘Execute workflow’');
		await waiting(n8n, executionId);
		const posted = await sim.log({ provider: 'ctlive', route: /imchannel\/message/, since: started });
		expect(posted.map((entry) => (entry.body as { results: Array<{ from: string; message: { text: string } }> }).results[0])).toEqual([
			expect.objectContaining({ from: CUSTOMER, message: { type: 'TEXT', text: 'Hi, my parcel 12345 has not arrived. Can you help?' } }),
		]);

		await agentAnswers(url, '41793026799', 'Hello, how can I help?');
		await eventually('the trigger execution for the other customer', async () => {
			const runs = (await executionsOf(n8n, workflowId)).filter((execution) => execution.id !== executionId && execution.status === 'success');
			return runs.length === 1 ? runs : undefined;
		});
		expect((await n8n.getExecution(executionId)).status).toBe('waiting');

		const answer = await agentAnswers(url, CUSTOMER, 'Hello Ana, your parcel arrives tomorrow.');
		const done = await finished(n8n, executionId);
		expect(lastRunOutput(done, 'Ask an Agent')).toEqual([
			expect.objectContaining({ provider: 'ctlive', to: CUSTOMER, text: 'Hello Ana, your parcel arrives tomorrow.', messageId: answer.messageId }),
		]);
		expect(nodeOutput(done, 'Report Seen to CTLive')).toEqual([expect.objectContaining({ messageId: answer.messageId, to: CUSTOMER })]);
		// The answer resumed the execution and started none of its own.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect((await executionsOf(n8n, workflowId)).filter((execution) => new Date(execution.startedAt).getTime() >= started - 1000)).toHaveLength(2);
	}, 120_000);
});
