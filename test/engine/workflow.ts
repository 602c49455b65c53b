import 'reflect-metadata';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { IConnections, IDataObject, INode, INodeExecutionData, IRun, IRunExecutionData, ITaskData, IWorkflowBase, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { engineAdditionalData } from './additional-data';
import type { CredentialStore } from './credentials';
import { loadPackage } from './package';

export interface EngineRun {
	run: IRun;
	/** Output items of a node's first run, main output 0 (an empty list if the node did not run). */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node threw, if it failed. */
	error(nodeName: string): ITaskData['error'];
}

let executionCounter = 0;

/** A new execution id, as n8n's database would give one. */
export const nextExecutionId = () => String(++executionCounter);

export interface RunOptions {
	/** What the server passes beyond the defaults (e.g. the URLs it serves webhooks at). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	executionId?: string;
}

function workflowBase(workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>): IWorkflowBase {
	return {
		id: 'engine-test',
		name: 'engine test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: { executionOrder: 'v1' },
		...workflowData,
	} as IWorkflowBase;
}

async function workflowOf(base: IWorkflowBase) {
	const { nodeTypes } = await loadPackage();
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
	return { workflow, nodeTypes };
}

/**
 * Runs a whole workflow with n8n-core's WorkflowExecute, as the n8n server does for a manual execution.
 * Node types are `<package>.<node>`, as in n8n; credentials come from `store`.
 */
export async function runWorkflow(
	workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>,
	store: CredentialStore,
	options: RunOptions = {},
): Promise<EngineRun> {
	const base = workflowBase(workflowData);
	const { workflow, nodeTypes } = await workflowOf(base);
	const executionId = options.executionId ?? nextExecutionId();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, base);
	const finished = whenFinished(hooks);
	const additionalData = engineAdditionalData(store, hooks, executionId, options.additionalData);
	const startNode = base.nodes.find((node) => nodeTypes.getByName(node.type).description.group.includes('trigger')) ?? base.nodes[0];
	const execution = new WorkflowExecute(additionalData, 'manual');
	await execution.run({ workflow, startNode });
	const run = await finished;
	return inspect(run);
}

/**
 * Continues an execution the server kept (a JSON copy of its run data), as it does when a waiting execution is
 * resumed through its webhook or by its time limit.
 */
export async function continueWorkflow(
	workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>,
	store: CredentialStore,
	runExecutionData: IRunExecutionData,
	options: RunOptions & { executionId: string },
): Promise<EngineRun> {
	const base = workflowBase(workflowData);
	const { workflow } = await workflowOf(base);
	const hooks = new ExecutionLifecycleHooks('manual', options.executionId, base);
	const finished = whenFinished(hooks);
	const additionalData = engineAdditionalData(store, hooks, options.executionId, options.additionalData);
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	return inspect(await finished);
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
	const executionId = nextExecutionId();
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
