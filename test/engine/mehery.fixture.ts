import type { INode, INodeExecutionData } from 'n8n-workflow';

import type { RequestLogEntry, Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { createCredentialStore, runNode } from './harness';

export const MEHERY_NODE_TYPE = 'n8n-nodes-chat-providers.mehery';
export const MEHERY_TRIGGER_TYPE = 'n8n-nodes-chat-providers.meheryTrigger';
export const SEND_ROUTE = /\/api\/v1\/message\/send$/;
export const CHANNEL = 'wa360:919999998888';

/** A credential store holding one Mehery credential that points at the simulator. */
export async function meheryStore(sim: Simulator, overrides: Record<string, string> = {}) {
	return await createCredentialStore({ meheryXmsApi: { ...simulatorCredentials(sim).meheryXmsApi, ...overrides } });
}

export const meheryCredentialRef = { meheryXmsApi: { id: 'meheryXmsApi', name: 'Mehery XMS account' } };

export function meheryNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return { name: 'Mehery', type: MEHERY_NODE_TYPE, parameters, credentials: meheryCredentialRef, ...extra };
}

/** Message → Send parameters for a text to a phone number; override what a test varies. */
export function sendParameters(overrides: INode['parameters'] = {}): INode['parameters'] {
	return {
		resource: 'message',
		operation: 'send',
		channelId: { __rl: true, mode: 'id', value: CHANNEL },
		recipientType: 'phone',
		recipient: '+91 99887 76655',
		messageType: 'text',
		text: 'Hello',
		...overrides,
	};
}

/** Runs the Mehery node once over `items` against the simulator. */
export async function runMehery(sim: Simulator, parameters: INode['parameters'], items: INodeExecutionData['json'][] = [{}], extra: Partial<INode> = {}) {
	const result = await runNode(meheryNode(parameters, extra), items, await meheryStore(sim));
	return { result, items: result.output('Mehery'), error: result.error('Mehery') };
}

/** The bodies the simulator received on a route, oldest first. */
export const bodiesOf = (sim: Simulator, route: RegExp) =>
	sim.log.filter((entry: RequestLogEntry) => route.test(entry.path)).map((entry) => entry.body as Record<string, unknown>);
