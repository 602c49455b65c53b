import type { INode } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { createCredentialStore } from './harness';

export const WAVY_NODE_TYPE = 'n8n-nodes-chat-providers.wavy';
export const WAVY_TRIGGER_TYPE = 'n8n-nodes-chat-providers.wavyTrigger';
export const SESSIONS_ROUTE = 'GET /v1/session';
export const FILE_ROUTE = 'GET /files/:fileId';

/** A credential store holding one Wavy credential that points at the simulator. */
export async function wavyStore(sim: Simulator, overrides: Record<string, string> = {}) {
	return await createCredentialStore({ wavyApi: { ...simulatorCredentials(sim).wavyApi, ...overrides } });
}

export function wavyNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return {
		name: 'Wavy',
		type: WAVY_NODE_TYPE,
		parameters,
		credentials: { wavyApi: { id: 'wavyApi', name: 'Wavy account' } },
		...extra,
	};
}

/** Session → Get Many Open with every session, plus whatever `parameters` adds or overrides. */
export const openSessions = (parameters: INode['parameters'] = {}, extra: Partial<INode> = {}) =>
	wavyNode({ resource: 'session', operation: 'getManyOpen', returnAll: true, ...parameters }, extra);
