/**
 * Wavy in a real n8n: the trigger example activated and fired by the simulator playing Wavy (one execution per
 * batch, none for a replay or a wrong secret), and the credential Test with a wrong token. The Get Many Open
 * example runs in examples.e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

import { nodeOutput, type N8nClient } from '../../scripts/lib/n8n';
import { PROJECT_ROOT } from '../../scripts/lib/stage';
import { WAVY_CUSTOMER_ID, WAVY_USER_NAME, WAVY_WEBHOOK_SECRET, moBatch } from '../simulator/providers/wavy-data';
import { connect } from './environment';
import { postMalformed } from './malformed';

const EXAMPLE = 'wavy-trigger-mo-messages.json';
const example = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'examples', EXAMPLE), 'utf8')) as { nodes: Array<{ webhookId?: string }> };
const webhookId = example.nodes.find((node) => node.webhookId)!.webhookId!;
/** Ids no other test of this run uses; a multiple of 7, so the batch starts with a text message. */
const OFFSET = 7_000_000;

const executionsOf = async (n8n: N8nClient, workflowId: string) => (await n8n.listExecutions(workflowId, { includeData: false, limit: 100 })).length;

async function fire(secret: string, batch: object) {
	const { sim, state } = await connect();
	const url = `${state.n8nUrl}/webhook/${webhookId}/mo?secret=${encodeURIComponent(secret)}`;
	// A just-activated webhook answers 404 for about a second.
	for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
		const response = await sim.sendWebhook(url, { body: batch });
		if (response.status !== 404 || Date.now() > deadline) return response;
	}
}

/** Waits until the workflow has `count` executions, then a moment more so that an extra one would show. */
async function settle(n8n: N8nClient, workflowId: string, count: number): Promise<number> {
	for (const deadline = Date.now() + 30_000; (await executionsOf(n8n, workflowId)) < count && Date.now() < deadline; )
		await new Promise((resolve) => setTimeout(resolve, 250));
	await new Promise((resolve) => setTimeout(resolve, 1000));
	return await executionsOf(n8n, workflowId);
}

describe('Wavy Trigger in real n8n', () => {
	let workflowId: string;
	beforeAll(async () => {
		const { n8n, state } = await connect();
		workflowId = state.workflowIds[EXAMPLE];
		await n8n.activateWorkflow(workflowId);
	});
	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(workflowId);
	});

	test('the activated example runs exactly once for a batch fired by the simulator, answered 200', async () => {
		const { n8n } = await connect();
		const before = await executionsOf(n8n, workflowId);
		const started = Date.now();
		const response = await fire(WAVY_WEBHOOK_SECRET, moBatch({ size: 7, offset: OFFSET }));
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({ received: 7, started: 7 });

		const execution = await n8n.waitForExecution({ workflowId, after: started });
		expect(execution.status).toBe('success');
		const messages = nodeOutput(execution, 'Wavy Trigger');
		expect(messages).toHaveLength(7);
		expect(messages[0]).toMatchObject({ provider: 'wavy', type: 'text', timestamp: expect.stringMatching(/Z$/) });
		expect(nodeOutput(execution, 'Text Messages Only')).toHaveLength(1);
		expect(await settle(n8n, workflowId, before + 1)).toBe(before + 1);
	});

	test('a replayed batch is answered 200 and starts no execution', async () => {
		const { n8n } = await connect();
		const before = await executionsOf(n8n, workflowId);
		const response = await fire(WAVY_WEBHOOK_SECRET, moBatch({ size: 7, offset: OFFSET }));
		expect(response.status).toBe(200);
		expect(await settle(n8n, workflowId, before)).toBe(before);
	});

	test('a malformed body starts no execution: the wrong shape gets 400, unparseable JSON n8n\'s 422', async () => {
		const { n8n, state } = await connect();
		const before = await executionsOf(n8n, workflowId);
		const url = `${state.n8nUrl}/webhook/${webhookId}/mo?secret=${encodeURIComponent(WAVY_WEBHOOK_SECRET)}`;
		const { wrongShape, unparseable } = await postMalformed(url, {}, { total: 1, data: 'not a list' });
		expect([wrongShape.status, unparseable.status]).toEqual([400, 422]);
		expect(await settle(n8n, workflowId, before)).toBe(before);
	});

	test('a wrong secret in the URL gets 401 and starts no execution', async () => {
		const { n8n } = await connect();
		const before = await executionsOf(n8n, workflowId);
		const response = await fire('not-the-secret', moBatch({ size: 2, offset: OFFSET + 100 }));
		expect(response.status).toBe(401);
		expect(response.body).not.toContain(WAVY_WEBHOOK_SECRET);
		expect(await settle(n8n, workflowId, before)).toBe(before);
	});
});

test('a Wavy credential Test with a wrong token fails as unauthorized, and the token is in no message', async () => {
	const { n8n, sim } = await connect();
	const health = await sim.health();
	const result = await n8n.testCredential({
		type: 'wavyApi',
		data: { baseUrl: health.providers.wavy, userName: WAVY_USER_NAME, authenticationToken: 'not-the-token-93a', customerId: WAVY_CUSTOMER_ID },
	});
	// n8n words a refused test request itself (Wavy's own body is not shown for request-based tests).
	expect(result).toMatchObject({ status: 'Error', message: 'Unauthorized' });
	expect(result.message).not.toContain('not-the-token-93a');
});
