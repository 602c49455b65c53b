import type { INode } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { createCredentialStore } from './harness';

export const CTLIVE_NODE_TYPE = 'n8n-nodes-chat-providers.ctLive';
export const CTLIVE_TRIGGER_TYPE = 'n8n-nodes-chat-providers.ctLiveTrigger';
export const MESSAGE_ROUTE = /\/(imchannel|imchanne)\/message$/;

/** A credential store with both CTLive credentials pointing at the simulator. */
export async function ctliveStore(sim: Simulator, apiOverrides: Record<string, string> = {}, webhookOverrides: Record<string, string> = {}) {
	const credentials = simulatorCredentials(sim);
	return await createCredentialStore({
		ctLiveApi: { ...credentials.ctLiveApi, ...apiOverrides },
		ctLiveWebhookApi: { ...credentials.ctLiveWebhookApi, ...webhookOverrides },
	});
}

export function ctliveNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return {
		name: 'CTLive',
		type: CTLIVE_NODE_TYPE,
		parameters,
		credentials: { ctLiveApi: { id: 'ctLiveApi', name: 'CTLive account' } },
		...extra,
	};
}

/** The `results` entries CTLive received, oldest first. */
export function postedResults(sim: Simulator): Array<Record<string, unknown>> {
	return sim.log
		.filter((entry) => MESSAGE_ROUTE.test(entry.path) && entry.status === 200)
		.flatMap((entry) => (entry.body as { results: Array<Record<string, unknown>> }).results);
}
