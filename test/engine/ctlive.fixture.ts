import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { INode, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { RequestLogEntry, Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { engineAdditionalData } from './additional-data';
import type { CredentialStore } from './credentials';
import { createCredentialStore, loadPackage } from './harness';

export const CTLIVE_NODE_TYPE = 'n8n-nodes-chat-providers.ctLive';
export const CTLIVE_TRIGGER_TYPE = 'n8n-nodes-chat-providers.ctLiveTrigger';
export const MESSAGE_ROUTE = /\/(imchannel|imchanne)\/message$/;

/** A credential store with both CTLive credentials pointing at the simulator. */
export async function ctliveStore(sim: Simulator, apiOverrides: Record<string, string> = {}, webhookOverrides: Record<string, string> = {}) {
	const credentials = simulatorCredentials(sim);
	return await createCredentialStore({
		ctLiveApi: { ...credentials.ctLiveApi, ...apiOverrides },
		ctLiveWebhookApi: { ...credentials.ctLiveWebhookApi, ...webhookOverrides },
	});
}

export function ctliveNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return {
		name: 'CTLive',
		type: CTLIVE_NODE_TYPE,
		parameters,
		credentials: { ctLiveApi: { id: 'ctLiveApi', name: 'CTLive account' } },
		...extra,
	};
}

/** Message → Send of a text, From and Text from the input item. */
export const sendText = (extra: Record<string, unknown> = {}, node: Partial<INode> = {}) =>
	ctliveNode({ resource: 'message', operation: 'send', messageType: 'text', from: '={{ $json.from }}', to: '1234', text: '={{ $json.text }}', ...extra }, node);

/** The `results` entries CTLive received, oldest first. */
/** The `results` CTLive took, in the order the posts arrived (or in the order `sort` gives). */
export function postedResults(sim: Simulator, sort = (entries: RequestLogEntry[]) => entries): Array<Record<string, unknown>> {
	return sort(sim.log.filter((entry) => MESSAGE_ROUTE.test(entry.path) && entry.status === 200))
		.flatMap((entry) => (entry.body as { results: Array<Record<string, unknown>> }).results);
}

/**
 * Runs a webhook-started workflow as n8n does after the trigger's `webhook()` returned items: the trigger passes
 * them on (n8n-core runs a webhook node as a pass-through of its input) and the rest of the workflow runs.
 */
export async function runFromWebhook(workflow: IWorkflowBase, triggerName: string, items: INodeExecutionData[], store: CredentialStore) {
	const { nodeTypes } = await loadPackage();
	const executable = new Workflow({ ...workflow, active: true, nodeTypes, id: workflow.id, nodes: workflow.nodes, connections: workflow.connections });
	const hooks = new ExecutionLifecycleHooks('webhook', `ctlive-${++runs}`, workflow);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const trigger = workflow.nodes.find((node) => node.name === triggerName)!;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: trigger, data: { main: [items] }, source: null }] },
	});
	const execution = new WorkflowExecute(engineAdditionalData(store, hooks, `ctlive-${runs}`), 'webhook', runExecutionData);
	await execution.processRunExecutionData(executable);
	const { runData } = (await finished).data.resultData;
	return {
		output: (nodeName: string) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		error: (nodeName: string) => runData[nodeName]?.[0]?.error,
	};
}
let runs = 0;
