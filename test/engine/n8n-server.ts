/**
 * A small stand-in for the n8n server around the engine, for conversations: one HTTP server on 127.0.0.1 that,
 * like n8n, serves
 * - `/webhook/<path>`: the webhooks of trigger nodes (their provider's calls and their own endpoint), each call
 *   through n8n-core's WebhookContext (runWebhookOn), answered as soon as the node ends its response;
 * - `/webhook-waiting/<execution id>`: the resume webhook of a waiting execution, as cli waiting-webhooks.ts does:
 *   404 for an unknown execution, 401 without its resume token, 409 while it runs or once it finished; otherwise
 *   the waiting node is disabled, its webhook() runs, and the items it returns become its outputs.
 * Executions are kept between runs as a JSON copy of their run data, as n8n keeps them in its database;
 * `timeOut` continues one as n8n's WaitTracker does when its time limit passes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type { IDataObject, IRunExecutionData, IWebhookData, IWorkflowBase, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { engineAdditionalData } from './additional-data';
import type { CredentialStore } from './credentials';
import { forwardingResponse, parseIncoming } from './http-emulation';
import { loadPackage } from './package';
import type { TestNode, TriggerOptions } from './trigger-workflow';
import { runWebhookOn, webhookEndpoint, type WebhookRun } from './webhook';
import { activateWebhook } from './webhook-methods';
import { continueWorkflow, nextExecutionId, runWorkflow, type EngineRun } from './workflow';

export interface Execution {
	id: string;
	status: 'running' | 'waiting' | 'success' | 'error';
	/** The latest run (the first until the execution was resumed). */
	run?: EngineRun;
	/** Settles when the current run ends. */
	done: Promise<void>;
}

interface Kept extends Execution {
	workflowData: IWorkflowBase;
	data?: IRunExecutionData;
}

