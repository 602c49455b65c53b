import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { ctliveNode, ctliveStore, postedResults } from './ctlive.fixture';
import { deduplicationStore } from './deduplication-store';
import { registerFixtureNodeType, runNode, runWorkflow } from './harness';

/** Passes its input on to both of its outputs, so a node connected to both runs twice in one execution. */
class BothOutputs implements INodeType {
	description = {
		displayName: 'Both Outputs',
		name: 'bothOutputs',
		group: ['transform'],
		version: 1,
		description: 'Test fixture',
		defaults: { name: 'Both Outputs' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [items, items];
	}
}

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

test('the same message sent again by a later run of the node in one execution (a loop) gets a new message id', async () => {
	// The customer really wrote "ok" twice; the same id would make CTLive drop the second as a resend.
	const fork = registerFixtureNodeType(new BothOutputs());
	const send = ctliveNode({ resource: 'message', operation: 'send', messageType: 'text', from: '385919998888', to: '1234', text: 'ok' });
	const workflow = {
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{ id: 'fork', name: 'Fork', type: fork, typeVersion: 1, position: [200, 0] as [number, number], parameters: {} },
			{ id: 'ctlive', typeVersion: 1, position: [400, 0] as [number, number], ...send },
		],
		connections: {
			Start: { main: [[{ node: 'Fork', type: NodeConnectionTypes.Main, index: 0 }]] },
			Fork: { main: [[{ node: 'CTLive', type: NodeConnectionTypes.Main, index: 0 }], [{ node: 'CTLive', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	};
	const result = await runWorkflow(workflow, await ctliveStore(sim));
	expect(result.run.data.resultData.runData.CTLive).toHaveLength(2);
	const ids = postedResults(sim).map((entry) => entry.messageId);
	expect(ids).toHaveLength(2);
	expect(ids[1]).not.toBe(ids[0]);
});

test('with an Idempotency Key the message id comes from the key: the same in a later execution, different for another key', async () => {
	const store = await deduplicationStore();
	const send = (key: string) =>
		ctliveNode({ resource: 'message', operation: 'send', messageType: 'text', from: '385919998888', to: '1234', text: 'ok', options: { idempotencyKey: key } });
	const credentials = await ctliveStore(sim);
	await runNode(send('order-7'), [{}], credentials);
	// As "Retry execution" after a lost key (a new execution): the store forgot it, CTLive still sees the same id.
	store.rows.clear();
	await runNode(send('order-7'), [{}], credentials);
	await runNode(send('order-8'), [{}], credentials);
	const ids = postedResults(sim).map((entry) => entry.messageId);
	expect(ids).toHaveLength(3);
	expect(ids[1]).toBe(ids[0]);
	expect(ids[2]).not.toBe(ids[0]);
});
