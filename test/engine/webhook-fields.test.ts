/**
 * Our triggers' webhook descriptions must let n8n skip its expression engine on every delivery (an isolate per
 * call under n8n 2.41's default engine, see nodes/shared/trigger/webhookFields.ts), and the native resolvers must
 * give what the editor's templates give, for every value of the parameters they read.
 */
import type { INode, INodeParameters, IWebhookDescription } from 'n8n-workflow';
import { NodeHelpers, resolveWebhookDescriptionField, webhookDescriptionIsNativelyResolvable, Workflow } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from './package';

const cases: Array<{ node: string; parameters: INodeParameters[] }> = [
	{ node: 'wavyTrigger', parameters: [{}, { secretIn: 'query' }, { secretIn: 'path' }] },
	{
		node: 'meheryTrigger',
		parameters: [
			{},
			{ events: ['message'] },
			{ events: ['message', 'contactInfo'], contactInfoResponse: 'workflow' },
			{ events: ['contactInfo'], contactInfoResponse: 'empty' },
			{ events: ['message'], contactInfoResponse: 'workflow' },
		],
	},
	{ node: 'ctLiveTrigger', parameters: [{}] },
];

async function webhookOf(nodeName: string, parameters: INodeParameters) {
	const { nodeTypes } = await loadPackage();
	const type = `${PACKAGE_NAME}.${nodeName}`;
	const nodeType = nodeTypes.getByNameAndVersion(type, 1.1);
	const node: INode = { id: 'trigger', name: 'Trigger', type, typeVersion: 1.1, position: [0, 0], parameters };
	const workflow = new Workflow({ id: 'fields', nodes: [node], connections: {}, active: true, nodeTypes });
	const description = nodeType.description.webhooks![0] as IWebhookDescription;
	return { workflow, description, node: workflow.nodes[node.name] };
}

describe('webhook descriptions resolved without the expression engine', () => {
	it.each(cases.map(({ node }) => node))('%s: every field of its webhook is natively resolvable, and it defaults to version 1.1', async (name) => {
		const { nodeTypes } = await loadPackage();
		const nodeType = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`);
		expect(nodeType.description.defaultVersion ?? nodeType.description.version).toBe(1.1);
		for (const webhook of nodeType.description.webhooks ?? []) expect(webhookDescriptionIsNativelyResolvable(webhook)).toBe(true);
	});

	// The conversation endpoint (Send and Wait for Reply, bursts saved at once) beside every chat trigger's own webhook:
	// n8n computes it on every delivery too, so a template there would cost an isolate per delivery.
	it.each(cases.map(({ node }) => node))("%s: its conversation endpoint ('setup') holds no template: plain values, served at <webhookId>/conversations", async (name) => {
		const { nodeTypes } = await loadPackage();
		const type = `${PACKAGE_NAME}.${name}`;
		const webhooks = nodeTypes.getByNameAndVersion(type, 1.1).description.webhooks ?? [];
		const setup = webhooks.find((webhook) => webhook.name === 'setup');
		expect(setup).toBeDefined();
		for (const [field, value] of Object.entries(setup!)) expect([field, typeof value === 'string' && value.startsWith('=')]).toEqual([field, false]);
		expect(webhookDescriptionIsNativelyResolvable(setup!)).toBe(true);
		const node: INode = { id: 'trigger', name: 'Trigger', type, typeVersion: 1.1, position: [0, 0], parameters: {}, webhookId: 'hook-id' };
		const workflow = new Workflow({ id: 'fields', nodes: [node], connections: {}, active: true, nodeTypes });
		expect(NodeHelpers.getNodeWebhookPath(workflow.id, node, String(setup!.path), setup!.isFullPath, setup!.restartWebhook)).toBe('hook-id/conversations');
	});

	it.each(cases.flatMap(({ node, parameters }) => parameters.map((set) => [node, set] as const)))('%s %j: the native value equals the template evaluated by n8n', async (name, parameters) => {
		const { workflow, description, node } = await webhookOf(name, parameters);
		const templated = (['path', 'responseMode', 'responseData', 'httpMethod'] as const).filter((field) => String(description[field]).startsWith('='));
		expect(templated.length).toBe(name === 'ctLiveTrigger' ? 0 : name === 'wavyTrigger' ? 1 : 2);
		for (const field of templated) {
			const template = description[field];
			const evaluated = workflow.expression.getSimpleParameterValue(node, template as string, 'internal', {});
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native).toEqual({ resolved: true, value: evaluated });
		}
	});
});
