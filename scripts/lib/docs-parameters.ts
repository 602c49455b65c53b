/** A node's parameters as a Markdown table, read from its description (what the editor renders). */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

const plain = (text: string) =>
	text
		.replace(/<[^>]+>/g, '')
		.replace(/\|/g, '\\|')
		.replace(/\s+/g, ' ')
		.trim();

function shownFor(property: INodeProperties, resource?: string, operation?: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const matches = (key: string, value?: string) => !show[key] || (value !== undefined && (show[key] as unknown[]).includes(value));
	return matches('resource', resource) && matches('operation', operation);
}

function typeLabel(property: INodeProperties): string {
	if (property.type === 'resourceLocator') return 'list or ID';
	if (property.type === 'fixedCollection' || property.type === 'collection') return property.typeOptions?.multipleValues ? 'list of fields' : 'fields';
	return property.type;
}

function defaultLabel(value: unknown): string {
	if (value === undefined || value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) return '';
	if (typeof value === 'object' && value !== null && '__rl' in value) return '';
	return `\`${plain(JSON.stringify(value))}\``;
}

/** Whether a field's `@version` condition (if any) lets the node's newest version show it, as the editor would. */
function shownAtLatestVersion(field: INodeProperties, description: INodeTypeDescription): boolean {
	const versionCondition = field.displayOptions?.show?.['@version'];
	if (!versionCondition) return true;
	const typeVersion = description.defaultVersion ?? Math.max(...[description.version].flat());
	const onlyVersion = { ...field, displayOptions: { show: { '@version': versionCondition } } };
	return NodeHelpers.displayParameter({}, onlyVersion, { typeVersion } as INode, description);
}

function details(property: INodeProperties, description: INodeTypeDescription): string {
	const parts: string[] = [];
	if (property.required) parts.push('**Required.**');
	if (property.description) parts.push(plain(property.description).replace(/([^.!?:])$/, '$1.'));
	if (property.type === 'options' || property.type === 'multiOptions') {
		const values = (property.options ?? []) as Array<{ name: string; value: unknown }>;
		// An option whose name is its value is written once.
		const shown = values.map((option) => (option.name === String(option.value) ? `\`${option.name}\`` : `${plain(option.name)} (\`${String(option.value)}\`)`));
		parts.push(`One of: ${shown.join(', ')}.`);
	}
	if (property.type === 'collection' || property.type === 'fixedCollection') {
		const fields = ((property.options ?? []) as INodeProperties[]).filter((field) => shownAtLatestVersion(field, description));
		parts.push(`Fields: ${fields.map((field) => plain(field.displayName)).join(', ')}.`);
	}
	if (property.type === 'resourceLocator') {
		const modes = (property.modes ?? []).map((mode) => plain(mode.displayName));
		parts.push(`Modes: ${modes.join(', ')}.`);
	}
	const conditions = Object.entries(property.displayOptions?.show ?? {}).filter(([key]) => key !== 'resource' && key !== 'operation');
	if (conditions.length > 0) {
		parts.push(`Shown when ${conditions.map(([key, values]) => `${key} is ${(values as unknown[]).map((value) => `\`${String(value)}\``).join(' or ')}`).join(' and ')}.`);
	}
	return parts.join(' ');
}

/** The parameters shown for one resource and operation (or, for a node without resources, all of them). */
export function parameterTable(description: INodeTypeDescription, resource?: string, operation?: string): string {
	const properties = description.properties.filter(
		(property) => property.type !== 'notice' && property.name !== 'resource' && property.name !== 'operation' && shownFor(property, resource, operation),
	);
	if (properties.length === 0) return 'No parameters.';
	const rows = properties.map((property) => `| ${plain(property.displayName)} | ${typeLabel(property)} | ${defaultLabel(property.default)} | ${details(property, description)} |`);
	return ['| Parameter | Type | Default | Details |', '|---|---|---|---|', ...rows].join('\n');
}

/** Resource → operations of an action node, in the order the editor lists them. */
export function operationsOf(description: INodeTypeDescription): Array<{ resource: string; resourceName: string; operation: string; name: string; action?: string; description?: string }> {
	const resources = (description.properties.find((property) => property.name === 'resource')?.options ?? []) as Array<{ name: string; value: string }>;
	return resources.flatMap(({ name: resourceName, value: resource }) =>
		description.properties
			.filter((property) => property.name === 'operation' && ((property.displayOptions?.show?.resource as string[] | undefined) ?? []).includes(resource))
			.flatMap((property) => (property.options ?? []) as Array<{ name: string; value: string; action?: string; description?: string }>)
			.map((option) => ({ resource, resourceName, operation: option.value, name: option.name, action: option.action, description: option.description })),
	);
}
