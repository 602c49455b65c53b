/**
 * Builds a node's Resource and Operation selectors from the operations themselves, so each operation's name,
 * action and description are declared once (its `option`, in its own file).
 *
 * A provider's `resources/<resource>/index.ts` does
 * `export const message = defineResource('message', { send: sendMessage, getMany: getManyMessages }, { name: 'Message', default: 'send' });`
 * and its node file `const resources = defineResources([message, contact]);` with
 * `properties: resources.properties` and `execute() { return dispatch(this, resources.operations); }`.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationTable, type OperationMap, type ResourceOperations } from './operation';

export interface Resource {
	/** The Resource selector's value, e.g. 'message'. */
	value: string;
	/** The Resource selector's label, e.g. 'Message'. */
	name: string;
	operations: ResourceOperations;
	/** The Operation selector followed by every operation's own properties. */
	description: INodeProperties[];
}

export interface ResourceSettings {
	name: string;
	/** The operation selected in a new node. */
	default: string;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Fails when the node loads: an operation without its selector entry, or a default that does not exist. */
export function defineResource(value: string, operations: ResourceOperations, settings: ResourceSettings): Resource {
	// A send without its recipient key is refused here, when the node loads, not at its first run.
	operationTable({ [value]: operations });
	const options: INodePropertyOptions[] = Object.entries(operations).map(([key, operation]) => {
		const option = operation.option;
		if (!option) throw new Error(`Operation "${key}" of resource "${value}" declares no option (name, action, description)`);
		if (option.value !== undefined && option.value !== key) {
			throw new Error(`Operation "${key}" of resource "${value}" declares the value "${option.value}": it must be its key`);
		}
		return { name: option.name, value: key, action: option.action, description: option.description };
	});
	const defaultOperation = settings.default;
	if (!(defaultOperation in operations)) {
		throw new Error(`Resource "${value}" has no operation "${defaultOperation}" to select by default`);
	}
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: options.sort(byName),
		default: defaultOperation,
	};
	const own = Object.values(operations).flatMap((operation) => operation.description);
	return { value, name: settings.name, operations, description: [selector, ...own] };
}

export interface NodeResources {
	/** The Resource selector followed by every resource's description: a node's whole `properties`. */
	properties: INodeProperties[];
	/** The table `dispatch` looks operations up in. */
	operations: OperationMap;
}

/** `defaultResource` defaults to the first resource given. */
export function defineResources(resources: Resource[], defaultResource = resources[0]?.value): NodeResources {
	const values = resources.map((resource) => resource.value);
	if (new Set(values).size !== values.length) throw new Error(`Resources are declared twice: ${values.join(', ')}`);
	if (defaultResource === undefined || !values.includes(defaultResource)) {
		throw new Error(`There is no resource "${String(defaultResource)}" to select by default`);
	}
	const selector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => ({ name: resource.name, value: resource.value })).sort(byName),
		default: defaultResource,
	};
	return {
		properties: [selector, ...resources.flatMap((resource) => resource.description)],
		operations: Object.fromEntries(resources.map((resource) => [resource.value, resource.operations])),
	};
}
