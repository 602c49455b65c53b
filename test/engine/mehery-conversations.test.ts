/**
 * Mehery Message → Send and Wait for Reply through n8n-core's engine, with the Mehery Trigger and the waiting
 * execution served as n8n serves them (n8n-server.ts) and the simulated Mehery playing the customer.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { customerWrites, meheryAsk, meheryTrigger, settled, startConversation, useConversation } from './conversation.fixture';
import { activateWebhook, runNode, runWebhookMethods, type Execution } from './harness';
import { bodiesOf, meheryStore, SEND_ROUTE } from './mehery.fixture';

const ctx = useConversation(async (sim) => await startConversation(await meheryStore(sim), meheryTrigger()));

const sentTexts = () => bodiesOf(ctx.sim, SEND_ROUTE).map((body) => [(body.to as { phone?: string }).phone, (body.text as { body?: string } | undefined)?.body]);
/** What the Ask node put on one of its outputs in its last run (after a wait, the run that resumed). */
const output = (execution: Execution, index: number) =>
	(execution.run?.run.data.resultData.runData.Ask.at(-1)?.data?.main[index] ?? []) as Array<{ json: Record<string, unknown>; pairedItem?: unknown }>;

describe('ask, wait, resume', () => {
	test('the question goes out after the wait is registered; the customer reply resumes the execution on Reply and starts none', async () => {
		const { server, staticData } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation));
		expect(execution.status).toBe('waiting');
		expect(sentTexts()).toEqual([['919988776655', 'What is your order number?']]);
		const stored = staticData['node:Mehery Trigger'] as { conversationWaits: { entries: Array<{ conversation: string; id: string }> } };
		expect(stored.conversationWaits.entries).toEqual([expect.objectContaining({ conversation: 'phone:919988776655', id: `${execution.id}:ask-node:0` })]);

		const answer = await customerWrites(ctx.sim, ctx.conversation, { id: 'reply-1', text: 'It is 12345', phone: '919988776655' });
		expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { received: 1, started: 1 }]);
		expect(await settled(execution)).toBe('success');
		expect(output(execution, 0).map((item) => item.json)).toEqual([
			expect.objectContaining({ provider: 'mehery', messageId: 'reply-1', text: 'It is 12345', from: '919988776655', buttonCode: null, waitId: `${execution.id}:ask-node:0` }),
		]);
		expect(output(execution, 1)).toEqual([]);
		expect(server.triggerRuns.map((run) => run.workflowData)).toEqual([undefined]);
		expect(server.endpointRuns.map((run) => run.response.body)).toEqual([{ registered: `${execution.id}:ask-node:0`, alreadyAnswered: false }]);
	});

	test("another customer's message starts a normal execution and leaves the wait; a second reply of the customer starts one too", async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation));
		await customerWrites(ctx.sim, ctx.conversation, { id: 'other-1', text: 'Hello?', phone: '919900000001' });
		expect(server.triggerRuns[0].items.map((item) => item.json.messageId)).toEqual(['other-1']);
		expect(execution.status).toBe('waiting');
		await customerWrites(ctx.sim, ctx.conversation, { id: 'reply-1', text: '12345', phone: '919988776655' });
		await settled(execution);
		await customerWrites(ctx.sim, ctx.conversation, { id: 'reply-2', text: 'and one more thing', phone: '919988776655' });
		expect(server.triggerRuns.map((run) => run.items.map((item) => item.json.messageId))).toEqual([['other-1'], [], ['reply-2']]);
	});

	test('the time limit continues on No Reply, with the question and the item the node got', async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation));
		await server.timeOut(execution.id);
		expect(execution.status).toBe('success');
		expect(output(execution, 0)).toEqual([]);
		expect(output(execution, 1)).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ noReply: true, receiptId: expect.any(String), to: { phone: '919988776655' }, waitId: `${execution.id}:ask-node:0` }),
				pairedItem: { item: 0, input: 1 },
			}),
		]);
	});

	test('a reply after the execution ended starts a normal execution', async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation));
		await server.timeOut(execution.id);
		await customerWrites(ctx.sim, ctx.conversation, { id: 'late-1', text: '12345', phone: '919988776655' });
		expect(server.triggerRuns[0].items.map((item) => item.json.messageId)).toEqual(['late-1']);
	});

	test('a reply while the execution is still running (not yet waiting) is handed over once it waits', async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation));
		execution.status = 'running';
		const answered = customerWrites(ctx.sim, ctx.conversation, { id: 'early-1', text: '12345', phone: '919988776655' });
		// The trigger meets "running" (409) and tries again, for a bounded time.
		await new Promise((resolve) => setTimeout(resolve, 400));
		execution.status = 'waiting';
		expect((await answered).status).toBe(200);
		expect(await settled(execution)).toBe('success');
		expect(server.triggerRuns[0].workflowData).toBeUndefined();
	});
});

