import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CONVERSATION_WEBHOOK, conversationWebhook, receiveConversationCall } from '../shared/conversation';
import { CHAT_TRIGGER_VERSIONS, parameterFields, readCombine, readMediaDownload, receiveWebhook, triggerScope, type TriggerEvent, type WebhookAuth } from '../shared/trigger';
import { CREDENTIAL_TYPE, PROVIDER } from './api';
import { moBatchSchema, moEvent, totalWarning } from './trigger/mo';
import { triggerProperties } from './trigger/properties';

/** Whose burst a message belongs to (Combine Messages Sent Within): the number that sent it. */
const senderOf = (event: TriggerEvent) => (typeof event.simplified.from === 'string' && event.simplified.from !== '' ? `from:${event.simplified.from}` : undefined);

/** Ids kept per trigger node: several minutes of Wavy's retries even at thousands of messages per minute. */
const REMEMBERED_IDS = 10_000;
/**
 * The newest of them written to static data, what a restart remembers: n8n reads static data twice for every
 * delivery, and 10,000 there made n8n start half the executions under load (npm run bench).
 */
const PERSISTED_IDS = 1_000;

interface WavyCredentials {
	webhookSecret?: string;
}

export class WavyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wavy Trigger',
		name: 'wavyTrigger',
		icon: { light: 'file:wavy.svg', dark: 'file:wavy.dark.svg' },
		group: ['trigger'],
		version: CHAT_TRIGGER_VERSIONS,
		defaultVersion: 1.1,
		subtitle: '=Secret in {{$parameter["secretIn"]}}',
		description: 'Starts the workflow when customers message your Wavy / Sinch number (MO batches)',
		defaults: { name: 'Wavy Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty: n8n sends the answer webhook() returns, once the execution is stored (without it: "firstEntryJson").
				responseData: '',
				...parameterFields({ path: (p) => (p.secretIn === 'path' ? 'mo/:secret' : 'mo') }),
			},
			// The trigger's own endpoint, signed with the Webhook Secret: a burst being combined is saved through it.
			conversationWebhook,
		],
		// A copy per node: n8n adds parameters (a polling trigger's Poll Times) to this array in place.
		properties: [...triggerProperties],
	};

	/**
	 * Wavy has no API to register a callback URL (it is set in Wavy's portal), so there is nothing to create or
	 * delete there. Activation still checks what would make every call fail: a credential without a secret.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { webhookSecret } = await this.getCredentials<WavyCredentials>(CREDENTIAL_TYPE);
				if (!webhookSecret) {
					throw new NodeOperationError(this.getNode(), 'The Wavy API credential has no Webhook Secret', {
						description: 'Wavy sends no auth header: set a Webhook Secret in the credential and put it into the callback URL you give Wavy.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const readSecret = async () => (await this.getCredentials<WavyCredentials>(CREDENTIAL_TYPE)).webhookSecret ?? '';
		if (this.getWebhookName() === CONVERSATION_WEBHOOK) return receiveConversationCall(this, await readSecret(), triggerScope(this));
		const secretIn = this.getNodeParameter('secretIn', 'query') as 'query' | 'path';
		const now = Date.now();
		return await receiveWebhook(this, {
			provider: PROVIDER,
			auth: { credential: CREDENTIAL_TYPE, from: ({ webhookSecret = '' }: WavyCredentials): WebhookAuth => ({ type: secretIn, parameter: 'secret', secret: webhookSecret }) },
			schema: moBatchSchema,
			split: (batch) => {
				const warning = totalWarning(batch);
				return batch.data.map((message) => moEvent(message, warning, now));
			},
			dedupe: { max: REMEMBERED_IDS, persistMax: PERSISTED_IDS },
			answer: ({ body, emitted }) => ({ body: { received: body.data.length, started: emitted.length } }),
			simplify: this.getNodeParameter('simplify', true) as boolean,
			media: readMediaDownload(this),
			combine: readCombine(this, senderOf),
			// Read only when a burst opens: n8n reads credentials slowly.
			endpointSecret: readSecret,
		});
	}
}
