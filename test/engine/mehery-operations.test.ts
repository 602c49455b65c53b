/**
 * Every Mehery operation other than Send, through n8n-core's WorkflowExecute against the simulator, and the
 * searchable dropdowns through n8n-core's LoadOptionsContext.
 */
import 'reflect-metadata';

import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeListSearchResult, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { SAMPLE_SESSION_ID, sessionId } from '../simulator/providers/mehery-data';
import { loadPackage } from './harness';
import { bodiesOf, CHANNEL, meheryNode, meheryStore, MEHERY_NODE_TYPE, runMehery } from './mehery.fixture';
import { triggerAdditionalData } from './trigger-workflow';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const channel = { __rl: true, mode: 'id', value: CHANNEL };

describe('Session', () => {
	test('Get Messages: normalized messages, the image attachment as media, all attachments kept in raw', async () => {
		const { items, error } = await runMehery(sim, { resource: 'session', operation: 'getMessages', sessionId: SAMPLE_SESSION_ID, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		expect(items[0].json).toMatchObject({ provider: 'mehery', direction: 'inbound', conversationId: SAMPLE_SESSION_ID, type: 'text', text: 'Customer message 1', timestamp: '2024-06-03T09:00:00.000Z' });
		expect(items[1].json).toMatchObject({ direction: 'outbound', from: '919999998888', text: 'Agent reply 2' });
		expect(items[2].json).toMatchObject({ type: 'media', media: { kind: 'image', mimeType: 'image/png', caption: 'Transaction Receipt' } });
		expect((items[2].json.raw as { attachments: unknown[] }).attachments).toHaveLength(1);
		expect(bodiesOf(sim, /session\/messages/)).toEqual([{ sessionId: SAMPLE_SESSION_ID }]);
	});

	test('Get Messages: Limit and Simplify off give the first raw ChatMessageDTOs', async () => {
		const { items } = await runMehery(sim, { resource: 'session', operation: 'getMessages', sessionId: SAMPLE_SESSION_ID, limit: 2, simplify: false });
		expect(items.map((item) => Object.keys(item.json))).toEqual([expect.arrayContaining(['messageId', 'attachments', 'contact', 'stamps']), expect.any(Array)]);
	});

	test('Get Messages never invents a time: a message Mehery sent without one (or with null) has timestamp null', async () => {
		const message = { messageId: 'm1', sessionId: SAMPLE_SESSION_ID, type: 'text', text: 'no time', sender: 'agent:support' };
		const results = [message, { ...message, messageId: 'm2', timestamp: null }, { ...message, messageId: 'm3', timestamp: 1717405200000 }];
		sim.injectFault({ kind: 'status', status: 200, times: 1, match: { route: /session\/messages/ }, body: { status: 200, results } });
		const { items, error } = await runMehery(sim, { resource: 'session', operation: 'getMessages', sessionId: SAMPLE_SESSION_ID, returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.messageId, item.json.timestamp])).toEqual([
			['m1', null],
			['m2', null],
			['m3', '2024-06-03T09:00:00.000Z'],
		]);
		expect(items[0].json.raw).toEqual(message);
	});

	test('an unknown session fails with Mehery\'s 404 message', async () => {
		const { error } = await runMehery(sim, { resource: 'session', operation: 'getMessages', sessionId: 'no-such-session' });
		expect(error?.message).toBe('Mehery XMS: Session not found (HTTP 404)');
	});

	test('Route sends SessionQueueAssignment: queue, params, and the agent fields only when given', async () => {
		const { items, error } = await runMehery(sim, {
			resource: 'session',
			operation: 'route',
			sessionId: sessionId(4),
			queue: 'support',
			assignment: { team: 'billing', skills: ' refunds, ,invoices ' },
			routingParams: '{"reason": "refund"}',
		});
		expect(error).toBeUndefined();
		expect(bodiesOf(sim, /session\/routing/)).toEqual([{ sessionId: sessionId(4), queue: 'support', team: 'billing', skills: ['refunds', 'invoices'], params: { reason: 'refund' } }]);
		expect(items[0].json).toMatchObject({ sessionId: sessionId(4), queue: 'support', success: true, events: [{ eventCode: 'SESSION_ROUTED' }] });
	});

	test('Route refuses malformed routing parameters before any request', async () => {
		const { error } = await runMehery(sim, { resource: 'session', operation: 'route', sessionId: sessionId(4), queue: 'support', routingParams: '{reason}' });
		expect(error?.message).toMatch(/^Routing Parameters \(JSON\): is not valid JSON/);
		expect(sim.count()).toBe(0);
	});

	test.each([
		['resolve', 'SESSION_RESOLVED'],
		['close', 'SESSION_CLOSED'],
	])('%s posts { sessionId } and returns the event', async (operation, eventCode) => {
		const { items } = await runMehery(sim, { resource: 'session', operation, sessionId: sessionId(5) });
		expect(bodiesOf(sim, new RegExp(`session/${operation}`))).toEqual([{ sessionId: sessionId(5) }]);
		expect(items[0].json).toMatchObject({ sessionId: sessionId(5), success: true, events: [{ eventCode }] });
	});

	test('a 502 on Close is not retried: state changes are not repeated after an ambiguous failure', async () => {
		sim.injectFault({ kind: 'status', status: 502, times: 1, match: { route: /session\/close/ } });
		const { error } = await runMehery(sim, { resource: 'session', operation: 'close', sessionId: sessionId(6) });
		expect(error?.name).toBe('NodeApiError');
		expect(sim.count({ route: /session\/close/ })).toBe(1);
	});
});

describe('Configuration', () => {
	test('Get Channels: one item per channel; sandbox ones on request (both spellings of the parameter sent)', async () => {
		const live = await runMehery(sim, { resource: 'configuration', operation: 'getChannels', returnAll: true });
		const all = await runMehery(sim, { resource: 'configuration', operation: 'getChannels', sandbox: true, returnAll: true });
		expect(live.items[0].json).toEqual({ channelId: CHANNEL, contactType: 'WHATSAPP', lane: '919999998888', name: 'Customer Support' });
		expect(all.items).toHaveLength(live.items.length + 1);
		// With sandbox channels, each says whether it is one: Mehery's channel object has no such flag, so the node
		// compares the list with sandbox channels and the list without.
		expect(all.items.map((item) => [item.json.channelId, item.json.sandbox])).toEqual([
			...live.items.map((item) => [item.json.channelId, false]),
			['wa360:sandbox:910000000000', true],
		]);
		expect(sim.log.map((entry) => entry.path.split('?')[1] ?? '').sort()).toEqual(['', '', 'sandbox=true&sabdnox=true']);
	});

	test('a base URL given with /api/v1 and a trailing slash still reaches the API', async () => {
		const { runNode } = await import('./harness');
		const store = await meheryStore(sim, { baseUrl: `${sim.providers.mehery.baseUrl}/api/v1/` });
		const result = await runNode(meheryNode({ resource: 'configuration', operation: 'getChannels', limit: 1 }), [{}], store);
		expect(result.error('Mehery')).toBeUndefined();
		expect(sim.log.map((entry) => entry.path)).toEqual(['/mehery/api/v1/config/channels']);
	});

	test('Get Global Variables of one channel', async () => {
		const { items } = await runMehery(sim, { resource: 'configuration', operation: 'getGlobalVariables', channelId: channel, returnAll: true });
		expect(items.map((item) => item.json.key)).toEqual(['SUPPORT_EMAIL', 'OFFICE_HOURS', 'WA_GREETING']);
	});

	test('Get Templates by channel and status, with a Limit', async () => {
		const { items } = await runMehery(sim, { resource: 'configuration', operation: 'getTemplates', channelId: channel, channelStatus: 'APPROVED', limit: 2 });
		expect(items.map((item) => item.json.code)).toEqual(['FEEDBACK', 'ORDER_SHIPPED']);
		expect(sim.log[0].path).toMatch(/channelId=wa360%3A919999998888&channelStatus=APPROVED$/);
	});

	test('Set Webhook registers the URL as the account\'s one webhook (plain http is fine for a local Mehery, here the simulator)', async () => {
		const { items } = await runMehery(sim, { resource: 'configuration', operation: 'setWebhook', url: 'http://127.0.0.1:9/hook' });
		expect(items[0].json).toMatchObject({ url: 'http://127.0.0.1:9/hook', success: true });
		expect(sim.webhooks.list('mehery').map((hook) => hook.url)).toEqual(['http://127.0.0.1:9/hook']);
	});

	test.each([
		['plain http', 'http://n8n.example.com/webhook/mehery', 'The webhook URL http://n8n.example.com/webhook/mehery uses plain http, and the provider only calls https URLs.'],
		['a local host', 'https://localhost:5678/webhook/mehery', 'The webhook URL https://localhost:5678/webhook/mehery points at localhost, which mehery.invalid cannot reach from the internet.'],
	])('Set Webhook refuses %s before any request when Mehery is not on a local server, as the trigger does', async (_case, url, reason) => {
		const { runNode } = await import('./harness');
		const store = await meheryStore(sim, { baseUrl: 'https://mehery.invalid/xms' });
		const result = await runNode(meheryNode({ resource: 'configuration', operation: 'setWebhook', url }), [{}], store);
		const error = result.error('Mehery');
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`Webhook URL: Mehery XMS cannot call this webhook. ${reason}`);
	});

	test('Set Webhook with a plain-http public URL fails with Mehery\'s reason', async () => {
		const { error } = await runMehery(sim, { resource: 'configuration', operation: 'setWebhook', url: 'http://n8n.example.com/webhook' });
		expect(error?.message).toBe('Mehery XMS: url: The webhook URL must use HTTPS with a valid SSL certificate (HTTP 400)');
	});
});

