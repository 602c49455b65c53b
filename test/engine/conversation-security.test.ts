/**
 * Who may register a wait at a trigger and who may resume a waiting execution: only holders of the credential
 * secret (signed calls) and, for the resume URL, of n8n's resume token.
 */
import { createHmac } from 'node:crypto';

import { customerWrites, meheryAsk, meheryTrigger, settled, startConversation, useConversation } from './conversation.fixture';
import { meheryStore } from './mehery.fixture';

const ctx = useConversation(async (sim) => await startConversation(await meheryStore(sim), meheryTrigger()));

const HEADER = 'x-chat-providers-signature';
/** What our nodes send: HMAC-SHA256 of `<time>.<body>` under the purpose and the API key (shared/conversation/signature.ts). */
const sign = (secret: string, body: string, at = Date.now()) =>
	`t=${at},v1=${createHmac('sha256', `n8n-nodes-chat-providers/conversation/v1\u0000${secret}`).update(`${at}.${body}`).digest('hex')}`;
const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const wait = (id: string) => ({
	action: 'wait',
	wait: { id, conversation: 'phone:919988776655', resumeUrl: 'http://127.0.0.1:9/webhook-waiting/1', registeredAt: Date.now(), expiresAt: Date.now() + 60_000, accept: { kind: 'any' }, buttons: [], otherwise: 'execute' },
});

describe("the trigger's endpoint for waits", () => {
	test.each([
		['no signature', {}, 'Missing x-chat-providers-signature header'],
		['a signature made with another key', { [HEADER]: sign('not-the-api-key', JSON.stringify(wait('w1'))) }, 'Invalid signature: the caller does not hold this credential'],
	])('%s: 401, nothing registered', async (_case, headers, message) => {
		const answer = await post(ctx.conversation.urls.setup, JSON.stringify(wait('w1')), headers as Record<string, string>);
		expect(answer).toEqual({ status: 401, body: { message } });
		expect(ctx.conversation.staticData['node:Mehery Trigger']).toBeUndefined();
	});

	test('a registration signed with the right key ten minutes ago (a replay) is refused as expired', async () => {
		const { apiKey } = ctx.sim.providers.mehery.credentials;
		const body = JSON.stringify(wait('w1'));
		const answer = await post(ctx.conversation.urls.setup, body, { [HEADER]: sign(apiKey, body, Date.now() - 600_000) });
		expect(answer).toEqual({ status: 401, body: { message: 'Expired signature: the clocks differ by more than 5 minutes or the call was replayed' } });
	});

	test('a signed body that is no registration: 400 naming what is wrong', async () => {
		const body = JSON.stringify({ action: 'wait', wait: { id: 'w1' } });
		const answer = await post(ctx.conversation.urls.setup, body, { [HEADER]: sign(ctx.sim.providers.mehery.credentials.apiKey, body) });
		expect(answer.status).toBe(400);
		expect(answer.body.message).toMatch(/^Not a wait registration: wait\.conversation: Required/);
	});

	test('a signed registration is kept; its cancellation removes it for good (a late repeat does not bring it back)', async () => {
		const { apiKey } = ctx.sim.providers.mehery.credentials;
		const call = async (payload: unknown) => await post(ctx.conversation.urls.setup, JSON.stringify(payload), { [HEADER]: sign(apiKey, JSON.stringify(payload)) });
		expect(await call(wait('w1'))).toEqual({ status: 200, body: { registered: 'w1', alreadyAnswered: false } });
		expect(await call({ action: 'cancel', id: 'w1' })).toEqual({ status: 200, body: { cancelled: 'w1' } });
		expect(await call(wait('w1'))).toEqual({ status: 200, body: { registered: 'w1', alreadyAnswered: true } });
		const stored = ctx.conversation.staticData['node:Mehery Trigger'] as { conversationWaits: { entries: unknown[]; done: string[] } };
		expect(stored.conversationWaits).toEqual({ entries: [], done: ['w1'] });
	});
});

describe("the waiting execution's resume URL", () => {
	test("n8n's token without our signature is refused (401) and the execution keeps waiting for the customer", async () => {
		const execution = await ctx.conversation.server.run(meheryAsk(ctx.conversation));
		const resumeUrl = (ctx.conversation.staticData['node:Mehery Trigger'] as { conversationWaits: { entries: Array<{ resumeUrl: string }> } }).conversationWaits.entries[0].resumeUrl;
		const forged = JSON.stringify({ waitId: 'x', reply: { text: 'forged' } });
		expect(await post(resumeUrl, forged)).toEqual({ status: 401, body: { message: 'Missing x-chat-providers-signature header' } });
		expect(await post(resumeUrl, forged, { [HEADER]: sign('not-the-api-key', forged) })).toEqual({ status: 401, body: { message: 'Invalid signature: the caller does not hold this credential' } });
		expect((await post(resumeUrl.replace(/signature=[^&]+/, 'signature=guessed'), forged)).status).toBe(401);
		expect(execution.status).toBe('waiting');

		await customerWrites(ctx.sim, ctx.conversation, { id: 'real-reply', text: '12345', phone: '919988776655' });
		expect(await settled(execution)).toBe('success');
	});
});
