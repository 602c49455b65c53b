/**
 * A conversation set up for engine tests: a stand-in n8n server (n8n-server.ts) serving a trigger of workflow
 * `TRIGGER_WORKFLOW`, and workflows whose "Send and Wait for Reply" node waits for a reply at that trigger.
 */
import type { IDataObject, INode, IWorkflowBase } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { notificationBody, type NotifyRequest } from '../simulator/providers/mehery-notify';
import { N8nServer, type Execution } from './harness';
import type { CredentialStore } from './credentials';
import type { TestNode } from './trigger-workflow';
import { meheryCredentialRef, MEHERY_NODE_TYPE, MEHERY_TRIGGER_TYPE, sendParameters } from './mehery.fixture';

let conversations = 0;

/** Polls until `probe` holds (the trigger hands a reply over after it answered the provider). */
export async function until(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!probe()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Waits until the execution's current run has ended and returns its status. */
export async function settled(execution: Execution): Promise<Execution['status']> {
	await until(`execution ${execution.id} to stop running`, () => execution.status !== 'running');
	return execution.status;
}

export interface Conversation {
	server: N8nServer;
	/** The workflows' credentials. */
	store: CredentialStore;
	/** The id of the trigger's workflow, a new one for each conversation (so no memory of another test applies). */
	workflowId: string;
	staticData: IDataObject;
	urls: Record<string, string>;
	close(): Promise<void>;
}

/** `store`: the workflows' credentials; `triggerStore`: the trigger's (by default the same). */
export async function startConversation(store: CredentialStore, trigger: TestNode, triggerStore = store): Promise<Conversation> {
	const server = await N8nServer.start(store);
	const staticData: IDataObject = {};
	const workflowId = `trigger-workflow-${++conversations}`;
	const urls = await server.serveTrigger(trigger, { store: triggerStore, staticData, workflowId });
	return { server, store, workflowId, staticData, urls, close: async () => await server.close() };
}

/** For a test file: a simulator, and before each test a fresh conversation (`start`), closed after it. */
export function useConversation(start: (sim: Simulator) => Promise<Conversation>) {
	const context = {} as { sim: Simulator; conversation: Conversation };
	beforeAll(async () => {
		context.sim = await startSimulator({ quiet: true });
	});
	beforeEach(async () => {
		context.sim.reset();
		context.conversation = await start(context.sim);
	});
	afterEach(async () => await context.conversation.close());
	afterAll(async () => await context.sim.close());
	return context;
}

export const meheryTrigger = (parameters: INode['parameters'] = {}): TestNode => ({
	name: 'Mehery Trigger',
	type: MEHERY_TRIGGER_TYPE,
	parameters: { events: ['message'], ...parameters },
	credentials: meheryCredentialRef,
});

const manual = { id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Start → the node under test (named `Ask`), as a saved workflow: by default another workflow than the trigger's;
 * with `sameAs`, the trigger's own (its id, and its static data as n8n loads it when an execution starts).
 */
export function askWorkflow(ask: Omit<INode, 'id' | 'name' | 'position' | 'typeVersion'>, sameAs?: Conversation): IWorkflowBase {
	return {
		id: sameAs?.workflowId ?? 'ask-workflow',
		name: 'ask',
		...(sameAs ? { staticData: jsonCopy(sameAs.staticData) } : {}),
		nodes: [manual, { id: 'ask-node', name: 'Ask', typeVersion: 1, position: [200, 0], ...ask }],
		connections: { Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

/** Where a waiting node finds the conversation's trigger from another workflow: that trigger's Production URL. */
export const anotherWorkflow = (conversation: Conversation) => ({ triggerIn: 'anotherWorkflow', triggerUrl: conversation.urls.default });

/**
 * Mehery's Send and Wait for Reply to 919988776655, waiting at the conversation's trigger: from another workflow
 * (by its Production URL), or with `sameWorkflow` in the trigger's own workflow (found in its static data).
 */
export const meheryAsk = (conversation: Conversation, parameters: INode['parameters'] = {}, sameWorkflow = false) =>
	askWorkflow(
		{
			type: MEHERY_NODE_TYPE,
			parameters: {
				...sendParameters({ operation: 'sendAndWaitForReply', recipient: '919988776655', text: 'What is your order number?' }),
				...(sameWorkflow ? {} : anotherWorkflow(conversation)),
				timeLimit: 1,
				timeLimitUnit: 'hours',
				...parameters,
			},
			credentials: meheryCredentialRef,
		},
		sameWorkflow ? conversation : undefined,
	);

let messages = 0;

/**
 * The simulated Mehery posts a customer's message to the trigger (over HTTP, with the verify token). Resolves
 * with Mehery's answer once the trigger's call has ended (it goes on after answering: a burst, a hand-over).
 */
export async function customerWrites(sim: Simulator, conversation: Conversation, request: Omit<NotifyRequest, 'kind'> & { kind?: NotifyRequest['kind'] }) {
	const before = conversation.server.triggerRuns.length + conversation.server.errors.length;
	const body = notificationBody({ kind: 'message', ...request }, () => `msg-${++messages}`);
	const answer = await sim.sendWebhook(conversation.urls.default, { body, headers: { 'x-verify-token': sim.providers.mehery.credentials.verifyToken } });
	await until('the trigger call to end', () => conversation.server.triggerRuns.length + conversation.server.errors.length > before);
	return answer;
}
