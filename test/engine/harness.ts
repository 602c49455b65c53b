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
