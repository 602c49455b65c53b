/**
 * "Combine Messages Sent Within" on the Mehery, Wavy and CTLive triggers, served as n8n serves them (the trigger's
 * calls answered as soon as it answers, its own endpoint live): a sender's burst becomes one item of one
 * execution, every call is answered before the burst ends, and the open burst is in static data at once.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { moBatch } from '../simulator/providers/wavy-data';
import { customerWrites, meheryAsk, meheryTrigger, settled, startConversation, until, type Conversation } from './conversation.fixture';
import { ctliveStore, CTLIVE_TRIGGER_TYPE } from './ctlive.fixture';
import { simulatorCredentials } from './examples';
import type { Execution } from './harness';
import { meheryStore } from './mehery.fixture';
import { WAVY_TRIGGER_TYPE, wavyStore } from './wavy.fixture';

let sim: Simulator;
let conversation: Conversation | undefined;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterEach(async () => await conversation?.close());
afterAll(async () => await sim.close());

const WINDOW = { options: { combineWithinSeconds: 0.5 } };
const started = (server: Conversation['server']) => server.triggerRuns.filter((run) => run.workflowData !== undefined);
const bursts = (staticData: IDataObject) => ((staticData['node:Mehery Trigger'] as { combineBursts?: { bursts: unknown[] } } | undefined)?.combineBursts?.bursts ?? []).length;

describe('Mehery Trigger', () => {
	test('one message alone is a burst of one: after the quiet period, one item with messageCount 1; nothing is left in static data', async () => {
		conversation = await startConversation(await meheryStore(sim), meheryTrigger(WINDOW));
		const { server, staticData } = conversation;
		// Resolves when the trigger call that collected the burst has ended.
		await customerWrites(sim, conversation, { id: 'b-1', text: 'Hi', phone: '919900000101' });
		expect(started(server)).toHaveLength(1);
		expect(server.triggerRuns[0].items.map((item) => item.json)).toEqual([expect.objectContaining({ from: '919900000101', messageCount: 1, text: 'Hi', messages: [expect.objectContaining({ messageId: 'b-1' })] })]);
		expect(bursts(staticData)).toBe(0);
	});

	test('answers come at once while the first call still collects; the burst is saved before it ends', async () => {
		conversation = await startConversation(await meheryStore(sim), meheryTrigger(WINDOW));
		const { server, staticData } = conversation;
		const texts = ['my order', 'number is', '12345'];
		const answers = [];
		for (const [index, text] of texts.entries()) {
			answers.push(await sim.sendWebhook(conversation.urls.default, { body: burstMessage(`m-${index}`, text), headers: { 'x-verify-token': sim.providers.mehery.credentials.verifyToken } }));
			// Every answer so far came while the burst was still open: nothing started yet, and it is in static data.
			expect(started(server)).toHaveLength(0);
			if (index === 0) await until('the open burst in static data', () => bursts(staticData) === 1, 2_000);
		}
		expect(answers.map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual(Array(3).fill([200, { received: 1, started: 1 }]));
		await until('the burst to end', () => started(server).length === 1);
		const [item] = started(server)[0].items;
		expect(item.json).toEqual(
			expect.objectContaining({ from: '919900000101', messageCount: 3, text: 'my order\nnumber is\n12345', messages: texts.map((text) => expect.objectContaining({ text })) }),
		);
		expect(server.triggerRuns).toHaveLength(3);
		expect(bursts(staticData)).toBe(0);
		// The collecting call's copy of static data is as old as the burst: saved as it was, it would hold only the
		// first message's id (digests of 12 characters), and a restart would forget the other two.
		expect((staticData['node:Mehery Trigger'] as { seenMessageIds?: string }).seenMessageIds).toHaveLength(3 * 12);
	});

	test('a burst that answers a waiting execution resumes it with the whole burst', async () => {
		conversation = await startConversation(await meheryStore(sim), meheryTrigger(WINDOW));
		const execution: Execution = await conversation.server.run(meheryAsk(conversation, { replyFilter: 'pattern', replyPattern: '\\d{5}' }));
		const collecting = customerWrites(sim, conversation, { id: 'r-1', text: 'it is', phone: '919988776655' });
		await customerWrites(sim, conversation, { id: 'r-2', text: '12345', phone: '919988776655' });
		await collecting;
		await until('the call collecting the burst to end', () => conversation!.server.triggerRuns.length === 2);
		expect(await settled(execution)).toBe('success');
		const reply = execution.run?.run.data.resultData.runData.Ask.at(-1)?.data?.main[0]?.[0]?.json;
		expect(reply).toEqual(expect.objectContaining({ messageCount: 2, text: 'it is\n12345' }));
		expect(started(conversation.server)).toEqual([]);
	});
});

let burstIds = 0;
function burstMessage(id: string, text: string) {
	const phone = '919900000101';
	return {
		type: 'messages',
		contacts: [{ contactId: `wa${phone}_1`, profile: { name: 'Zoe', phone } }],
		messages: [{ id: `${id}-${++burstIds}`, from: phone, contactId: `wa${phone}_1`, type: 'text', text: { body: text, type: 'text' }, timestamp: Date.now() }],
	};
}

test('Wavy Trigger: one batch from two numbers makes one execution with one item per number, messages in order', async () => {
	const store = await wavyStore(sim);
	conversation = await startConversation(store, { name: 'Wavy Trigger', type: WAVY_TRIGGER_TYPE, parameters: WINDOW, credentials: { wavyApi: { id: 'wavyApi', name: 'Wavy account' } } });
	const batch = moBatch({ size: 3 });
	const senders = ['5511999990001', '5511999990002', '5511999990001'];
	batch.data.forEach((message, index) => Object.assign(message, { origin: senders[index] }));
	const secret = simulatorCredentials(sim).wavyApi.webhookSecret as string;
	const answer = await sim.sendWebhook(`${conversation.urls.default}?secret=${secret}`, { body: batch });
	expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { received: 3, started: 3 }]);
	await until('the bursts to end', () => started(conversation!.server).length === 1);
	const items = started(conversation.server)[0].items.map((item) => [item.json.from, item.json.messageCount, (item.json.messages as IDataObject[]).map((message) => message.messageId)]);
	expect(items).toEqual([
		['5511999990001', 2, [batch.data[0].id, batch.data[2].id]],
		['5511999990002', 1, [batch.data[1].id]],
	]);
});

test("CTLive Trigger: an agent's two answers to one customer within the window make one item", async () => {
	const store = await ctliveStore(sim);
	conversation = await startConversation(store, { name: 'CTLive Trigger', type: CTLIVE_TRIGGER_TYPE, parameters: WINDOW, credentials: { ctLiveWebhookApi: { id: 'ctLiveWebhookApi', name: 'CTLive webhook' } } });
	const { webhookUser, webhookPassword } = sim.providers.ctlive.credentials;
	const authorization = `Basic ${Buffer.from(`${webhookUser}:${webhookPassword}`).toString('base64')}`;
	const answer = (text: string) => ({ scenarioKey: 'CC9F01A5DC7BEE2C2B829D203482A654', destinations: [{ to: { phoneNumber: '41793026727' } }], whatsApp: { text } });
	for (const text of ['Hello, this is Maria.', 'Let me check your order.']) {
		expect((await sim.sendWebhook(conversation.urls.default, { body: answer(text), headers: { authorization } })).status).toBe(200);
	}
	await until('the burst to end', () => started(conversation!.server).length === 1);
	expect(started(conversation.server)[0].items.map((item) => [item.json.to, item.json.messageCount, item.json.text])).toEqual([
		['41793026727', 2, 'Hello, this is Maria.\nLet me check your order.'],
	]);
});