describe("in the trigger's own workflow (Trigger In: This Workflow)", () => {
	test('activation publishes the endpoint in the static data; the node of that workflow finds it, waits there, and the reply resumes it', async () => {
		const { server, staticData, urls } = ctx.conversation;
		expect(urls.setup).toBe(`${server.webhookBaseUrl}/engine-test-mehery-trigger/conversations`);
		expect((staticData.global as IDataObject).conversationEndpoints).toEqual({ mehery: urls.setup });
		const execution = await server.run(meheryAsk(ctx.conversation, {}, true));
		expect(execution.status).toBe('waiting');
		await customerWrites(ctx.sim, ctx.conversation, { id: 'reply-same', text: '12345', phone: '919988776655' });
		expect(await settled(execution)).toBe('success');
		expect(output(execution, 0).map((item) => item.json.messageId)).toEqual(['reply-same']);
		expect(server.triggerRuns.map((run) => run.workflowData)).toEqual([undefined]);
	});

	test('a workflow whose trigger published nothing (not active) is refused, saying to activate it, and nothing is sent', async () => {
		const ask = meheryAsk(ctx.conversation, {}, true);
		const execution = await ctx.conversation.server.run({ ...ask, staticData: {} });
		expect(execution.run?.error('Ask')).toEqual(
			expect.objectContaining({ message: 'This workflow has no active Mehery Trigger to receive the reply', description: expect.stringContaining('Activate this workflow (its Mehery Trigger publishes where replies arrive') }),
		);
		expect(bodiesOf(ctx.sim, SEND_ROUTE)).toEqual([]);
	});

	test("deactivation removes what activation published; the editor's test webhooks publish nothing and remove nothing", async () => {
		const { server, staticData, urls } = ctx.conversation;
		const options = { store: ctx.conversation.store, staticData, workflowId: ctx.conversation.workflowId, webhookBaseUrl: server.webhookBaseUrl, webhookName: 'setup' as const };
		const trigger = meheryTrigger();
		expect(await activateWebhook(trigger, options)).toEqual({ existed: true });
		await activateWebhook(trigger, { ...options, mode: 'manual' });
		await runWebhookMethods(trigger, 'delete', { ...options, mode: 'manual' });
		expect((staticData.global as IDataObject).conversationEndpoints).toEqual({ mehery: urls.setup });
		await runWebhookMethods(trigger, 'delete', options);
		expect((staticData.global as IDataObject).conversationEndpoints).toEqual({});
		expect(await activateWebhook(trigger, options)).toEqual({ existed: false });
		expect((staticData.global as IDataObject).conversationEndpoints).toEqual({ mehery: urls.setup });
	});
});

describe('which replies count', () => {
	const buttons = { button: [{ type: 'QUICK_REPLY', name: 'yes', label: 'Yes, please', code: 'YES' }, { type: 'QUICK_REPLY', name: 'no', label: 'No', code: 'NO' }] };

	test('button replies only: other text gets the reprompt with the same buttons and starts nothing; a tap on a button resumes with its code', async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation, { text: 'Shall we call you?', buttons, replyFilter: 'buttons', otherReplies: 'reprompt', repromptText: 'Please tap Yes or No.' }));
		await customerWrites(ctx.sim, ctx.conversation, { id: 'chat-1', text: 'maybe later', phone: '919988776655' });
		const reprompt = bodiesOf(ctx.sim, SEND_ROUTE)[1];
		expect(reprompt).toEqual(expect.objectContaining({ to: { phone: '919988776655' }, type: 'text', text: { body: 'Please tap Yes or No.' } }));
		expect((reprompt.options as { buttons: unknown[] }).buttons).toHaveLength(2);
		expect(execution.status).toBe('waiting');

		await customerWrites(ctx.sim, ctx.conversation, { id: 'tap-1', text: 'Yes, please', phone: '919988776655' });
		expect(await settled(execution)).toBe('success');
		expect(output(execution, 0).map((item) => [item.json.text, item.json.buttonCode])).toEqual([['Yes, please', 'YES']]);
		expect(server.triggerRuns.map((run) => run.workflowData)).toEqual([undefined, undefined]);
	});

	test('a pattern: a reply that does not match starts a normal execution and the wait goes on', async () => {
		const { server } = ctx.conversation;
		const execution = await server.run(meheryAsk(ctx.conversation, { replyFilter: 'pattern', replyPattern: '/^\\d{5}$/' }));
		await customerWrites(ctx.sim, ctx.conversation, { id: 'no-match', text: 'I forgot it', phone: '919988776655' });
		expect(server.triggerRuns[0].items.map((item) => item.json.messageId)).toEqual(['no-match']);
		await customerWrites(ctx.sim, ctx.conversation, { id: 'match', text: '12345', phone: '919988776655' });
		expect(await settled(execution)).toBe('success');
		expect(output(execution, 0).map((item) => item.json.messageId)).toEqual(['match']);
	});
});

