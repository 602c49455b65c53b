import type { INode } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { simulatorCredentials } from './examples';
import { createCredentialStore } from './harness';

export const NETCORE_NODE_TYPE = 'n8n-nodes-chat-providers.netcoreBot';
export const NETCORE_TRIGGER_TYPE = 'n8n-nodes-chat-providers.netcoreBotTrigger';
export const AUTH_ROUTE = /\/v1\/auth$/;
export const USAGE_ROUTE = /\/v1\/usage$/;
export const USERS_ROUTE = /\/v1\/users$/;
export const TRANSCRIPTS_ROUTE = /\/v1\/transcripts$/;
/** Every call the node makes, for "no request was sent" checks. */
export const ANY_NETCORE = { provider: 'netcore' };

/** A credential store holding one Netcore credential that points at the simulator. */
export async function netcoreStore(sim: Simulator, overrides: Record<string, string> = {}) {
	return await createCredentialStore({ netcoreBotApi: { ...simulatorCredentials(sim).netcoreBotApi, ...overrides } });
}

export const NETCORE_CREDENTIALS = { netcoreBotApi: { id: 'netcoreBotApi', name: 'Netcore Bot account' } };

export function netcoreNode(parameters: INode['parameters'], extra: Partial<INode> = {}) {
	return { name: 'Netcore Bot', type: NETCORE_NODE_TYPE, parameters, credentials: NETCORE_CREDENTIALS, ...extra };
}

/** Adds new sign-ups to the simulator, as users registering with the bot right now. */
export async function addUsers(sim: Simulator, channelId: number, count: number): Promise<Array<{ userId: string }>> {
	const response = await fetch(`${sim.providers.netcore.baseUrl}/sim/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ channelId, count }),
	});
	const { users } = (await response.json()) as { users: Array<{ userId: string }> };
	// The simulator creates them at distinct milliseconds from now on: a poll starting sooner than the last one's
	// creation would rightly leave it to its next window.
	await new Promise((resolve) => setTimeout(resolve, count + 2));
	return users;
}

/** A user as Simplify outputs it: camelCase keys, the channel code, ISO 8601 UTC dates. */
export function simplifiedUser(userId: string, channelName: string, channelId: number) {
	const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	return { userId, userName: expect.any(String), channelName, channelId, createdDate: iso, firstInteractedDate: iso, lastInteractedDate: iso };
}
