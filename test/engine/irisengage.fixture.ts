import type { INode } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { createCredentialStore } from './harness';

export const IRIS_NODE_TYPE = 'n8n-nodes-chat-providers.irisEngage';
export const AUTH_ROUTE = /Users\/authenticate/;
export const SESSIONS_ROUTE = /EngageAPIRequestDetails/;
export const CONTENT_ROUTE = /GetContent/;

/** A credential store holding one IrisEngage credential that points at the simulator. */
export async function irisStore(sim: Pick<Simulator, 'providers'>, overrides: Record<string, string> = {}) {
	return await createCredentialStore({ irisEngageApi: { ...simulatorCredentials(sim).irisEngageApi, ...overrides } });
}

export function irisNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return {
		name: 'IrisEngage',
		type: IRIS_NODE_TYPE,
		parameters,
		credentials: { irisEngageApi: { id: 'irisEngageApi', name: 'IrisEngage account' } },
		...extra,
	};
}
