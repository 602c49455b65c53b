/**
 * What the editor shows, read from the node descriptions the way the editor reads them (n8n-workflow's
 * NodeHelpers.displayParameter over the parameters a user has set): the small snags a newcomer hit are gone.
 * Behaviour behind each lives with its provider's tests (netcore-paging, wavy, mehery-operations, mehery-trigger).
 */
import type { INode, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { operationsOf } from '../../scripts/lib/docs-parameters';
import { loadPackage } from './harness';

async function descriptionOf(name: string, typeVersion = 1): Promise<INodeTypeDescription> {
	const { nodeTypes } = await loadPackage();
	return (nodeTypes.getByNameAndVersion(`n8n-nodes-chat-providers.${name}`, typeVersion) as INodeType).description;
}

/** The top-level parameters the editor shows for these values, by name. */
function shown(description: INodeTypeDescription, values: Record<string, unknown>, typeVersion = 1): Map<string, INodeProperties> {
	const node = { typeVersion, parameters: values } as unknown as INode;
	const visible = description.properties.filter((property) => NodeHelpers.displayParameter(values as never, property, node, description));
	return new Map(visible.map((property) => [property.name, property]));
}

/** The fields the editor offers in a shown collection (e.g. Options), by name. */
function collectionFields(description: INodeTypeDescription, collection: INodeProperties | undefined, typeVersion = 1): string[] {
	const node = { typeVersion, parameters: {} } as unknown as INode;
	return ((collection?.options ?? []) as INodeProperties[])
		.filter((field) => NodeHelpers.displayParameter({}, field, node, description))
		.map((field) => field.name);
}

test('Netcore Bot: Limit takes any positive number (no maximum), for transcripts and users', async () => {
	const description = await descriptionOf('netcoreBot');
	for (const resource of ['transcript', 'user']) {
		const limit = shown(description, { resource, operation: 'getMany', returnAll: false }).get('limit');
		expect(limit?.typeOptions).toEqual({ minValue: 1 });
	}
});

test("Wavy: Customer ID is optional in the node (empty: the credential's), and asked in the credential", async () => {
	const limitless = shown(await descriptionOf('wavy'), { resource: 'session', operation: 'getManyOpen' }).get('customerId');
	expect(limitless).toMatchObject({ default: '' });
	expect(limitless?.required).toBeFalsy();
	const { credentialTypes } = await loadPackage();
	expect(credentialTypes.getByName('wavyApi').properties.find((property) => property.name === 'customerId')).toMatchObject({ required: true });
});

test('Max Concurrent Requests is offered on every operation but the account-wide one-call ones (Mehery Configuration)', async () => {
	const offered: string[] = [];
	const withheld: string[] = [];
	for (const name of ['irisEngage', 'mehery', 'netcoreBot', 'ctLive', 'wavy']) {
		const description = await descriptionOf(name);
		for (const { resource, operation } of operationsOf(description)) {
			const fields = collectionFields(description, shown(description, { resource, operation }).get('options'));
			(fields.includes('maxConcurrentRequests') ? offered : withheld).push(`${name} ${resource}/${operation}`);
		}
	}
	expect(withheld.sort()).toEqual([
		'mehery configuration/getChannels',
		'mehery configuration/getGlobalVariables',
		'mehery configuration/getTemplates',
		'mehery configuration/setWebhook',
	]);
	expect(offered.length).toBeGreaterThan(15);
});

test.each(['meheryTrigger', 'ctLiveTrigger', 'wavyTrigger'])('%s: Max Media Size in MB at version 1.1 (the default), in bytes at version 1', async (name) => {
	const latest = await descriptionOf(name, 1.1);
	expect(latest.version).toEqual([1, 1.1]);
	const options = (version: number) => collectionFields(latest, shown(latest, {}, version).get('options'), version).filter((field) => field.startsWith('maxMedia'));
	expect(options(1.1)).toEqual(['maxMediaMb']);
	expect(options(1)).toEqual(['maxMediaBytes']);
	const mb = (latest.properties.find((property) => property.name === 'options')?.options as INodeProperties[]).find((field) => field.name === 'maxMediaMb');
	expect(mb).toMatchObject({ displayName: 'Max Media Size (MB)', default: 16 });
});
