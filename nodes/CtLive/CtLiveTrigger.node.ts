import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CONVERSATION_WEBHOOK, conversationWebhook, publishConversationEndpoint, receiveConversationCall } from '../shared/conversation';
import { CHAT_TRIGGER_VERSIONS, readCombine, readMediaDownload, receiveWebhook, triggerScope, webhookRegistration } from '../shared/trigger';
import { PROVIDER } from './api';
import { conversationSecret, TRIGGER_PATH } from './conversation';
import { conversationKeys, senderOf } from './trigger/conversation';
import { acceptedAnswer, outboundEvents, outboundMessageSchema } from './trigger/outbound';
import { readResendWindowMs, triggerProperties } from './trigger/properties';
import { resendDetection } from './trigger/resends';

export class CtLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CTLive Trigger',
		name: 'ctLiveTrigger',
		icon: { light: 'file:ctlive.svg', dark: 'file:ctlive.dark.svg' },
		group: ['trigger'],
		version: CHAT_TRIGGER_VERSIONS,
		defaultVersion: 1.1,
		subtitle: 'Outbound messages from CTLive agents',
		description: 'Starts the workflow when a CTLive agent answers a customer on this channel (text, image or document)',
		defaults: { name: 'CTLive Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ctLiveWebhookApi', required: true, testedBy: 'ctLiveWebhookCredentialCheck' }],
		webhooks: [
			// responseData empty: n8n sends the answer webhook() returns once the execution is stored (else "firstEntryJson").
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: TRIGGER_PATH },
			// Where a CTLive node's Send and Wait for Reply registers its wait (signed with this credential's password).
			conversationWebhook,
		],
		// A copy per node: n8n adds parameters (a polling trigger's Poll Times) to this array in place.
		properties: [...triggerProperties],
	};

	/**
	 * CTLive has no API to register a channel URL: an administrator enters it in CTLive. Activation only remembers
	 * which URL is live, in the workflow's static data.
	 */
	webhookMethods = {
		default: webhookRegistration({
			provider: PROVIDER,
			// Where CTLive runs is not known here (often on premises), so no URL is refused as unreachable.
			providerUrl: async (context) => context.getNodeWebhookUrl('default') ?? '',
			create: async (_context, url) => url,
		}),
		// While the workflow is active, its Send and Wait for Reply nodes find the endpoint in its static data.
		setup: publishConversationEndpoint(TRIGGER_PATH),
	};

	methods = {
		credentialTest: {
			/** Nothing to connect to: CTLive calls us. Checks the pair is complete, as the trigger requires it. */
			async ctLiveWebhookCredentialCheck(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const { user, password } = (credential.data ?? {}) as { user?: string; password?: string };
				if (!user || !password) return { status: 'Error', message: `Set the ${!user ? 'user' : 'password'} CTLive sends (HTTP Basic)` };
				return { status: 'OK', message: 'Connection successful!' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === CONVERSATION_WEBHOOK) return receiveConversationCall(this, await conversationSecret(this), triggerScope(this));
		// Read only when a delivery needs it (a reply handed over, a burst saved): n8n reads credentials slowly.
		const secret = async () => await conversationSecret(this);
		const windowMs = readResendWindowMs(this);
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().id ?? this.getNode().name}`;
		return await receiveWebhook(this, {
			provider: PROVIDER,
			auth: { credential: 'ctLiveWebhookApi', from: ({ user, password }: { user: string; password: string }) => ({ type: 'basic', user, password }) },
			schema: outboundMessageSchema,
			// CTLive's calls carry no message id: each destination gets one here, the same again for a resend (which
			// then starts nothing). This replaces the core's per-id duplicate check, which would forget the first ids
			// of a delivery to more than 1,000 destinations.
			resends: resendDetection(scope, windowMs),
			split: (message, messageIds = []) => outboundEvents(message, messageIds, new Date()),
			answer: ({ body, events }) => ({ body: acceptedAnswer(body, events.map((event) => event.id as string)) }),
			simplify: this.getNodeParameter('simplify', true) as boolean,
			media: readMediaDownload(this),
			combine: readCombine(this, senderOf),
			conversations: { secret, keysOf: conversationKeys },
			endpointSecret: secret,
		});
	}
}