interface Route {
	node: TestNode;
	options: TriggerOptions;
	name: 'default' | 'setup';
}

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class N8nServer {
	readonly executions = new Map<string, Kept>();
	/** Every call of a trigger's provider, oldest first: those with `workflowData` would have started an execution. */
	readonly triggerRuns: WebhookRun[] = [];
	/** Every call of a trigger's own endpoint (waits registered, cancelled, saved). */
	readonly endpointRuns: WebhookRun[] = [];
	readonly errors: unknown[] = [];
	private readonly routes = new Map<string, Route>();
	private server = createServer((incoming, outgoing) => void this.handle(incoming, outgoing));
	url = '';

	private constructor(private readonly store: CredentialStore) {}

	static async start(store: CredentialStore): Promise<N8nServer> {
		const instance = new N8nServer(store);
		await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
		instance.url = `http://127.0.0.1:${(instance.server.address() as AddressInfo).port}`;
		return instance;
	}

	get webhookBaseUrl() {
		return `${this.url}/webhook`;
	}

	private get urls(): Partial<IWorkflowExecuteAdditionalData> {
		return { webhookBaseUrl: this.webhookBaseUrl, webhookWaitingBaseUrl: `${this.url}/webhook-waiting` };
	}

	/**
	 * Serves a trigger node's webhooks (as an active workflow's); returns their URLs by webhook name. Activates its
	 * conversation endpoint as n8n does (webhookMethods.setup: checkExists, then create), which publishes it in
	 * `options.staticData`; the provider's side ('default') is not registered at the provider here.
	 */
	async serveTrigger(node: TestNode, options: TriggerOptions): Promise<Record<string, string>> {
		const { nodeTypes } = await loadPackage();
		const urls: Record<string, string> = {};
		const { description, webhookMethods } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion ?? 1);
		if (webhookMethods?.setup) await activateWebhook(node, { ...options, webhookBaseUrl: this.webhookBaseUrl, webhookName: 'setup' });
		for (const webhook of (description.webhooks ?? []).filter((candidate) => !candidate.restartWebhook)) {
			const serving = { ...options, webhookBaseUrl: this.webhookBaseUrl, webhookName: webhook.name };
			const endpoint = await webhookEndpoint(node, serving);
			this.routes.set(`${endpoint.method} ${new URL(endpoint.url).pathname}`, { node, options: serving, name: webhook.name });
			urls[webhook.name] = endpoint.url;
		}
		return urls;
	}

	/** Runs a workflow manually; resolves when it finished or waits. */
	async run(workflowData: IWorkflowBase): Promise<Execution> {
		const kept: Kept = { id: nextExecutionId(), status: 'running', workflowData, done: Promise.resolve() };
		this.executions.set(kept.id, kept);
		this.keep(kept, await runWorkflow(workflowData, this.store, { executionId: kept.id, additionalData: this.urls }));
		return kept;
	}

	/** Runs a workflow from one of its nodes, with `items` as that node's input; resolves when it finished or waits. */
	async runFrom(workflowData: IWorkflowBase, nodeName: string, items: IDataObject[]): Promise<Execution> {
		const node = workflowData.nodes.find((candidate) => candidate.name === nodeName)!;
		const data = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: [items.map((json, item) => ({ json, pairedItem: { item } }))] }, source: null }] },
		});
		const kept: Kept = { id: nextExecutionId(), status: 'running', workflowData, done: Promise.resolve() };
		this.executions.set(kept.id, kept);
		this.keep(kept, await continueWorkflow(workflowData, this.store, data, { executionId: kept.id, additionalData: this.urls }));
		return kept;
	}

	/** What n8n's WaitTracker does at the time limit: the execution goes on from where it waits. */
	async timeOut(id: string): Promise<Execution> {
		const kept = this.executions.get(id)!;
		if (kept.status !== 'waiting') throw new Error(`execution ${id} is ${kept.status}, not waiting`);
		await this.continue(kept, jsonCopy(kept.data!));
		return kept;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
	}

	private keep(kept: Kept, run: EngineRun) {
		kept.run = run;
		kept.data = jsonCopy(run.run.data);
		kept.status = run.run.waitTill ? 'waiting' : run.run.status === 'success' ? 'success' : 'error';
	}

	private async continue(kept: Kept, data: IRunExecutionData): Promise<void> {
		kept.status = 'running';
		kept.done = (async () => {
			this.keep(kept, await continueWorkflow(kept.workflowData, this.store, data, { executionId: kept.id, additionalData: this.urls }));
		})();
		await kept.done;
	}

	private async handle(incoming: IncomingMessage, outgoing: ServerResponse) {
		const reply = (status: number, body: unknown) => {
			outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			outgoing.end(JSON.stringify(body));
		};
		const { pathname, searchParams } = new URL(incoming.url ?? '/', 'http://127.0.0.1');
		const waiting = /^\/webhook-waiting\/([^/]+)$/.exec(pathname);
		try {
			if (waiting) return await this.resume(waiting[1], searchParams.get('signature'), incoming, outgoing, reply);
			const route = this.routes.get(`${incoming.method} ${pathname}`);
			if (!route) return reply(404, { message: `The requested webhook "${incoming.method} ${pathname}" is not registered.` });
			const response = forwardingResponse(outgoing);
			const { run } = await runWebhookOn(route.node, await parseIncoming(incoming), route.options, response);
			(route.name === 'default' ? this.triggerRuns : this.endpointRuns).push(run);
		} catch (error) {
			this.errors.push(error);
			if (!outgoing.headersSent) reply(500, { message: (error as Error).message });
		}
	}

	private async resume(id: string, token: string | null, incoming: IncomingMessage, outgoing: ServerResponse, reply: (status: number, body: unknown) => void) {
		const kept = this.executions.get(id);
		if (!kept) return reply(404, { message: `The execution "${id}" does not exist.` });
		if (!token || token !== kept.data?.resumeToken) return reply(401, { error: 'Invalid token' });
		if (kept.status === 'running') return reply(409, { message: `The execution "${id}" is running already.` });
		if (kept.status !== 'waiting') return reply(409, { message: `The execution "${id} has finished already.` });
		const data = jsonCopy(kept.data!);
		data.waitTill = undefined;
		const entry = data.executionData!.nodeExecutionStack[0];
		entry.node.disabled = true;
		const { nodeTypes } = await loadPackage();
		const base = kept.workflowData;
		const workflow = new Workflow({ id: base.id, name: base.name, nodes: base.nodes, connections: base.connections, active: false, nodeTypes, settings: base.settings });
		const node = workflow.getNode(data.resultData.lastNodeExecuted!)!;
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks!.find((webhook) => webhook.restartWebhook && webhook.httpMethod === incoming.method)!;
		const response = forwardingResponse(outgoing);
		const additionalData = engineAdditionalData(this.store, undefined, id, {
			...this.urls,
			httpRequest: (await parseIncoming(incoming)) as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const webhookData = { httpMethod: incoming.method, node: node.name, path: '', webhookDescription: description, workflowId: base.id, workflowExecuteAdditionalData: additionalData } as IWebhookData;
		const result = await nodeType.webhook!.call(new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], data));
		if (!result.workflowData) return;
		// n8n claims the execution before it answers: a second resume now gets 409.
		entry.data.main = result.workflowData;
		entry.metadata = { ...entry.metadata, forwardAllOutputs: true };
		kept.status = 'running';
		reply(200, { message: 'Workflow was started' });
		await this.continue(kept, data);
	}
}
