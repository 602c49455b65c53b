import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
	WebhookType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { engineAdditionalData } from './additional-data';
import type { CredentialStore } from './credentials';
import { loadPackage } from './package';

// ---------------------------------------------------------------------------------------------------------------
// Trigger nodes: `webhook()`, `webhookMethods` and `poll()` run in n8n-core's own contexts, the way the n8n server
// (packages/cli: WebhookService, ActiveWorkflowManager, webhook-helpers) drives them.

export type TestNode = Omit<INode, 'id' | 'position' | 'typeVersion'> & Partial<INode>;

export interface TriggerOptions {
	store: CredentialStore;
	/**
	 * The workflow's static data as n8n keeps it between executions (its database column). Pass the same object to
	 * every call: each call builds a fresh Workflow from a JSON copy of it and, when the node changed static data
	 * (n8n's `__dataChanged`), writes the JSON back, as the server's WorkflowStaticDataService does. So only what
	 * survives n8n's save and load survives here. A node's own data is under `node:<node name>`.
	 * Without it, every call starts with empty static data.
	 */
	staticData?: IDataObject;
	/** Called each time n8n would write the workflow's static data to its database (one UPDATE of the workflow). */
	onStaticDataSave?: () => void;
	/** n8n's public webhook base URL (default http://127.0.0.1:5678/webhook); `serveWebhook` gives a live one. */
	webhookBaseUrl?: string;
	workflowId?: string;
}

const DEFAULT_WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A one-node workflow around the trigger, with static data loaded from `options.staticData`. */
export async function triggerWorkflow(node: TestNode, options: TriggerOptions) {
	const { nodeTypes } = await loadPackage();
	const fullNode: INode = {
		id: 'trigger-under-test',
		position: [0, 0],
		typeVersion: 1,
		// n8n gives every webhook node a UUID when it is added; a stable one keeps the URL the same across calls.
		webhookId: `engine-test-${node.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
		...node,
	} as INode;
	const workflow = new Workflow({
		id: options.workflowId ?? 'engine-test',
		name: 'engine test',
		nodes: [fullNode],
		connections: {},
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
		staticData: jsonCopy(options.staticData ?? {}),
	});
	const nodeType = nodeTypes.getByNameAndVersion(fullNode.type, fullNode.typeVersion);
	return { workflow, node: fullNode, nodeType };
}

/** What the server's WorkflowStaticDataService.saveStaticData does: persist only when the node changed something. */
export function saveStaticData(workflow: Workflow, options: TriggerOptions) {
	if (options.staticData === undefined || workflow.staticData.__dataChanged !== true) return;
	options.onStaticDataSave?.();
	for (const key of Object.keys(options.staticData)) delete options.staticData[key];
	Object.assign(options.staticData, jsonCopy(workflow.staticData));
}

export function triggerAdditionalData(options: TriggerOptions, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
	return engineAdditionalData(options.store, undefined, undefined, {
		webhookBaseUrl: options.webhookBaseUrl ?? DEFAULT_WEBHOOK_BASE_URL,
		...extra,
	});
}

function webhookDescription(nodeType: INodeType, node: INode, name: WebhookType): IWebhookDescription {
	const description = nodeType.description.webhooks?.find((webhook) => webhook.name === name);
	if (!description) throw new Error(`Node type ${node.type} has no '${name}' webhook`);
	return description;
}

/** The IWebhookData the server builds for a node's webhook (cli WebhookService.getNodeWebhooks). */
export function webhookData(
	workflow: Workflow,
	node: INode,
	nodeType: INodeType,
	name: WebhookType,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: 'webhook' | 'trigger' | 'manual',
): IWebhookData {
	const description = webhookDescription(nodeType, node, name);
	const resolve = (value: unknown) => workflow.expression.getSimpleParameterValue(node, value as string, mode, {}, undefined, value as string);
	return {
		httpMethod: String(resolve(description.httpMethod)).toUpperCase() as IHttpRequestMethods,
		node: node.name,
		path: String(resolve(description.path)),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
	};
}