describe('Contact and Analytics', () => {
	test('Set Language writes the code as Mehery expects (en-us → en_US)', async () => {
		const { items } = await runMehery(sim, { resource: 'contact', operation: 'setLanguage', contactId: 'fb:12121212121', lang: 'en-us' });
		expect(bodiesOf(sim, /prefs\/lang/)).toEqual([{ contactId: 'fb:12121212121', lang: 'en_US' }]);
		expect(items[0].json).toMatchObject({ contactId: 'fb:12121212121', lang: 'en_US', success: true });
	});

	test('Set Language refuses something that is not a language code', async () => {
		const { error } = await runMehery(sim, { resource: 'contact', operation: 'setLanguage', contactId: 'fb:1', lang: 'English' });
		expect(error?.message).toMatch(/^Language: "English" is not a language code/);
		expect(sim.count()).toBe(0);
	});

	test('Push Customer Data sends a DigitalObjectDto from key/value fields, or from JSON', async () => {
		await runMehery(sim, {
			resource: 'analytics',
			operation: 'pushCustomerData',
			recordId: 'C1',
			recordType: 'CUSTOMER',
			dataFields: { values: [{ key: 'tier', value: 'gold' }] },
			links: { link: [{ linkName: 'crm', linkType: 'CRM_ID', linkValue: 'X1' }] },
		});
		await runMehery(sim, { resource: 'analytics', operation: 'pushCustomerData', recordId: 'C2', recordType: 'CUSTOMER', dataMode: 'json', dataJson: '{"orders": 3}' });
		expect(bodiesOf(sim, /data\/push/)).toEqual([
			{ id: 'C1', type: 'CUSTOMER', data: { tier: 'gold' }, links: [{ linkName: 'crm', linkType: 'CRM_ID', linkValue: 'X1' }] },
			{ id: 'C2', type: 'CUSTOMER', data: { orders: 3 }, links: [] },
		]);
	});

	test('Push Customer Event sends a DigitalEventDto; a link missing a part is refused first', async () => {
		const { items } = await runMehery(sim, { resource: 'analytics', operation: 'pushCustomerEvent', eventName: 'CUSTOMER_CREATED', eventId: '1234567' });
		expect(bodiesOf(sim, /event\/push/)).toEqual([{ eventName: 'CUSTOMER_CREATED', id: '1234567', links: [] }]);
		expect(items[0].json).toMatchObject({ success: true, eventName: 'CUSTOMER_CREATED' });
		const { error } = await runMehery(sim, { resource: 'analytics', operation: 'pushCustomerEvent', eventName: 'X', eventId: '1', links: { link: [{ linkName: 'a', linkType: '', linkValue: 'b' }] } });
		expect(error?.message).toBe('Links: link 1 needs a linkType');
		expect(sim.count({ route: /event\/push/ })).toBe(1);
	});
});