describe('refusals, before anything is sent', () => {
	test('several input items: refused, naming why', async () => {
		const ask = meheryAsk(ctx.conversation).nodes[1];
		const result = await runNode({ ...ask, name: 'Ask' }, [{ customer: 1 }, { customer: 2 }], ctx.conversation.store);
		expect(result.error('Ask')).toEqual(expect.objectContaining({ message: 'Send and Wait for Reply takes one input item, not 2', description: expect.stringContaining('Loop Over Items') }));
		expect(bodiesOf(ctx.sim, SEND_ROUTE)).toEqual([]);
	});

	const notServed = () => `${ctx.conversation.server.webhookBaseUrl}/0b4c-not-active/mehery`;
	test.each([
		['an invalid pattern', () => ({ replyFilter: 'pattern', replyPattern: '(' }), 'Pattern'],
		['a time limit of 0', () => ({ timeLimit: 0 }), 'Time Limit'],
		['a Production URL that evaluates to nothing', () => ({ triggerUrl: '={{ "" }}' }), 'Mehery Trigger Production URL: must be given'],
		["another provider's trigger URL", () => ({ triggerUrl: 'https://n8n.example.com/webhook/0b4c/ctlive' }), "is not a Mehery Trigger's Production URL (https://<your n8n>/webhook/<id>/mehery"],
		['the Test URL', () => ({ triggerUrl: 'https://n8n.example.com/webhook-test/0b4c/mehery' }), 'is the Test URL: give the Production URL'],
		['no active trigger at the Production URL', () => ({ triggerUrl: notServed() }), () => `No active Mehery Trigger answers at ${notServed().replace(/mehery$/, 'conversations')}`],
	])('%s', async (_case, parameters, expected) => {
		const message = typeof expected === 'function' ? expected() : expected;
		const execution = await ctx.conversation.server.run(meheryAsk(ctx.conversation, parameters() as INodeParameters));
		expect(execution.status).toBe('error');
		expect(String(execution.run?.error('Ask')?.message)).toContain(message);
		expect(bodiesOf(ctx.sim, SEND_ROUTE)).toEqual([]);
	});

	test('a trigger whose credential is of another Mehery account refuses the wait (401), explained, and nothing is sent', async () => {
		await ctx.conversation.close();
		ctx.conversation = await startConversation(ctx.conversation.store, meheryTrigger(), await meheryStore(ctx.sim, { apiKey: 'another-accounts-key' }));
		const execution = await ctx.conversation.server.run(meheryAsk(ctx.conversation));
		expect(execution.status).toBe('error');
		expect(execution.run?.error('Ask')).toEqual(expect.objectContaining({ httpCode: '401', description: expect.stringContaining('same Mehery XMS account') }));
		expect(JSON.stringify(execution.run?.error('Ask'))).not.toContain('another-accounts-key');
		expect(bodiesOf(ctx.sim, SEND_ROUTE)).toEqual([]);
	});

	test('a question Mehery refuses cancels the wait: the next message starts a normal execution', async () => {
		const { server } = ctx.conversation;
		ctx.sim.injectFault({ match: { route: SEND_ROUTE }, times: 1, kind: 'status', status: 400, body: { message: 'Invalid channel' } });
		const execution = await server.run(meheryAsk(ctx.conversation));
		expect(execution.status).toBe('error');
		await customerWrites(ctx.sim, ctx.conversation, { id: 'after-failure', text: '12345', phone: '919988776655' });
		expect(server.triggerRuns[0].items.map((item) => item.json.messageId)).toEqual(['after-failure']);
	});
});
