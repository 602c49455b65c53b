/**
 * What each example workflow's nodes of ours output in a real run against the simulator, for the docs pages:
 * every example that starts with a click or a poll runs in n8n-core's WorkflowExecute (test/engine harness); a
 * webhook trigger's example gets one delivery the simulated provider would post (its shape from the simulator's
 * own builders), through the trigger's real webhook().
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { createCredentialStore, runWebhook, runWorkflow, type WebhookRequest } from '../engine/harness';
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

export async function collectExampleOutputs(sim: Simulator): Promise<ExampleOutput[]> {
	const store = await createCredentialStore(simulatorCredentials(sim));
	const outputs: ExampleOutput[] = [];
	let deployments = 0;
	for (const { file, workflow } of loadExamples()) {
		const nodes = ourNodes(workflow);
		const webhookTrigger = nodes.find((node) => delivery(shortType(node), sim));
		if (webhookTrigger) {
			const request = delivery(shortType(webhookTrigger), sim)!;
			const run = await runWebhook(webhookTrigger, request, { store, staticData: {}, workflowId: `docs-${++deployments}` });
			outputs.push({ file, node: webhookTrigger.name, nodeType: shortType(webhookTrigger), items: run.items.map((item) => item.json) });
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
