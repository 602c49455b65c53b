/**
 * CTLive in a real n8n: the two-way bridge example activated and fired by the simulated CTLive (Basic auth), its
 * resend answered alike without a second execution, a wrong webhook password refused, the CTLive API
 * credential's Test (the CTLive node's test method) with right and wrong secrets and paths, and a send through a
 * credential set to the spec's literal path.
 */
import { nodeOutput, type N8nClient } from '../../scripts/lib/n8n';
import { connect, loadState } from './environment';
import { postMalformed, simulatorCredentials } from './malformed';

const BRIDGE = 'ctlive-trigger-bridge.json';
const TRIGGER = 'CTLive Trigger';
const REPORT = 'Report Delivered to CTLive';

interface Outbound {
	payload: { scenarioKey: string; whatsApp: { text: string } };
	answers: Array<{ status: number; body: string }>;
}

async function triggerUrl(): Promise<string> {
	const { n8n, state } = await connect();
	const workflow = await n8n.api<{ nodes: Array<{ name: string; webhookId?: string }> }>('GET', `/workflows/${state.workflowIds[BRIDGE]}`);
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER)!;
	return `${state.n8nUrl}/webhook/${trigger.webhookId}/ctlive`;
}

/** Makes the simulated CTLive post an agent's answer to `url`; retries while n8n still registers the webhook (404). */
async function ctliveCalls(url: string, body: Record<string, unknown>): Promise<Outbound> {
	const { simulatorUrl } = loadState();
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${simulatorUrl}/ctlive/simulate/outbound`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url, ...body }),
		});
		const outbound = (await response.json()) as Outbound;
		if (outbound.answers?.[0]?.status !== 404 || attempt >= 50) return outbound;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function executionCount(n8n: N8nClient, workflowId: string): Promise<number> {
	return (await n8n.listExecutions(workflowId, { includeData: false, limit: 50 })).length;
}

describe('the CTLive bridge example, activated', () => {
	let workflowId: string;
	let url: string;
	beforeAll(async () => {
		const { n8n, state } = await connect();
		workflowId = state.workflowIds[BRIDGE];
		await n8n.activateWorkflow(workflowId);
		url = await triggerUrl();
	});
	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(workflowId);
	});

	test('a delivery from CTLive starts exactly one execution with the normalized message, and its resend gets the same answer and none', async () => {
		const { n8n, sim } = await connect();
		const started = Date.now();
		const text = `Your order has shipped (${started})`;
		const first = await ctliveCalls(url, { kind: 'text', to: ['41793026727'], text });
		expect(first.answers.map((answer) => answer.status)).toEqual([200]);
		const answer = JSON.parse(first.answers[0].body) as { messages: Array<{ to: { phoneNumber: string }; status: { name: string }; messageId: string }> };
		expect(answer.messages).toEqual([
			{ to: { phoneNumber: '41793026727' }, status: expect.objectContaining({ groupName: 'PENDING', name: 'PENDING_ENROUTE' }), messageId: expect.any(String) },
		]);
		const { messageId } = answer.messages[0];

		const execution = await n8n.waitForExecution({ workflowId, after: started });
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, TRIGGER)).toEqual([
			expect.objectContaining({
				provider: 'ctlive',
				direction: 'outbound',
				messageId,
				from: first.payload.scenarioKey,
				to: '41793026727',
				type: 'text',
				text,
				scenarioKey: first.payload.scenarioKey,
			}),
		]);
		expect(nodeOutput(execution, REPORT)).toEqual([
			expect.objectContaining({ messageId, to: '41793026727', status: expect.objectContaining({ name: 'DELIVERED_TO_HANDSET' }) }),
		]);
		const reports = await sim.log({ provider: 'ctlive', route: /imchannel\/message/, since: started });
		expect(reports.map((entry) => (entry.body as { results: Array<{ messageId: string }> }).results[0].messageId)).toEqual([messageId]);

		const before = await executionCount(n8n, workflowId);
		const resend = await ctliveCalls(url, { kind: 'text', to: ['41793026727'], text });
		expect(resend.answers.map((entry) => entry.body)).toEqual([first.answers[0].body]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executionCount(n8n, workflowId)).toBe(before);
	});

	test('a malformed body starts no execution: the wrong shape gets 400, unparseable JSON n8n\'s 422', async () => {
		const { n8n } = await connect();
		const before = await executionCount(n8n, workflowId);
		const { webhookUser, webhookPassword } = await simulatorCredentials('ctlive');
		const authorization = `Basic ${Buffer.from(`${webhookUser}:${webhookPassword}`).toString('base64')}`;
		const { wrongShape, unparseable } = await postMalformed(url, { authorization }, { scenarioKey: 'K', destinations: 'not a list' });
		expect([wrongShape.status, unparseable.status]).toEqual([400, 422]);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executionCount(n8n, workflowId)).toBe(before);
	});

	test('a call with a wrong webhook password gets 401 and starts no execution', async () => {
		const { n8n } = await connect();
		const before = await executionCount(n8n, workflowId);
		const refused = await ctliveCalls(url, { kind: 'text', text: `wrong ${Date.now()}`, auth: { user: 'ctlive', password: 'not-the-hook-pass-4d1' } });
		expect(refused.answers[0].status).toBe(401);
		expect(refused.answers[0].body).not.toContain('not-the-hook-pass-4d1');
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executionCount(n8n, workflowId)).toBe(before);
	});
});

describe('CTLive API credential Test', () => {
	const withSimulator = async (data: Record<string, unknown>) => {
		const { sim } = await connect();
		const health = await sim.health();
		return { baseUrl: health.providers.ctlive, messagePath: '/imchannel/message', authType: 'basic', user: 'ctlive-channel', password: 'ctlive-pass-1', ...data };
	};
	const received = async () => {
		const { simulatorUrl } = loadState();
		return (await (await fetch(`${simulatorUrl}/ctlive/simulate/received`)).json()) as Record<string, unknown>;
	};

	test('with the right credentials succeeds: the strict CTLive refuses the empty report (400) and nothing is created', async () => {
		const { n8n, sim } = await connect();
		const before = await received();
		const started = Date.now();
		expect(await n8n.testCredential({ type: 'ctLiveApi', data: await withSimulator({}) })).toEqual({ status: 'OK', message: 'Connection successful!' });
		const posts = await sim.log({ provider: 'ctlive', route: /message$/, since: started });
		expect(posts.map((entry) => [entry.route, entry.status, entry.body])).toEqual([['POST /imchannel/message', 400, { results: [] }]]);
		expect(await received()).toEqual(before);
	});

	test("with the spec's literal path /imchanne/message succeeds", async () => {
		const { n8n } = await connect();
		const result = await n8n.testCredential({ type: 'ctLiveApi', data: await withSimulator({ messagePath: '/imchanne/message' }) });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('with a wrong password fails with CTLive refusing it, and never shows the password', async () => {
		const { n8n } = await connect();
		const result = await n8n.testCredential({ type: 'ctLiveApi', data: await withSimulator({ password: 'not-the-password-8c2' }) });
		expect(result.status).toBe('Error');
		expect(result.message).toBe('CTLive refused the credentials (HTTP 401): check Authentication and its user, password or token');
		expect(result.message).not.toContain('not-the-password-8c2');
	});

	test('with a wrong message path says so', async () => {
		const { n8n } = await connect();
		const result = await n8n.testCredential({ type: 'ctLiveApi', data: await withSimulator({ messagePath: '/imchannel/messages' }) });
		expect(result).toEqual({ status: 'Error', message: 'No CTLive message endpoint at this address (HTTP 404): check the Base URL and Message Path' });
	});

	test('with a token header succeeds, and a wrong token fails', async () => {
		const { n8n } = await connect();
		const data = await withSimulator({ authType: 'ctliveToken' });
		expect(await n8n.testCredential({ type: 'ctLiveApi', data: { ...data, token: 'ctlive-token-1' } })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect((await n8n.testCredential({ type: 'ctLiveApi', data: { ...data, token: 'wrong-token-55' } })).status).toBe('Error');
	});
});

test("a message sent through a credential set to the spec's literal path /imchanne/message reaches CTLive", async () => {
	const { n8n, sim } = await connect();
	const health = await sim.health();
	const credential = await n8n.createCredential({
		name: `CTLive literal path ${Date.now()}`,
		type: 'ctLiveApi',
		data: { baseUrl: health.providers.ctlive, messagePath: '/imchanne/message', authType: 'basic', user: 'ctlive-channel', password: 'ctlive-pass-1' },
	});
	const text = `literal path ${Date.now()}`;
	const workflow = await n8n.createWorkflow({
		name: 'e2e: CTLive send on the literal path',
		nodes: [
			{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'ctlive',
				name: 'CTLive',
				type: 'n8n-nodes-chat-providers.ctLive',
				typeVersion: 1,
				position: [250, 0],
				parameters: { resource: 'message', operation: 'send', messageType: 'text', from: '385919998888', to: '1234', text },
				credentials: { ctLiveApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'CTLive', type: 'main', index: 0 }]] } },
	});
	const started = Date.now();
	const execution = await n8n.waitForExecution(await n8n.runWorkflowManually(workflow.id, 'Start'));
	expect(execution.status).toBe('success');
	const posts = await sim.log({ provider: 'ctlive', route: /message$/, since: started });
	expect(posts.map((entry) => [entry.route, entry.status, (entry.body as { results: Array<{ message: { text: string } }> }).results[0].message.text])).toEqual([
		['POST /imchanne/message', 200, text],
	]);
});