describe('searchable dropdowns', () => {
	async function search(method: string, filter?: string, parameters: INode['parameters'] = {}): Promise<INodeListSearchResult> {
		const { nodeTypes } = await loadPackage();
		const node = { id: 'n1', position: [0, 0], typeVersion: 1, ...meheryNode({ resource: 'message', operation: 'send', ...parameters }) } as INode;
		const workflow = new Workflow({ id: 'list-search', nodes: [node], connections: {}, active: false, nodeTypes });
		const context: ILoadOptionsFunctions = new LoadOptionsContext(
			workflow,
			node,
			// The editor sends the node's current parameters with every dropdown request.
			triggerAdditionalData({ store: await meheryStore(sim) }, { currentNodeParameters: node.parameters }),
			'parameters.channelId',
		);
		const nodeType = nodeTypes.getByNameAndVersion(MEHERY_NODE_TYPE, 1) as INodeType;
		return await nodeType.methods!.listSearch![method].call(context, filter);
	}

	test('channels, sandbox ones marked and listed last, filtered by what the user types', async () => {
		const names = (await search('searchChannels')).results.map((result) => result.name);
		expect(names).toHaveLength(5);
		expect(names.at(-1)).toBe('[Sandbox] WhatsApp Sandbox (WHATSAPP 910000000000)');
		expect(names.slice(0, -1).every((name) => !name.includes('Sandbox'))).toBe(true);
		expect((await search('searchChannels', 'sandbox')).results).toEqual([{ name: '[Sandbox] WhatsApp Sandbox (WHATSAPP 910000000000)', value: 'wa360:sandbox:910000000000' }]);
		expect((await search('searchChannels', 'telegram')).results).toEqual([{ name: 'Telegram Bot (TELEGRAM mehery_support_bot)', value: 'tg:mehery_support_bot' }]);
	});

	test('templates approved for the chosen channel, by code', async () => {
		const results = (await search('searchTemplates', 'order', { channelId: channel })).results;
		expect(results).toEqual([{ name: 'Order Shipped (ORDER_SHIPPED, en_US)', value: 'ORDER_SHIPPED' }]);
		expect(sim.log.at(-1)?.path).toMatch(/channelId=wa360%3A919999998888&channelStatus=APPROVED$/);
	});
});
