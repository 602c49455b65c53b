/**
 * How each webhook trigger is called: a delivery of one message (its text identifies it), the request carrying it
 * with the right, a wrong or no credential, and the secrets that must never come back. Keyed by node name
 * (operations.ts); a trigger without an entry has no row.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../simulator';
import { notificationBody } from '../../simulator/providers/mehery-notify';
import { moMessage } from '../../simulator/providers/wavy-data';
import { simulatorCredentials } from '../examples';
import { createCredentialStore, type TestNode, type WebhookRequest } from '../harness';

export type Auth = 'right' | 'wrong' | 'missing';

export interface WebhookTriggerFixture {
	provider: string;
	credentialType: string;
	node: TestNode;
	/** A delivery of one message whose text is `text`; deliveries with other `index`es never share an id. */
	delivery(index: number, text: string): unknown;
	/** Headers and query carrying the credential as the provider sends it (or a wrong one, or none). */
	auth(sim: Simulator, auth: Auth): Pick<WebhookRequest, 'headers' | 'query'>;
	/** Credential fields that must never appear in an answer. */
	secrets: string[];
}

const credentialsRef = (type: string, name: string) => ({ [type]: { id: type, name } });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const trigger = (name: string, type: string, parameters: INodeParameters, credentialType: string): TestNode => ({
	name,
	type: `n8n-nodes-chat-providers.${type}`,
	parameters,
	credentials: credentialsRef(credentialType, `${name} account`),
});

export const WEBHOOK_TRIGGER_FIXTURES: Record<string, WebhookTriggerFixture> = {
	meheryTrigger: {
		provider: 'Mehery XMS',
		credentialType: 'meheryXmsApi',
		node: trigger('Mehery Trigger', 'meheryTrigger', {}, 'meheryXmsApi'),
		delivery: (index, text) => notificationBody({ kind: 'message', id: `fault-matrix-${index}`, text }, () => `unused-${index}`, Date.UTC(2024, 5, 3)),
		auth: (sim, auth) => {
			const token = sim.providers.mehery.credentials.verifyToken;
			return { headers: auth === 'missing' ? {} : { 'x-verify-token': auth === 'right' ? token : `${token}-wrong` } };
		},
		secrets: ['verifyToken', 'apiKey'],
	},
	ctLiveTrigger: {
		provider: 'CTLive',
		credentialType: 'ctLiveWebhookApi',
		node: trigger('CTLive Trigger', 'ctLiveTrigger', { simplify: true, options: {} }, 'ctLiveWebhookApi'),
		delivery: (index, text) => ({
			scenarioKey: 'CC9F01A5DC7BEE2C2B829D203482A654',
			destinations: [{ to: { phoneNumber: `4179${String(index).padStart(7, '0')}` } }],
			whatsApp: { text },
		}),
		auth: (sim, auth) => {
			const { webhookUser, webhookPassword } = sim.providers.ctlive.credentials;
			if (auth === 'missing') return { headers: {} };
			return { headers: { authorization: basic(webhookUser, auth === 'right' ? webhookPassword : `${webhookPassword}-wrong`) } };
		},
		secrets: ['password'],
	},
	wavyTrigger: {
		provider: 'Wavy',
		credentialType: 'wavyApi',
		node: trigger('Wavy Trigger', 'wavyTrigger', {}, 'wavyApi'),
		delivery: (index, text) => ({ total: 1, data: [{ ...moMessage(1, index), message: { type: 'TEXT', messageText: text } }] }),
		auth: (sim, auth) => {
			const secret = String(simulatorCredentials(sim).wavyApi.webhookSecret);
			const query: Record<string, string> = auth === 'missing' ? {} : { secret: auth === 'right' ? secret : `${secret}-wrong` };
			return { query };
		},
		secrets: ['webhookSecret', 'authenticationToken'],
	},
};

/** The trigger's credential, as `npm start` creates it for the simulator. */
export async function triggerStore(sim: Simulator, fixture: WebhookTriggerFixture) {
	return await createCredentialStore({ [fixture.credentialType]: simulatorCredentials(sim)[fixture.credentialType] });
}

/** The values of the fixture's secret fields, to look for in answers. */
export function secretValues(sim: Simulator, fixture: WebhookTriggerFixture): string[] {
	const data = simulatorCredentials(sim)[fixture.credentialType];
	return fixture.secrets.map((field) => data[field]).filter((value): value is string => typeof value === 'string' && value !== '');
}
