import 'reflect-metadata';

import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	HookContext,
	PackageDirectoryLoader,
	PollContext,
	PollTriggerExecutor,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialTypes,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ITaskData,
	IConnections,
	IHttpRequestMethods,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	WebhookType,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { CredentialStore } from './credentials';
import { buildRequest, parseIncoming, RecordingResponse, type CapturedResponse, type ExpressLikeRequest, type WebhookRequest } from './http-emulation';

export type { CapturedResponse, WebhookRequest } from './http-emulation';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-chat-providers';

/**
 * n8n-nodes-base is not a dependency of this package, so the two base nodes our example workflows use are
 * stood in for: Manual Trigger does what it does in a manual run (emit one empty item), Sticky Note nothing.
 */
const manualTrigger: INodeType = {
	description: {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Stand-in for n8n-nodes-base.manualTrigger',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [[{ json: {} }]];
	},
};

const stickyNote: INodeType = {
	description: {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: 1,
		description: 'Stand-in for n8n-nodes-base.stickyNote',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Width', name: 'width', type: 'number', default: 240 },
			{ displayName: 'Height', name: 'height', type: 'number', default: 160 },
		],
	},
};

export interface LoadedPackage {
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialTypes: ICredentialTypes;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Package prefix of node types that exist only in the tests (fixtures), never in the published package. */
export const TEST_FIXTURE_PREFIX = 'test-fixtures';
const fixtureNodeTypes = new Map<string, INodeType | IVersionedNodeType>();
const fixtureCredentialTypes = new Map<string, ICredentialType>();

/**
 * Makes a test-only node type (and the credential types it uses) known to the harness as
 * `test-fixtures.<description.name>`. Returns that type name.
 */
export function registerFixtureNodeType(type: INodeType, credentialTypes: ICredentialType[] = []): string {
	for (const credentialType of credentialTypes) fixtureCredentialTypes.set(credentialType.name, credentialType);
	const name = `${TEST_FIXTURE_PREFIX}.${type.description.name}`;
	fixtureNodeTypes.set(name, type);
	return name;
}

/** Loads the built package (dist/) exactly the way n8n does, through n8n-core's PackageDirectoryLoader. */
export async function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const byType = new Map<string, INodeType | IVersionedNodeType>();
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) byType.set(`${PACKAGE_NAME}.${name}`, type);
		byType.set('n8n-nodes-base.manualTrigger', manualTrigger);
		byType.set('n8n-nodes-base.stickyNote', stickyNote);
		const nodeType = (type: string) => required(byType.get(type) ?? fixtureNodeTypes.get(type), `node type ${type}`);
		const credentialType = (type: string) => loader.credentialTypes[type]?.type ?? fixtureCredentialTypes.get(type);
		const nodeTypes: INodeTypes = {
			getByName: nodeType,
			getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeType(type), version),
			getKnownTypes: () => ({}),
		};
		const credentialTypes: ICredentialTypes = {
			recognizes: (type) => credentialType(type) !== undefined,
			getByName: (type) => required(credentialType(type), `credential type ${type}`) as ICredentialType,
			getSupportedNodes: () => [],
			getParentTypes: (type) => credentialType(type)?.extends ?? [],
		};
		return { loader, nodeTypes, credentialTypes };
	})();
	return await loaded;
}

function required<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`Unknown ${what}`);
	return value;
}

export interface EngineRun {
	run: IRun;
	/** Output items of a node's first run, main output 0 (an empty list if the node did not run). */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node threw, if it failed. */
	error(nodeName: string): ITaskData['error'];
}

/** A credential store over this package's credential types, to share across several executions. */
export async function createCredentialStore(credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
	const store = new CredentialStore((await loadPackage()).credentialTypes);
	for (const [type, data] of Object.entries(credentials)) store.set(type, data);
	return store;
}

let executionCounter = 0;

/**
 * Runs a whole workflow with n8n-core's WorkflowExecute, as the n8n server does for a manual execution.
 * Node types are `<package>.<node>`, as in n8n; credentials come from `store`.
 */
