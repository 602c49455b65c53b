/**
 * "Combine Messages Sent Within" in a real n8n: the example "AI agent that answers bursts as one message" (Mehery
 * Trigger with a 2 s window, a Code node standing in for the AI Agent, one reply per burst) fired by the simulated
 * Mehery. Every delivery must be answered before the execution it ends up in has started.
 */
import { nodeOutput, type N8nExecution } from '../../scripts/lib/n8n';
import { eventually, executionsOf, meheryNotifies, textsSentTo, useActiveMeheryExample, type Notified } from './chat';
import { connect } from './environment';

const EXAMPLE = 'mehery-trigger-combine-bursts.json';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Executions of the workflow started at or after `since`, once `count` of them have finished. */
async function finishedSince(workflowId: string, since: number, count: number): Promise<N8nExecution[]> {
	const { n8n } = await connect();
	return await eventually(`${count} finished execution(s)`, async () => {
		const found = (await executionsOf(n8n, workflowId)).filter((execution) => new Date(execution.startedAt).getTime() >= since - 1000);
		return found.length >= count && found.every((execution) => execution.status === 'success') ? found : undefined;
	});
}

/** When the simulated Mehery had n8n's answer (the notify call returns with it). */
interface Timed extends Notified {
	answeredAt: number;
}

describe('the burst-combining example, activated in real n8n', () => {
	const example = useActiveMeheryExample(EXAMPLE);

	test('five messages from one customer 300 ms apart make exactly one execution holding all five in order, and one reply; every delivery is answered before it starts', async () => {
		const { n8n, sim } = await connect();
		const started = Date.now();
		const answers: Timed[] = [];
		for (let part = 1; part <= 5; part++) {
			const answer = await meheryNotifies(example.url, { kind: 'message', id: `burst-e2e-${part}`, text: `part ${part} of my question`, phone: '919900002001', name: 'Ines' });
			answers.push({ ...answer, answeredAt: Date.now() });
			if (part < 5) await pause(300);
		}
		expect(answers.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual(Array(5).fill([200, { received: 1, started: 1 }]));

		const [execution] = await finishedSince(example.workflowId, started, 1);
		// A second execution would show up within the window: none does.
		await pause(3000);
		expect((await executionsOf(n8n, example.workflowId)).filter((candidate) => new Date(candidate.startedAt).getTime() >= started - 1000)).toHaveLength(1);
		const items = nodeOutput(execution, 'Mehery Trigger');
		expect(items).toEqual([
			expect.objectContaining({
				from: '919900002001',
				messageCount: 5,
				text: ['part 1 of my question', 'part 2 of my question', 'part 3 of my question', 'part 4 of my question', 'part 5 of my question'].join('\n'),
				messages: [1, 2, 3, 4, 5].map((part) => expect.objectContaining({ messageId: `burst-e2e-${part}` })),
			}),
		]);
		const startedAt = new Date(execution.startedAt).getTime();
		expect(answers.filter((answer) => answer.answeredAt > startedAt)).toEqual([]);
		expect(await textsSentTo(sim, '919900002001', started)).toEqual([
			'You sent 5 message(s): "part 1 of my question / part 2 of my question / part 3 of my question / part 4 of my question / part 5 of my question". An agent will reply shortly.',
		]);
	}, 120_000);

	test('five customers writing at once make five executions, one per customer', async () => {
		const { n8n } = await connect();
		const started = Date.now();
		const phones = [1, 2, 3, 4, 5].map((n) => `91990000300${n}`);
		const answers = await Promise.all(phones.map((phone, index) => meheryNotifies(example.url, { kind: 'message', id: `five-e2e-${index}`, text: `hello from ${phone}`, phone })));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
		const executions = await finishedSince(example.workflowId, started, 5);
		await pause(3000);
		const all = (await executionsOf(n8n, example.workflowId)).filter((execution) => new Date(execution.startedAt).getTime() >= started - 1000);
		expect(all).toHaveLength(5);
		const senders = executions.map((execution) => nodeOutput(execution, 'Mehery Trigger').map((item) => [item.from, item.messageCount, item.text]));
		expect(senders.flat().sort()).toEqual(phones.map((phone) => [phone, 1, `hello from ${phone}`]).sort());
	}, 120_000);
});
