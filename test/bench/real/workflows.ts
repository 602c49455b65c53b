/**
 * Workflows of the side-by-side bench: a Manual Trigger, a Code node that makes the input items, then either our
 * node or n8n's HTTP Request node (typeVersion 4.2) configured as a user would wire the same calls by hand.
 */
import { randomUUID } from 'node:crypto';

export const PACKAGE = 'n8n-nodes-chat-providers';
export const TRIGGER = 'Manual';
const HTTP_REQUEST_VERSION = 4.2;

export type WorkflowNode = Record<string, unknown> & { name: string };
export interface BenchWorkflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	/** The nodes whose run time is the case's wall time (not the trigger or the item maker). */
	timed: string[];
}

/** A straight chain Manual → nodes[0] → nodes[1] → …; `timed` names the nodes measured. */
export function chain(name: string, nodes: WorkflowNode[], timed: string[]): BenchWorkflow {
	const all: WorkflowNode[] = [{ name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes];
	const connections: Record<string, unknown> = {};
	all.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { name: `bench: ${name}`, nodes: all.map((node, index) => ({ id: randomUUID(), position: [index * 220, 0], ...node })), connections, timed };
}

/**
 * The input items, made inside n8n: an Edit Fields node sets an array from an expression, a Split Out node makes
 * one item per element (no Code node: on a busy machine n8n's task runner lets offers expire).
 */
export function itemsNodes(arrayExpression: string): WorkflowNode[] {
	return [
		{ name: 'Make Items', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { assignments: { assignments: [{ id: randomUUID(), name: 'items', value: `={{ ${arrayExpression} }}`, type: 'array' }] }, options: {} } },
		{ name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'items', options: {} } },
	];
}

interface HttpOptions {
	method?: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** An expression (or JSON text) for the JSON body. */
	jsonBody?: string;
	options?: Record<string, unknown>;
	/** Node settings beside the parameters: executeOnce, onError, retryOnFail… */
	settings?: Record<string, unknown>;
}

const pairs = (record: Record<string, string>) => ({ parameters: Object.entries(record).map(([name, value]) => ({ name, value })) });

export function httpRequestNode(name: string, http: HttpOptions): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		...http.settings,
		parameters: {
			method: http.method ?? 'POST',
			url: http.url,
			...(http.headers ? { sendHeaders: true, headerParameters: pairs(http.headers) } : {}),
			...(http.query ? { sendQuery: true, queryParameters: pairs(http.query) } : {}),
			...(http.jsonBody ? { sendBody: true, specifyBody: 'json', jsonBody: http.jsonBody } : {}),
			options: http.options ?? {},
		},
	};
}

/** Our node, with the credential saved for its type. */
export function ourNode(name: string, type: string, parameters: Record<string, unknown>, credential: { type: string; id: string; name: string }): WorkflowNode {
	return { name, type: `${PACKAGE}.${type}`, typeVersion: 1, parameters, credentials: { [credential.type]: { id: credential.id, name: credential.name } } };
}