export async function runWorkflow(workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>, store: CredentialStore): Promise<EngineRun> {
	const { nodeTypes } = await loadPackage();
	const executionId = String(++executionCounter);
	const base: IWorkflowBase = {
		id: 'engine-test',
		name: 'engine test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: { executionOrder: 'v1' },
		...workflowData,
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: base.id,
		name: base.name,
		nodes: base.nodes,
		connections: base.connections,
		active: false,
		nodeTypes,
		settings: base.settings,
		staticData: base.staticData,
	});
	const hooks = new ExecutionLifecycleHooks('manual', executionId, base);
	const finished = whenFinished(hooks);
	const additionalData = engineAdditionalData(store, hooks, executionId);
	const startNode = base.nodes.find((node) => nodeTypes.getByName(node.type).description.group.includes('trigger')) ?? base.nodes[0];
	const execution = new WorkflowExecute(additionalData, 'manual');
	await execution.run({ workflow, startNode });
	const run = await finished;
	return inspect(run);
}

/**
 * Runs one node of ours on the given input items: a Manual Trigger feeds a "Input" stand-in is not needed,
 * the engine starts from the node with the items on its input, as after any upstream node.
 */
export async function runNode(
	node: Omit<INode, 'id' | 'position' | 'typeVersion'> & Partial<INode>,
	items: IDataObject[],
	store: CredentialStore,
): Promise<EngineRun> {
	const { nodeTypes } = await loadPackage();
	const fullNode: INode = { id: 'node-under-test', position: [200, 0], typeVersion: 1, ...node } as INode;
	const workflow = new Workflow({
		id: 'engine-test',
		nodes: [fullNode],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'engine-test',
		name: 'engine test',
		nodes: [fullNode],
		connections: {} as IConnections,
		active: false,
	} as IWorkflowBase);
	const finished = whenFinished(hooks);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: fullNode,
					data: { main: [items.map((json, index) => ({ json, pairedItem: { item: index } }))] },
					source: null,
				},
			],
		},
	});
	const execution = new WorkflowExecute(engineAdditionalData(store, hooks, executionId), 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	return inspect(await finished);
}

/** Resolves with the run once the engine reports the workflow finished, as the server's hooks do. */
function whenFinished(hooks: ExecutionLifecycleHooks): Promise<IRun> {
	return new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
}

function inspect(run: IRun): EngineRun {
	const { runData } = run.data.resultData;
	return {
		run,
		output: (nodeName) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		error: (nodeName) => runData[nodeName]?.[0]?.error,
	};
}

/** What the n8n server hands WorkflowExecute, minus the features our nodes do not use (sub-workflows, AI, forms). */
function engineAdditionalData(
	store: CredentialStore,
	hooks: ExecutionLifecycleHooks | undefined,
	executionId: string | undefined,
	overrides: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = async () => {
		throw new Error('Not available in engine tests');
	};
	return {
		credentialsHelper: store,
		hooks,
		executionId,
		executeWorkflow: unsupported,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported,
		logAiEvent: () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		...overrides,
	} as unknown as IWorkflowExecuteAdditionalData;
}

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
	/** n8n's public webhook base URL (default http://127.0.0.1:5678/webhook); `serveWebhook` gives a live one. */
	webhookBaseUrl?: string;
	workflowId?: string;
}

export interface WebhookOptions extends TriggerOptions {
	/** 'webhook' (default): the production URL of an active workflow; 'manual': the editor's test URL. */
	mode?: 'webhook' | 'manual';
	webhookName?: WebhookType;
}

export interface WebhookRun {
	/** The items the workflow would start with, per output; undefined when the node decided not to run it. */
	workflowData?: INodeExecutionData[][];
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	/** What the caller received: the node's own answer, or the one n8n sends for it (responseMode 'onReceived'). */
	response: CapturedResponse;
	/** `workflowData[0]`, or [] when the workflow would not run. */
	items: INodeExecutionData[];
}

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface WebhookMethodOptions extends TriggerOptions {
	/** 'trigger' (default): activating the published workflow; 'manual': the editor's "Listen for test event". */
	mode?: 'trigger' | 'manual';
	/** Why n8n (de)activates: default 'activate' ('manual' in manual mode); 'init' on startup, 'update' on a save. */
	activation?: WorkflowActivateMode;
	webhookName?: WebhookType;
}

export interface PollOptions extends TriggerOptions {
	/** 'trigger' (default): a scheduled poll of an active workflow; 'manual': the editor's "Fetch test event". */
	mode?: 'trigger' | 'manual';
	/** The activation mode the poller was started with; default 'activate'. */
	activation?: WorkflowActivateMode;
}

