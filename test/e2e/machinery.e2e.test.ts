/**
 * What every provider's end-to-end cases build on, proven here with n8n's own trigger nodes feeding IrisEngage
 * (until our triggers exist): a webhook-started workflow fired from the simulator, activation cycles, a polling
 * trigger run once, and a failing node's stored execution.
 */
import { nodeOutput, type N8nClient } from '../../scripts/lib/n8n';
import { connect, loadState } from './environment';

const SAMPLE_NUMBER = '971569113820';
const SAMPLE_SESSION = 'CDC079CC-C7FC-46CC-AECA-FD81D83A82B8';

function irisNode(name: string, parameters: Record<string, unknown>, position: [number, number] = [250, 0]) {
	const { credentialIds } = loadState();
	return {
		id: `iris-${name.replace(/\W/g, '')}`,
		name,
		type: 'n8n-nodes-chat-providers.irisEngage',
		typeVersion: 1,
		position,
		parameters,
		credentials: { irisEngageApi: credentialIds.irisEngageApi },
	};
}

function chain(first: string, second: string) {
	return { [first]: { main: [[{ node: second, type: 'main', index: 0 }]] } };
}

async function executionsOf(n8n: N8nClient, workflowId: string) {
	return await n8n.listExecutions(workflowId, { limit: 50 });
}

describe('a workflow started by a webhook', () => {
	const path = `iris-history-${Date.now()}`;
	let workflowId: string;

	beforeAll(async () => {
		const { n8n } = await connect();
		const workflow = await n8n.createWorkflow({
			name: 'e2e: webhook → IrisEngage',
			nodes: [
				{
					id: 'webhook',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: path,
					parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
				},
				irisNode('Conversations', { resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.body.mobileNumber }}', sessionCount: 1 }),
			],
			connections: chain('Webhook', 'Conversations'),
		});
		workflowId = workflow.id;
		await n8n.activateWorkflow(workflowId);
	});

	test('fired from the simulator, runs IrisEngage with the posted number and answers with its output', async () => {
		const { n8n, sim, state } = await connect();
		const started = Date.now();
		const response = await retryWhile404(() => sim.sendWebhook(`${state.n8nUrl}/webhook/${path}`, { body: { mobileNumber: SAMPLE_NUMBER } }));
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toMatchObject({ conversationId: SAMPLE_SESSION, mobileNumber: SAMPLE_NUMBER });

		const execution = await n8n.waitForExecution({ workflowId, after: started });
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Conversations')).toEqual([expect.objectContaining({ conversationId: SAMPLE_SESSION })]);
		const requests = await sim.log({ provider: 'irisengage', route: /EngageAPIRequestDetails/, since: started });
		expect(requests.map((entry) => entry.body)).toContainEqual({ MobileNo: SAMPLE_NUMBER, SessionCount: 1 });
	});

	test('deactivating and reactivating leaves exactly one live registration: one call, one execution', async () => {
		const { n8n, sim, state } = await connect();
		await n8n.deactivateWorkflow(workflowId);
		await waitUntil(async () => (await sim.sendWebhook(`${state.n8nUrl}/webhook/${path}`, { body: { mobileNumber: SAMPLE_NUMBER } })).status === 404);
		await n8n.activateWorkflow(workflowId);
		const before = (await executionsOf(n8n, workflowId)).length;
		const response = await retryWhile404(() => sim.sendWebhook(`${state.n8nUrl}/webhook/${path}`, { body: { mobileNumber: SAMPLE_NUMBER } }));
		expect(response.status).toBe(200);
		await waitUntil(async () => (await executionsOf(n8n, workflowId)).length > before);
		// Give a duplicate registration time to show up before counting.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect((await executionsOf(n8n, workflowId)).length).toBe(before + 1);
	});

	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(workflowId);
	});
});

