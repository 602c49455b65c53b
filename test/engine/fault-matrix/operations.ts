/**
 * What the fault matrix must cover, read from the package itself: every action operation (node, resource,
 * operation) and every trigger of the nodes package.json's `n8n` section publishes, from their node descriptions,
 * so an operation added later has no row until someone gives it a fixture (and the suite fails until then).
 */
import path from 'node:path';
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { publishedNodes } from '../../package-manifest';

export type OperationKind = 'read' | 'send';

export interface ActionOperation {
	/** `<node name>:<resource>:<operation>`, e.g. `mehery:message:send`: the key of its fixture. */
	key: string;
	/** Full node type, e.g. `n8n-nodes-chat-providers.mehery`. */
	nodeType: string;
	/** The node's display name and the names of the resource and operation, as the editor shows them. */
	label: string;
	resource: string;
	operation: string;
	/** As the operation itself declares it (`Operation.kind`): a send is never repeated after an ambiguous failure. */
	kind: OperationKind;
	/**
	 * A waiting operation (Send and Wait for Reply) sends through another operation of its resource (`sendsWith`):
	 * that one's key. Its faults are that operation's row; its wait is tested in the conversation tests.
	 */
	sendsThrough?: string;
}

export interface TriggerNode {
	/** The node name, e.g. `wavyTrigger`: the key of its fixture. */
	key: string;
	nodeType: string;
	label: string;
	/** Started by `poll()`, not by a provider's call. */
	polling: boolean;
}

interface OperationModule {
	kind?: OperationKind;
	description?: unknown;
	sendsWith?: { description?: unknown };
}

interface ResourceModule {
	value?: unknown;
	operations?: Record<string, OperationModule>;
}

/**
 * The operation's own `kind`, from `nodes/<Provider>/resources/<resource>/index.ts` (the layout every node follows,
 * see DESIGN.md): the resource module exports the resource whose `operations` `dispatch` runs.
 */
function declared(nodeSource: string, resource: string, operation: string): Pick<ActionOperation, 'kind' | 'sendsThrough'> {
	const file = path.join(path.dirname(nodeSource), 'resources', resource, 'index.ts');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = Object.values(require(file) as Record<string, ResourceModule>);
	const operations = exported.find((candidate) => candidate?.value === resource)?.operations ?? {};
	const found = operations[operation];
	if (!found) throw new Error(`${file} exports no resource "${resource}" with an operation "${operation}"`);
	// The operation it sends through shows the same parameters: the same description.
	const through = found.sendsWith && Object.keys(operations).find((name) => name !== operation && operations[name].description === found.sendsWith?.description);
	return { kind: found.kind ?? 'read', ...(through ? { sendsThrough: through } : {}) };
}

/** Every resource/operation pair a node description offers: its Operation selectors, per resource they show for. */
export function operationsOf(description: INodeTypeDescription): Array<{ resource: string; resourceName: string; operation: string; operationName: string }> {
	const resourceNames = new Map(
		((description.properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[]).map((option) => [
			String(option.value),
			option.name,
		]),
	);
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((selector) =>
			((selector.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
				((selector.options ?? []) as INodePropertyOptions[]).map((option) => ({
					resource,
					resourceName: resourceNames.get(resource) ?? resource,
					operation: String(option.value),
					operationName: option.name,
				})),
			),
		);
}

export function actionOperations(): ActionOperation[] {
	return publishedNodes()
		.filter((node) => !node.isTrigger)
		.flatMap(({ type, source, definition: { description } }) =>
			operationsOf(description).map(({ resource, resourceName, operation, operationName }): ActionOperation => ({
				key: `${description.name}:${resource}:${operation}`,
				nodeType: type,
				label: `${description.displayName} · ${resourceName} · ${operationName}`,
				resource,
				operation,
				...declared(source, resource, operation),
			})),
		);
}

export function triggerNodes(): TriggerNode[] {
	return publishedNodes()
		.filter((node) => node.isTrigger)
		.map(({ type, definition }) => ({
			key: definition.description.name,
			nodeType: type,
			label: definition.description.displayName,
			polling: definition.description.polling === true,
		}));
}