const DEFAULT_WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A one-node workflow around the trigger, with static data loaded from `options.staticData`. */
async function triggerWorkflow(node: TestNode, options: TriggerOptions) {
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
function saveStaticData(workflow: Workflow, options: TriggerOptions) {
	if (options.staticData === undefined || workflow.staticData.__dataChanged !== true) return;
	for (const key of Object.keys(options.staticData)) delete options.staticData[key];
	Object.assign(options.staticData, jsonCopy(workflow.staticData));
}

function triggerAdditionalData(options: TriggerOptions, extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
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
function webhookData(
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

/** The URL n8n serves the node's webhook at (what `this.getNodeWebhookUrl(name)` returns inside the node). */
export async function webhookUrl(node: TestNode, options: WebhookOptions): Promise<string> {
	return (await webhookEndpoint(node, options)).url;
}

async function webhookEndpoint(node: TestNode, options: WebhookOptions) {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	const mode = options.mode ?? 'webhook';
	const name = options.webhookName ?? 'default';
	const additionalData = triggerAdditionalData(options);
	const data = webhookData(workflow, fullNode, nodeType, name, additionalData, mode);
	const context = new HookContext(workflow, fullNode, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', data);
	return { url: required(context.getNodeWebhookUrl(name), 'webhook URL'), method: data.httpMethod };
}

/**
 * Calls the node type's `webhook()` in n8n-core's WebhookContext with an Express-like request/response pair, as
 * n8n's webhook server does for one incoming call, then answers for the node as n8n would (responseMode
 * 'onReceived'). Static data is saved after the call, also when `webhook()` throws (the error is rethrown).
 */
export async function runWebhook(node: TestNode, request: WebhookRequest, options: WebhookOptions): Promise<WebhookRun> {
	return (await runWebhookOn(node, buildRequest(request), options)).run;
}

async function runWebhookOn(node: TestNode, request: ExpressLikeRequest, options: WebhookOptions) {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	if (typeof nodeType.webhook !== 'function') throw new Error(`Node type ${fullNode.type} has no webhook() method`);
	const mode = options.mode ?? 'webhook';
	const response = new RecordingResponse();
	const additionalData = triggerAdditionalData(options, {
		httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
		httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
	});
	const data = webhookData(workflow, fullNode, nodeType, options.webhookName ?? 'default', additionalData, mode);
	const context = new WebhookContext(workflow, fullNode, additionalData, mode, data, [], null);
	let result: IWebhookResponseData;
	try {
		result = await nodeType.webhook.call(context);
	} finally {
		saveStaticData(workflow, options);
	}
	const resolve = <T>(value: unknown, fallback: T) =>
		(value === undefined ? fallback : workflow.expression.getSimpleParameterValue(fullNode, value as string, mode, {}, undefined, fallback as never)) as T;
	answerAsN8n(result, response, resolve(data.webhookDescription.responseMode, 'onReceived'), Number(resolve(data.webhookDescription.responseCode, 200)));
	const run: WebhookRun = {
		workflowData: result.workflowData,
		webhookResponse: result.webhookResponse as unknown,
		noWebhookResponse: result.noWebhookResponse,
		response: response.captured(),
		items: result.workflowData?.[0] ?? [],
	};
	return { run, response };
}

/** The server's answer after `webhook()` (cli webhook-helpers executeWebhook), for responseMode 'onReceived'. */
function answerAsN8n(result: IWebhookResponseData, response: RecordingResponse, responseMode: string, responseCode: number) {
	if (result.noWebhookResponse === true) {
		if (!response.finished)
			throw new Error('webhook() returned noWebhookResponse but wrote no response: in n8n the caller would hang');
		return;
	}
	if (response.finished) return;
	const send = (body: unknown) => {
		response.status(responseCode);
		if (typeof body === 'string' || Buffer.isBuffer(body)) response.send(body);
		else response.json(body);
	};
	if (result.workflowData === undefined) return send(result.webhookResponse ?? { message: 'Webhook call received' });
	if (responseMode !== 'onReceived')
		throw new Error(`The harness answers as n8n does in responseMode 'onReceived' only, not '${responseMode}' (which waits for the workflow)`);
	send(result.webhookResponse ?? { message: 'Workflow was started' });
}

/**
 * Runs one of `webhookMethods[webhookName]` (checkExists, create, delete) in n8n-core's HookContext, as n8n does
 * when it activates (checkExists, then create if needed) or deactivates (delete) a workflow. Static data is saved
 * afterwards, as the server does after (de)activation, so the node can keep the provider's webhook id there.
 */
export async function runWebhookMethods(node: TestNode, method: WebhookMethod, options: WebhookMethodOptions): Promise<boolean> {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	const name = options.webhookName ?? 'default';
	const hook = nodeType.webhookMethods?.[name]?.[method];
	if (typeof hook !== 'function') throw new Error(`Node type ${fullNode.type} has no webhookMethods.${name}.${method}`);
	const mode = options.mode ?? 'trigger';
	const activation = options.activation ?? (mode === 'manual' ? 'manual' : 'activate');
	const additionalData = triggerAdditionalData(options);
	const data = webhookData(workflow, fullNode, nodeType, name, additionalData, mode);
	const context = new HookContext(workflow, fullNode, additionalData, mode, activation, data);
	try {
		return await hook.call(context);
	} finally {
		saveStaticData(workflow, options);
	}
}

/** Activation as the server does it (WebhookService.createWebhookIfNotExists): create only when checkExists is false. */
export async function activateWebhook(node: TestNode, options: WebhookMethodOptions): Promise<{ existed: boolean }> {
	const existed = await runWebhookMethods(node, 'checkExists', options);
	if (!existed) await runWebhookMethods(node, 'create', options);
	return { existed };
}

/**
 * Runs the node type's `poll()` in n8n-core's PollContext.
 * - 'trigger': a scheduled poll of an active workflow, through n8n-core's PollTriggerExecutor (as the server's
 *   poller does): a non-null result is what would start an execution; an error, which n8n reports through
 *   `__emitError` (failed execution / deactivation), is thrown here. Static data is saved afterwards.
 * - 'manual': the editor's "Fetch test event", as WorkflowExecute.executePollNode does it. n8n discards static
 *   data changes of manual executions, so nothing is saved.
 */
export async function runPoll(node: TestNode, options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	if (typeof nodeType.poll !== 'function') throw new Error(`Node type ${fullNode.type} has no poll() method`);
	const additionalData = triggerAdditionalData(options);
	if (options.mode === 'manual') {
		const context = new PollContext(workflow, fullNode, additionalData, 'manual', 'manual');
		return await nodeType.poll.call(context);
	}
	const outcome: { data: INodeExecutionData[][] | null; error?: unknown } = { data: null };
	const context = new PollContext(
		workflow,
		fullNode,
		additionalData,
		'trigger',
		options.activation ?? 'activate',
		(data) => {
			outcome.data = data;
		},
		(error) => {
			outcome.error = error;
		},
	);
	const executePoll = Container.get(PollTriggerExecutor).create(workflow, fullNode, context, () => true);
	await executePoll();
	saveStaticData(workflow, options);
	if (outcome.error !== undefined) throw outcome.error;
	return outcome.data;
}

export interface WebhookServer {
	/** Pass as `webhookBaseUrl` so nodes register (getNodeWebhookUrl) URLs that reach this server. */
	baseUrl: string;
	/** The node's production webhook URL on this server. */
	url: string;
	/** Every call the node handled, oldest first. */
	runs: WebhookRun[];
	/** Errors thrown by webhook() (answered 500, as n8n does). */
	errors: unknown[];
	close(): Promise<void>;
}

/**
 * Serves the node's webhook over real HTTP on 127.0.0.1, as n8n's webhook server would, so the simulator can call
 * it (`sim.sendWebhook`, or the simulator's own outbound webhooks). Each call goes through `runWebhook` with the
 * given options (same static data). Other paths or methods get 404, as unregistered webhooks do in n8n.
 */
export async function serveWebhook(node: TestNode, options: WebhookOptions): Promise<WebhookServer> {
	const runs: WebhookRun[] = [];
	const errors: unknown[] = [];
	let serving: WebhookOptions = options;
	let expected = { path: '', method: '' };
	const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
		const reply = (status: number, body: unknown) => {
			outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			outgoing.end(JSON.stringify(body));
		};
		const { pathname } = new URL(incoming.url ?? '/', 'http://127.0.0.1');
		if (pathname !== expected.path || incoming.method !== expected.method)
			return reply(404, { message: `The requested webhook "${incoming.method} ${pathname}" is not registered.` });
		let request: ExpressLikeRequest;
		try {
			request = await parseIncoming(incoming);
		} catch (error) {
			return reply(422, { message: 'Failed to parse request body', hint: (error as Error).message });
		}
		try {
			const { run, response } = await runWebhookOn(node, request, serving);
			runs.push(run);
			response.flushTo(outgoing);
		} catch (error) {
			errors.push(error);
			reply(500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
	};
	const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	serving = { ...options, webhookBaseUrl: baseUrl };
	const endpoint = await webhookEndpoint(node, serving);
	expected = { path: new URL(endpoint.url).pathname, method: endpoint.method };
	return {
		baseUrl,
		url: endpoint.url,
		runs,
		errors,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		},
	};
}
