import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CONVERSATION_WEBHOOK, conversationWebhook, publishConversationEndpoint, receiveConversationCall } from '../shared/conversation';
import { CHAT_TRIGGER_VERSIONS, parameterFields, readCombine, readMediaDownload, receiveWebhook, triggerScope, webhookRegistration } from '../shared/trigger';
import { anyObject, CREDENTIAL_TYPE, dataOf, meheryApiRoot, meheryRequest, PROVIDER, receiptSchema } from './api';
import { conversationSecret, TRIGGER_PATH } from './conversation';
import { conversationKeys, senderOf } from './trigger/conversation';
import { codeOf, deliverySchema, isContactRequest, splitDelivery } from './trigger/delivery';
import { triggerProperties } from './trigger/properties';


interface TriggerCredentials {
	verifyToken?: string;
}

const registration = webhookRegistration({
	provider: PROVIDER,
	providerUrl: async (context) => await meheryApiRoot(context),
	requiresHttps: true,
	create: async (context, url) => {
		const answer = await meheryRequest(context, { method: 'POST', path: '/config/webhook', body: { url } }, dataOf(anyObject), 'client app (ApiResponse of ClientApp)');
		const id = answer.data?.id;
		return typeof id === 'string' && id !== '' ? id : url;
	},
	// No remove: Mehery has no API to delete a webhook (see the notice in the node).
});

export class MeheryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mehery Trigger',
		name: 'meheryTrigger',
		icon: { light: 'file:mehery.svg', dark: 'file:mehery.dark.svg' },
		group: ['trigger'],
		version: CHAT_TRIGGER_VERSIONS,
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Mehery XMS delivers messages, status updates, session events or contact info requests',
		defaults: { name: 'Mehery Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Contact info requests may be answered by the workflow's last node; everything else by the trigger's own
				// answer, which n8n sends once the execution is stored (an empty responseData makes n8n send the
				// answer webhook() returns; without one it would send the word "firstEntryJson").
				// (n8n's Respond to Webhook node refuses to run after any trigger but n8n's own webhook nodes.)
				// Self-contained functions (n8n inlines them into the editor's template): is the workflow's last node
				// answering contact info requests?
				...parameterFields({
					responseMode: (p) => (Array.isArray(p.events) && (p.events as unknown[]).includes('contactInfo') && p.contactInfoResponse === 'workflow' ? 'lastNode' : 'onReceived'),
					responseData: (p) => (Array.isArray(p.events) && (p.events as unknown[]).includes('contactInfo') && p.contactInfoResponse === 'workflow' ? 'firstEntryJson' : ''),
				}),
				path: TRIGGER_PATH,
			},
			// Where a Mehery node's Send and Wait for Reply registers its wait (signed with the API key).
			conversationWebhook,
		],
		// A copy per node: n8n adds parameters (a polling trigger's Poll Times) to this array in place.
		properties: [...triggerProperties],
	};

	webhookMethods = {
		default: {
			// Mehery cannot list its webhook, and another trigger may have taken the account's one URL since we
			// set it: setting it again on every activation is idempotent and always leaves Mehery calling us.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { verifyToken } = await this.getCredentials<TriggerCredentials>(CREDENTIAL_TYPE);
				// Without it every call Mehery makes would be refused: say so now, not by silence later.
				if (!verifyToken) {
					throw new NodeOperationError(this.getNode(), 'The Mehery XMS credential has no Webhook Verify Token', {
						description: 'Set it to the verify token configured for your webhook at Mehery: the trigger refuses every call without it.',
					});
				}
				return await registration.create.call(this);
			},
			// Only forgets the URL: Mehery has no delete (the node's notice says what that means).
			async delete(this: IHookFunctions): Promise<boolean> {
				return await registration.delete.call(this);
			},
		},
		// While the workflow is active, its Send and Wait for Reply nodes find the endpoint in its static data.
		setup: publishConversationEndpoint(TRIGGER_PATH),
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === CONVERSATION_WEBHOOK) return receiveConversationCall(this, await conversationSecret(this), triggerScope(this));
		// Read only when a delivery needs it (a reply handed over, a burst saved): n8n reads credentials slowly.
		const secret = async () => await conversationSecret(this);
		const selected = this.getNodeParameter('events', ['message']) as string[];
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const eventCodes = String(this.getNodeParameter('eventCodes', '') ?? '')
			.split(',')
			.map((code) => code.trim().toUpperCase())
			.filter(Boolean);
		const respondFromWorkflow = selected.includes('contactInfo') && this.getNodeParameter('contactInfoResponse', 'empty') === 'workflow';

		return await receiveWebhook(this, {
			provider: PROVIDER,
			auth: { credential: CREDENTIAL_TYPE, from: ({ verifyToken }: TriggerCredentials) => ({ type: 'header', header: 'x-verify-token', secret: verifyToken ?? '' }) },
			schema: deliverySchema,
			split: splitDelivery,
			accept: (event) => {
				if (!selected.includes(event.kind)) return false;
				const code = codeOf(event);
				if (event.kind === 'status' && statuses.length > 0) return statuses.includes(code ?? '');
				if (event.kind === 'event' && eventCodes.length > 0) return eventCodes.includes((code ?? '').toUpperCase());
				return true;
			},
			// A contact info request not answered by the workflow gets an empty ContactInfoUpdate: "no changes".
			answer: ({ body, events, emitted }) => (isContactRequest(body) ? { body: {} } : { body: { received: events.length, started: emitted.length } }),
			// Only a contact info request waits for the workflow's answer.
			respondFromWorkflow: ({ body }) => respondFromWorkflow && isContactRequest(body),
			responseMode: respondFromWorkflow ? 'lastNode' : 'onReceived',
			simplify: this.getNodeParameter('simplify', true) as boolean,
			media: readMediaDownload(this),
			combine: readCombine(this, senderOf),
			conversations: {
				secret,
				keysOf: conversationKeys,
				reprompt: async (wait) => {
					await meheryRequest(this, { method: 'POST', path: '/message/send', body: wait.reprompt, kind: 'send' }, receiptSchema, 'send receipt (ApiResponse of OutBoundReciept)');
				},
			},
			endpointSecret: secret,
		});
	}
}
