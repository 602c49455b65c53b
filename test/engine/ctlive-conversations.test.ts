/**
 * CTLive Message → Send and Wait for Reply through the engine: the customer's message goes into CTLive, the
 * execution waits for the agent's answer to that customer, which CTLive posts to the CTLive Trigger.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { anotherWorkflow, askWorkflow, settled, startConversation, until, useConversation } from './conversation.fixture';
import { ctliveStore, CTLIVE_NODE_TYPE, CTLIVE_TRIGGER_TYPE, postedResults } from './ctlive.fixture';

const trigger = { name: 'CTLive Trigger', type: CTLIVE_TRIGGER_TYPE, parameters: {}, credentials: { ctLiveWebhookApi: { id: 'ctLiveWebhookApi', name: 'CTLive webhook' } } };
const ctx = useConversation(async (sim) => await startConversation(await ctliveStore(sim), trigger));

/** From another workflow (by the trigger's Production URL), or with `sameWorkflow` in the trigger's own. */
const ask = (parameters: INodeParameters = {}, sameWorkflow = false) =>
	askWorkflow(
		{
			type: CTLIVE_NODE_TYPE,
			parameters: { resource: 'message', operation: 'sendAndWaitForReply', messageType: 'text', from: '+385 91 999 8888', to: '1234', text: 'Is my parcel lost?', ...(sameWorkflow ? {} : anotherWorkflow(ctx.conversation)), ...parameters },
			credentials: { ctLiveApi: { id: 'ctLiveApi', name: 'CTLive account' }, ctLiveWebhookApi: { id: 'ctLiveWebhookApi', name: 'CTLive webhook' } },
		},
		sameWorkflow ? ctx.conversation : undefined,
	);

/** The simulated CTLive posts an agent's answer to the trigger; resolves once the trigger's call has ended. */
async function agentAnswers(to: string, text: string) {
	const before = ctx.conversation.server.triggerRuns.length;
	const { webhookUser, webhookPassword } = ctx.sim.providers.ctlive.credentials;
	const body = { scenarioKey: 'CC9F01A5DC7BEE2C2B829D203482A654', destinations: [{ to: { phoneNumber: to } }], whatsApp: { text } };
	const answer = await ctx.sim.sendWebhook(ctx.conversation.urls.default, { body, headers: { authorization: `Basic ${Buffer.from(`${webhookUser}:${webhookPassword}`).toString('base64')}` } });
	await until('the trigger call to end', () => ctx.conversation.server.triggerRuns.length > before);
	return answer;
}

test("the customer's message goes into CTLive; another customer's answer runs the trigger; the answer to this one resumes the wait", async () => {
	const execution = await ctx.conversation.server.run(ask());
	expect(execution.status).toBe('waiting');
	expect(postedResults(ctx.sim)).toEqual([expect.objectContaining({ from: '+385 91 999 8888', message: { type: 'TEXT', text: 'Is my parcel lost?' } })]);

	await agentAnswers('41793026727', 'Hello, how can I help?');
	expect(ctx.conversation.server.triggerRuns[0].items.map((item) => item.json.to)).toEqual(['41793026727']);
	expect(execution.status).toBe('waiting');

	// CTLive writes the number its own way: the digits decide.
	const answer = await agentAnswers('385919998888', 'No, it arrives tomorrow.');
	expect(JSON.parse(answer.body).messages).toEqual([expect.objectContaining({ to: { phoneNumber: '385919998888' }, messageId: expect.any(String) })]);
	expect(await settled(execution)).toBe('success');
	const output = execution.run?.run.data.resultData.runData.Ask.at(-1)?.data?.main;
	expect(output?.[0]?.map((item) => item.json)).toEqual([expect.objectContaining({ provider: 'ctlive', to: '385919998888', text: 'No, it arrives tomorrow.', messageId: JSON.parse(answer.body).messages[0].messageId })]);
	expect(output?.[1]).toEqual([]);
	expect(ctx.conversation.server.triggerRuns[1].workflowData).toBeUndefined();
});

test("an answer that does not match the pattern starts the trigger's execution and the wait goes on", async () => {
	const execution = await ctx.conversation.server.run(ask({ replyFilter: 'pattern', replyPattern: '/tracking number/i' }));
	await agentAnswers('385919998888', 'One moment please.');
	expect(ctx.conversation.server.triggerRuns[0].items.map((item) => item.json.text)).toEqual(['One moment please.']);
	expect(execution.status).toBe('waiting');
	await agentAnswers('385919998888', 'Your Tracking Number is 42.');
	expect(await settled(execution)).toBe('success');
});

test('the time limit continues on No Reply', async () => {
	const execution = await ctx.conversation.server.run(ask());
	await ctx.conversation.server.timeOut(execution.id);
	const output = execution.run?.run.data.resultData.runData.Ask.at(-1)?.data?.main;
	expect([output?.[0], output?.[1]?.map((item) => item.json.noReply)]).toEqual([[], [true]]);
});

test("in the trigger's own workflow: the node finds the endpoint the CTLive Trigger published at activation", async () => {
	expect((ctx.conversation.staticData.global as IDataObject).conversationEndpoints).toEqual({ ctlive: ctx.conversation.urls.setup });
	const execution = await ctx.conversation.server.run(ask({}, true));
	expect(execution.status).toBe('waiting');
	await agentAnswers('385919998888', 'It arrives tomorrow.');
	expect(await settled(execution)).toBe('success');
	expect(ctx.conversation.server.triggerRuns.map((run) => run.workflowData)).toEqual([undefined]);
});

test("another trigger's Production URL than a CTLive Trigger's is refused, naming the field, before anything is posted", async () => {
	const execution = await ctx.conversation.server.run(ask({ triggerUrl: ctx.conversation.urls.default.replace(/ctlive$/, 'mehery') }));
	expect(String(execution.run?.error('Ask')?.message)).toContain("CTLive Trigger Production URL: ");
	expect(postedResults(ctx.sim)).toEqual([]);
});