test('a polling trigger runs once (manual run) and feeds IrisEngage', async () => {
	const { n8n, sim, state } = await connect();
	const feedUrl = `${state.simulatorUrl}/feeds/irisengage/${SAMPLE_NUMBER}.rss`;
	const workflow = await n8n.createWorkflow({
		name: 'e2e: RSS polling trigger → IrisEngage',
		nodes: [
			{
				id: 'rss',
				name: 'New Conversation',
				type: 'n8n-nodes-base.rssFeedReadTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyHour' }] }, feedUrl },
			},
			irisNode('Messages', { resource: 'message', operation: 'getMany', requestId: '={{ $json.guid }}', returnAll: true }),
		],
		connections: chain('New Conversation', 'Messages'),
	});
	const feedRequestsBefore = await sim.count({ provider: 'feeds' });
	const execution = await n8n.waitForExecution(await n8n.runWorkflowManually(workflow.id, 'New Conversation'));

	expect(execution.status).toBe('success');
	expect(nodeOutput(execution, 'New Conversation')[0]).toMatchObject({ guid: SAMPLE_SESSION });
	const messages = nodeOutput(execution, 'Messages');
	expect(messages).toHaveLength(11);
	expect(messages[0]).toMatchObject({ provider: 'irisengage', text: 'Hi', timestamp: '2023-08-15T19:39:17.000Z' });
	expect(await sim.count({ provider: 'feeds' })).toBe(feedRequestsBefore + 1);
});

test('bad input fails the execution with the field named, before any request', async () => {
	const { n8n, sim } = await connect();
	const workflow = await n8n.createWorkflow({
		name: 'e2e: IrisEngage bad input',
		nodes: [
			{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			irisNode('Conversations', { resource: 'conversation', operation: 'getMany', mobileNumber: '97156abc820', sessionCount: 1 }),
		],
		connections: chain('Start', 'Conversations'),
	});
	const started = Date.now();
	const execution = await n8n.waitForExecution(await n8n.runWorkflowManually(workflow.id, 'Start'));

	expect(execution.status).toBe('error');
	expect(execution.data?.resultData.error?.message).toMatch(/^Mobile Number: "97156abc820" is not a phone number/);
	expect(await sim.log({ provider: 'irisengage', since: started })).toEqual([]);
});

test('a provider error after a login stores neither the password nor the session token in the execution', async () => {
	const { n8n, sim } = await connect();
	const workflow = await n8n.createWorkflow({
		name: 'e2e: IrisEngage fails after login',
		nodes: [
			{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			irisNode('Conversations', { resource: 'conversation', operation: 'getMany', mobileNumber: SAMPLE_NUMBER, sessionCount: 1 }),
			irisNode('Messages', { resource: 'message', operation: 'getMany', requestId: '={{ $json.conversationId }}', returnAll: true }, [500, 0]),
		],
		connections: { ...chain('Start', 'Conversations'), ...chain('Conversations', 'Messages') },
	});
	// A fresh login inside this execution: n8n stores the new token in the credential before the failure.
	await sim.expireTokens('irisengage');
	await sim.injectFault({ match: { provider: 'irisengage', route: /GetContent/ }, kind: 'status', status: 400, body: { message: 'RequestId is locked' }, times: 1 });
	const started = Date.now();
	try {
		const execution = await n8n.waitForExecution(await n8n.runWorkflowManually(workflow.id, 'Start'));
		expect(execution.status).toBe('error');
		expect(nodeOutput(execution, 'Conversations')).toEqual([expect.objectContaining({ conversationId: SAMPLE_SESSION })]);
		expect(execution.data?.resultData.error?.message).toBe('IrisEngage: RequestId is locked (HTTP 400)');
	} finally {
		await sim.clearFaults();
	}

	const requests = await sim.log({ provider: 'irisengage', since: started });
	expect(requests.filter((entry) => /Users\/authenticate/.test(entry.path)).map((entry) => entry.status)).toEqual([200]);
	const usedTokenIds = new Set(requests.filter((entry) => entry.status === 200 && entry.tokenId !== undefined).map((entry) => entry.tokenId));
	expect(usedTokenIds.size).toBe(1);
	const issued = (await sim.issuedTokens('irisengage')).find((entry) => usedTokenIds.has(entry.id));
	const token = String(issued?.token);
	expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

	const stored = JSON.stringify(await n8n.listExecutions(workflow.id, { includeData: true }));
	expect(stored).toContain('RequestId is locked');
	expect(stored).not.toContain(token);
	expect(stored).not.toContain('password1');
	// No other session token either, whatever its value.
	expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
});

/** A just-(re)activated webhook can answer 404 for a moment (n8n registers it asynchronously). */
async function retryWhile404<T extends { status: number }>(call: () => Promise<T>): Promise<T> {
	let response = await call();
	for (let attempt = 0; attempt < 50 && response.status === 404; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		response = await call();
	}
	return response;
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
	for (let attempt = 0; attempt < 50; attempt++) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('condition not met within 10 s');
}
