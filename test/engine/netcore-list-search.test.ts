import 'reflect-metadata';

import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { engineAdditionalData } from './additional-data';
import { loadPackage } from './harness';
import { NETCORE_CREDENTIALS, NETCORE_NODE_TYPE, USERS_ROUTE, netcoreStore } from './netcore.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreUsersPerChannel: 150 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

/** The Bot User dropdown as the editor loads it: the node's listSearch method in n8n-core's LoadOptionsContext. */
async function searchBotUsers(channelId: number, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { nodeTypes } = await loadPackage();
	const parameters = { resource: 'transcript', operation: 'getMany', channelId };
	const node: INode = { id: 'n1', name: 'Netcore Bot', type: NETCORE_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: NETCORE_CREDENTIALS };
	const workflow = new Workflow({ id: 'list-search', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = engineAdditionalData(await netcoreStore(sim), undefined, undefined, { currentNodeParameters: parameters });
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.botUserId');
	const nodeType = nodeTypes.getByNameAndVersion(NETCORE_NODE_TYPE, 1) as INodeType;
	return await nodeType.methods!.listSearch!.searchBotUsers.call(context, filter, paginationToken);
}

test('lists the bot users of the chosen channel a page at a time, by name and id', async () => {
	const first = await searchBotUsers(1014);
	expect(first.results).toHaveLength(100);
	expect(first.results[0]).toEqual({ name: expect.stringMatching(/^\S+ \S+ \(\+919876543210\)$/), value: '+919876543210' });
	// The next page, and the first page's End Date so that pages line up.
	expect(first.paginationToken).toMatch(/^2@\d{4}-\d\d-\d\dT[\d:.]+Z$/);
	const second = await searchBotUsers(1014, undefined, first.paginationToken);
	expect(second.results).toHaveLength(50);
	expect(second.paginationToken).toBeUndefined();
	// The users call read literally: both dates always (no default is documented), no page=1 (`page > 1`).
	const window = { startDate: '2000-01-01T00:00:00.000Z', endDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) };
	expect(sim.log.filter((entry) => USERS_ROUTE.test(entry.route ?? '')).map((entry) => [entry.path.replace(/^[^?]*\?/, ''), entry.body])).toEqual([
		['limit=100', { channelIds: [1014], ...window }],
		['page=2&limit=100', { channelIds: [1014], ...window }],
	]);
	const [firstCall, secondCall] = sim.log.filter((entry) => USERS_ROUTE.test(entry.route ?? '')).map((entry) => entry.body as { endDate: string });
	expect(secondCall.endDate).toBe(firstCall.endDate);
});

test('filters by what the user types', async () => {
	const { results } = await searchBotUsers(1014, '9876543210');
	expect(results).toEqual([{ name: expect.any(String), value: '+919876543210' }]);
});

test('a channel the users call does not know shows no list and sends nothing', async () => {
	expect(await searchBotUsers(1018)).toEqual({ results: [] });
	expect(sim.count({ provider: 'netcore' })).toBe(0);
});
