/**
 * What each example workflow's nodes of ours output in a real run against the simulator, for the docs pages:
 * every example that starts with a click or a poll runs in n8n-core's WorkflowExecute (test/engine harness); a
 * webhook trigger's example gets one delivery the simulated provider would post (its shape from the simulator's
 * own builders), through the trigger's real webhook().
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { createCredentialStore, N8nServer, runWebhook, runWorkflow, type WebhookRequest } from '../engine/harness';
import type { CredentialStore } from '../engine/credentials';
import { loadExamples, ourNodes, simulatorCredentials } from '../engine/examples';
import type { Simulator } from '../simulator';
import { outboundPayload } from '../simulator/providers/ctlive-outbound';
import { notificationBody } from '../simulator/providers/mehery-notify';
import { moBatch } from '../simulator/providers/wavy-data';

export interface ExampleOutput {
	/** examples/<file> */
	file: string;
	node: string;
	/** Node type without the package prefix, e.g. `mehery`. */
	nodeType: string;
	resource?: string;
	operation?: string;
	items: IDataObject[];
}

/** A fixed instant for deliveries whose payload carries a time, so a page does not change on every run. */
const DELIVERED_AT = Date.UTC(2026, 0, 15, 9, 30, 0);

/** One delivery per webhook trigger type, as the provider posts it, with the credentials the simulator uses. */
function delivery(nodeType: string, sim: Simulator): WebhookRequest | undefined {
	const credentials = simulatorCredentials(sim);
	switch (nodeType) {
		case 'meheryTrigger':
			return {
				headers: { 'x-verify-token': String(credentials.meheryXmsApi.verifyToken) },
				body: notificationBody({ kind: 'message', id: 'wamid.docs-example-1', text: 'Where is my order?' }, () => 'unused', DELIVERED_AT),
			};
		case 'ctLiveTrigger': {
			const { user, password } = credentials.ctLiveWebhookApi as { user: string; password: string };
			return { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }, body: outboundPayload(1, sim.url, { kind: 'text' }) };
		}
		case 'wavyTrigger':
			return { query: { secret: String(credentials.wavyApi.webhookSecret) }, url: '/webhook/mo', body: moBatch({ size: 2 }) };
		default:
			return undefined;
	}
}

const shortType = (node: INode) => node.type.slice(node.type.indexOf('.') + 1);

/** The trigger a waiting node of this provider hears the reply at. */
const REPLY_TRIGGER: Record<string, string> = { mehery: 'meheryTrigger', ctLive: 'ctLiveTrigger' };

/** What the customer (Mehery) or the agent (CTLive) answers a waiting node, as the provider posts it to the trigger. */
function replyDelivery(triggerType: string, to: string, sim: Simulator): WebhookRequest {
	const request = delivery(triggerType, sim)!;
	if (triggerType === 'meheryTrigger') {
		return { ...request, body: notificationBody({ kind: 'message', id: 'wamid.docs-example-reply', text: 'It is 12345', phone: to }, () => 'unused', DELIVERED_AT + 60_000) };
	}
	return { ...request, body: outboundPayload(1, sim.url, { kind: 'text', to: [to], text: 'Your parcel arrives tomorrow.' }) };
}

/**
 * A waiting node's Reply output: the node alone, fed `input`, waits at its trigger (served as n8n serves it); the
 * reply the provider then posts to the trigger resumes it.
 */
async function replyOutput(sim: Simulator, store: CredentialStore, workflowId: string, trigger: INode, ask: INode, input: IDataObject): Promise<IDataObject[]> {
	const server = await N8nServer.start(store);
	try {
		// The trigger publishes its conversation endpoint in the workflow's static data, where the node finds it.
		const staticData: IDataObject = {};
		const urls = await server.serveTrigger(trigger, { store, staticData, workflowId });
		const execution = await server.runFrom({ id: workflowId, name: 'docs', nodes: [ask], connections: {}, settings: { executionOrder: 'v1' }, staticData } as never, ask.name, [input]);
		if (execution.status !== 'waiting') throw new Error(`${ask.name} did not wait: ${execution.run?.error(ask.name)?.message ?? execution.status}`);
		const to = String(ask.parameters.recipient ?? ask.parameters.from).includes('$json') ? String(input.from) : String(ask.parameters.recipient ?? ask.parameters.from);
		const request = replyDelivery(shortType(trigger), to.replace(/\D/g, ''), sim);
		await sim.sendWebhook(`${urls.default}${request.query ? `?${new URLSearchParams(request.query as Record<string, string>)}` : ''}`, { body: request.body, headers: request.headers as Record<string, string> });
		for (let polls = 0; (execution.status as string) !== 'success' && polls < 500; polls++) await new Promise((resolve) => setTimeout(resolve, 20));
		return (execution.run?.run.data.resultData.runData[ask.name]?.at(-1)?.data?.main[0] ?? []).map((item) => item.json);
	} finally {
		await server.close();
	}
}

export async function collectExampleOutputs(sim: Simulator): Promise<ExampleOutput[]> {
	const store = await createCredentialStore(simulatorCredentials(sim));
	const outputs: ExampleOutput[] = [];
	let deployments = 0;
	for (const { file, workflow } of loadExamples()) {
		const nodes = ourNodes(workflow);
		const webhookTrigger = nodes.find((node) => delivery(shortType(node), sim));
		const asking = nodes.find((node) => node.parameters.operation === 'sendAndWaitForReply');
		if (webhookTrigger) {
			const request = delivery(shortType(webhookTrigger), sim)!;
			const run = await runWebhook(webhookTrigger, request, { store, staticData: {}, workflowId: `docs-${++deployments}` });
			outputs.push({ file, node: webhookTrigger.name, nodeType: shortType(webhookTrigger), items: run.items.map((item) => item.json) });
			if (!asking) continue;
		}
		if (asking) {
			const trigger = nodes.find((node) => shortType(node) === REPLY_TRIGGER[shortType(asking)])!;
			const input = webhookTrigger ? outputs[outputs.length - 1].items[0] : {};
			const items = await replyOutput(sim, store, `docs-${++deployments}`, trigger, asking, input);
			outputs.push({ file, node: asking.name, nodeType: shortType(asking), resource: 'message', operation: 'sendAndWaitForReply', items });
			continue;
		}
		const result = await runWorkflow(workflow, store);
		for (const node of nodes) {
			const error = result.error(node.name);
			if (error) throw new Error(`${file}: ${node.name} failed: ${error.message}`);
			outputs.push({
				file,
				node: node.name,
				nodeType: shortType(node),
				resource: node.parameters.resource as string | undefined,
				operation: node.parameters.operation as string | undefined,
				items: result.output(node.name).map((item) => item.json),
			});
		}
	}
	return outputs;
}
