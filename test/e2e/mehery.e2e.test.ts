/**
 * Mehery in a real n8n: the imported trigger example is activated, registers its URL at the simulated Mehery,
 * and Mehery's own webhook calls start exactly one execution each; the credential's wrong-secret Test.
 */
import { nodeOutput, type N8nClient } from '../../scripts/lib/n8n';
import { postMalformed, simulatorCredentials } from './malformed';
import { connect, loadState } from './environment';

const EXAMPLE = 'mehery-trigger.json';

interface Notified {
	url: string;
	status: number;
	body: string;
}

/** Asks the simulated Mehery to post a notification to its registered webhook; retries while n8n says 404. */
async function notify(request: Record<string, unknown>): Promise<Notified> {
	const { simulatorUrl } = loadState();
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${simulatorUrl}/mehery/_sim/notify`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request),
		});
		const answer = (await response.json()) as Notified;
		if (response.status !== 200) throw new Error(`notify failed: ${JSON.stringify(answer)}`);
		// A just-activated webhook can answer 404 for a moment (n8n registers it asynchronously).
		if (answer.status !== 404 || attempt >= 50) return answer;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

const count = async (n8n: N8nClient, workflowId: string) => (await n8n.listExecutions(workflowId, { includeData: false, limit: 100 })).length;

const registrations = async () => await (await connect()).sim.count({ provider: 'mehery', route: /config\/webhook/ });

/** n8n answers the activate call first and runs the trigger's create() just after: wait for it to reach Mehery. */
async function activate(n8n: N8nClient, workflowId: string): Promise<void> {
	const before = await registrations();
	await n8n.activateWorkflow(workflowId);
	for (let attempt = 0; (await registrations()) === before; attempt++) {
		if (attempt >= 50) throw new Error('the trigger did not set its webhook URL at Mehery within 10 s');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function settle(): Promise<void> {
	// Give a duplicate execution time to show up before counting.
	await new Promise((resolve) => setTimeout(resolve, 1000));
}

describe('the Mehery Trigger example, activated in n8n', () => {
	let workflowId: string;

	beforeAll(async () => {
		const { n8n, state } = await connect();
		workflowId = state.workflowIds[EXAMPLE];
		await activate(n8n, workflowId);
	});

	afterAll(async () => {
		const { n8n } = await connect();
		await n8n.deactivateWorkflow(workflowId);
	});

	test('registers its URL at Mehery; an inbound message starts exactly one execution holding the normalized message', async () => {
		const { n8n, sim, state } = await connect();
		const hooks = await sim.webhooks('mehery');
		expect(hooks).toHaveLength(1);
		expect(hooks[0].url.startsWith(`${state.n8nUrl}/webhook/`)).toBe(true);

		const before = await count(n8n, workflowId);
		const started = Date.now();
		const answer = await notify({ kind: 'message', id: 'e2e-m1', text: 'Where is my parcel?', phone: '919900000077', name: 'Aisha' });
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ received: 1, started: 1 });

		const execution = await n8n.waitForExecution({ workflowId, after: started });
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'Mehery Trigger')).toEqual([
			expect.objectContaining({
				notification: 'message',
				provider: 'mehery',
				direction: 'inbound',
				messageId: 'e2e-m1',
				from: '919900000077',
				contactName: 'Aisha',
				type: 'text',
				text: 'Where is my parcel?',
			}),
		]);
		expect(nodeOutput(execution, 'Reply')).toEqual([expect.objectContaining({ receiptId: expect.any(String), to: { phone: '919900000077' } })]);
		await settle();
		expect(await count(n8n, workflowId)).toBe(before + 1);
	});

	test('a malformed body starts no execution: the wrong shape gets 400, unparseable JSON n8n\'s 422', async () => {
		const { n8n, state } = await connect();
		const before = await count(n8n, workflowId);
		const trigger = (await n8n.api<{ nodes: Array<{ webhookId?: string }> }>('GET', `/workflows/${workflowId}`)).nodes.find((node) => node.webhookId)!;
		const { verifyToken } = await simulatorCredentials('mehery');
		const { wrongShape, unparseable } = await postMalformed(`${state.n8nUrl}/webhook/${trigger.webhookId}/mehery`, { 'x-verify-token': verifyToken }, { messages: 'not a list' });
		expect([wrongShape.status, unparseable.status]).toEqual([400, 422]);
		await settle();
		expect(await count(n8n, workflowId)).toBe(before);
	});

	test('the same message delivered again starts nothing; a wrong verify token is refused with 401', async () => {
		const { n8n } = await connect();
		const before = await count(n8n, workflowId);
		const again = await notify({ kind: 'message', id: 'e2e-m1', text: 'Where is my parcel?' });
		expect(again.status).toBe(200);
		const forged = await notify({ kind: 'message', id: 'e2e-forged', verifyToken: 'not-the-token' });
		expect(forged.status).toBe(401);
		await settle();
		expect(await count(n8n, workflowId)).toBe(before);
	});

	test('deactivate + reactivate leaves exactly one registration and one execution per delivery', async () => {
		const { n8n, sim } = await connect();
		await n8n.deactivateWorkflow(workflowId);
		await activate(n8n, workflowId);
		expect(await sim.webhooks('mehery')).toHaveLength(1);
		const before = await count(n8n, workflowId);
		const started = Date.now();
		expect((await notify({ kind: 'message', id: 'e2e-m2', text: 'Still there?' })).status).toBe(200);
		const execution = await n8n.waitForExecution({ workflowId, after: started });
		expect(nodeOutput(execution, 'Mehery Trigger')).toEqual([expect.objectContaining({ messageId: 'e2e-m2' })]);
		await settle();
		expect(await count(n8n, workflowId)).toBe(before + 1);
	});
});

test('a Mehery credential Test with a wrong API key fails as Unauthorized, without the key', async () => {
	const { n8n, sim } = await connect();
	const health = await sim.health();
	const result = await n8n.testCredential({
		type: 'meheryXmsApi',
		data: { baseUrl: health.providers.mehery, apiKey: 'not-the-key-5d1', apiId: 'mehery-app-1', verifyToken: 'x' },
	});
	expect(result.status).toBe('Error');
	// n8n reports a refused test request by its status text.
	expect(result.message).toBe('Unauthorized');
	expect(result.message).not.toContain('not-the-key-5d1');
});

test("a contact info request is answered with a ContactInfoUpdate from the workflow's last node", async () => {
	const { n8n, state } = await connect();
	const workflow = await n8n.createWorkflow({
		name: 'e2e: Mehery contact info answered by the workflow',
		nodes: [
			{
				id: 'mehery-contact-trigger',
				name: 'Mehery Trigger',
				type: 'n8n-nodes-chat-providers.meheryTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'e2e-mehery-contact-info',
				parameters: { events: ['message', 'contactInfo'], contactInfoResponse: 'workflow' },
				credentials: { meheryXmsApi: state.credentialIds.meheryXmsApi },
			},
			{
				id: 'answer',
				name: 'Contact Info',
				type: 'n8n-nodes-base.set',
				typeVersion: 1,
				position: [250, 0],
				parameters: {
					keepOnlySet: true,
					values: { string: [{ name: 'name', value: '={{ $json.name }} (VIP)' }, { name: 'profileId', value: '=C-{{ $json.phone }}' }] },
					options: {},
				},
			},
		],
		connections: { 'Mehery Trigger': { main: [[{ node: 'Contact Info', type: 'main', index: 0 }]] } },
	});
	// The account's one webhook now points at this workflow: it takes the deliveries over.
	await activate(n8n, workflow.id);
	try {
		const answer = await notify({ kind: 'contact', phone: '919900000055', name: 'Mei' });
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ name: 'Mei (VIP)', profileId: 'C-919900000055' });
		// Messages to the same trigger are still answered by the trigger itself, at once.
		const started = Date.now();
		const message = await notify({ kind: 'message', id: 'e2e-m3' });
		expect({ status: message.status, body: JSON.parse(message.body) }).toEqual({ status: 200, body: { received: 1, started: 1 } });
		expect((await n8n.waitForExecution({ workflowId: workflow.id, after: started })).status).toBe('success');
	} finally {
		await n8n.deactivateWorkflow(workflow.id);
	}
});
