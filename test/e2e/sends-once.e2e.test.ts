/**
 * Sends once in a real n8n, counted at the simulated Mehery: n8n's Retry On Fail with one send refused once with
 * HTTP 500 reaches Mehery 11 times for 10 customers, and "Retry execution" of a failed run with an Idempotency
 * Key (kept in n8n's own deduplication store, in its database) sends only what was not delivered.
 */
import type { N8nClient } from '../../scripts/lib/n8n';
import { connect } from './environment';
import { meherySendNode, type SendSettings } from './mehery-send-node';

const SEND_ROUTE = /\/api\/v1\/message\/send$/;
const CUSTOMERS = 10;

/** Ten customers, each with its own phone (a prefix unique to the test) and order. */
const customers = (prefix: string) =>
	Array.from({ length: CUSTOMERS }, (_, index) => ({ phone: `${prefix}${String(index).padStart(2, '0')}`, orderId: `${prefix}-o${index}` }));

async function createSendWorkflow(n8n: N8nClient, name: string, prefix: string, send: SendSettings) {
	const { state } = await connect();
	return await n8n.createWorkflow({
		name,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'customers',
				name: 'Customers',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return ${JSON.stringify(customers(prefix))}.map((json) => ({ json }));` },
			},
			meherySendNode('send', 'n8n-nodes-chat-providers', state.credentialIds.meheryXmsApi, send),
		],
		connections: {
			Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	});
}

/** Sends that reached Mehery for these customers: how many requests, and how many each customer got (200). */
async function sendsTo(prefix: string) {
	const { sim } = await connect();
	const entries = (await sim.log({ provider: 'mehery', route: SEND_ROUTE })).filter((entry) => JSON.stringify(entry.body).includes(`"${prefix}`));
	const delivered = new Map<string, number>();
	for (const entry of entries.filter((candidate) => candidate.status === 200)) {
		const phone = String((entry.body as { to: { phone: string } }).to.phone);
		delivered.set(phone, (delivered.get(phone) ?? 0) + 1);
	}
	return { requests: entries.length, delivered };
}

async function run(n8n: N8nClient, workflowId: string) {
	const executionId = await n8n.runWorkflowManually(workflowId, 'Start');
	return await n8n.waitForExecution(executionId);
}

test('Retry On Fail, 10 customers, the 7th refused once with HTTP 500: Mehery gets 11 sends and each customer one message', async () => {
	const { n8n, sim } = await connect();
	const prefix = '9170000001';
	const workflow = await createSendWorkflow(n8n, 'e2e: sends once under Retry On Fail', prefix, { settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
	await sim.injectFault({ kind: 'status', status: 500, times: 1, match: { provider: 'mehery', route: SEND_ROUTE, body: new RegExp(`${prefix}06`) } });

	const execution = await run(n8n, workflow.id);
	expect(execution.status).toBe('success');
	const { requests, delivered } = await sendsTo(prefix);
	expect(requests).toBe(11);
	expect([...delivered.values()]).toEqual(Array(CUSTOMERS).fill(1));
});

test('"Retry execution" of a failed run with an Idempotency Key sends no duplicate; a manual re-run sends nothing', async () => {
	const { n8n, sim } = await connect();
	const prefix = '9170000002';
	const workflow = await createSendWorkflow(n8n, 'e2e: sends once with an Idempotency Key', prefix, { options: { idempotencyKey: '={{ $json.orderId }}-shipped' } });
	await sim.injectFault({ kind: 'status', status: 400, times: 1, match: { provider: 'mehery', route: SEND_ROUTE, body: new RegExp(`${prefix}06`) } });

	const failed = await run(n8n, workflow.id);
	expect(failed.status).toBe('error');
	const error = JSON.stringify(failed.data?.resultData?.error ?? {});
	expect(error).toContain('Delivered before this failure: 9 of 10 items');
	expect((await sendsTo(prefix)).delivered.size).toBe(9);

	const started = Date.now();
	await n8n.retryExecution(failed.id);
	const retried = await n8n.waitForExecution({ workflowId: workflow.id, after: started });
	expect(retried.status).toBe('success');
	let sends = await sendsTo(prefix);
	expect([...sends.delivered.values()]).toEqual(Array(CUSTOMERS).fill(1));
	expect(sends.requests).toBe(11);

	const again = await run(n8n, workflow.id);
	expect(again.status).toBe('success');
	sends = await sendsTo(prefix);
	expect(sends.requests).toBe(11);
	const output = again.data?.resultData?.runData?.Send?.[0]?.data?.main?.[0] ?? [];
	expect(output.map((item) => item.json.alreadySent)).toEqual(Array(CUSTOMERS).fill(true));
});
