import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { checkBasicAuth } from '../shared/webhookAuth';
import { downloadMedia } from './media';
import { acceptedAnswer, describeProblems, normalizeOutbound, outboundMessageSchema } from './outbound';
import { acceptDelivery, payloadKey } from './resends';

const DEFAULT_RESEND_WINDOW_SECONDS = 300;

export class CtLiveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CTLive Trigger',
		name: 'ctLiveTrigger',
		icon: { light: 'file:ctlive.svg', dark: 'file:ctlive.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Outbound messages from CTLive agents',
		description: "Starts the workflow when a CTLive agent answers a customer on this channel (text, image or document)",
		defaults: { name: 'CTLive Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ctLiveWebhookApi', required: true, testedBy: 'ctLiveWebhookCredentialCheck' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'ctlive' }],
		properties: [
			{
				displayName:
					"In CTLive, set this node's production URL as the channel's outbound URL, with the user and password of the credential (HTTP Basic)",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Media',
						name: 'downloadMedia',
						type: 'boolean',
						default: false,
						description: 'Whether to download the image or document into the binary property "data"',
					},
					{
						displayName: 'Resend Window (Seconds)',
						name: 'resendWindowSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_RESEND_WINDOW_SECONDS,
						description:
							'CTLive resends a call it got no answer to. A call with exactly the same content within this time is treated as that resend: it gets the first answer and starts no execution. 0 treats every call as new.',
					},
				],
			},
		],
	};

	/**
	 * CTLive has no API to register a channel URL: an administrator enters it in CTLive. Activation only remembers
	 * which URL is live, so the workflow's static data says what CTLive must be configured with.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return this.getWorkflowStaticData('node').webhookUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').webhookUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').webhookUrl;
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			/** Nothing to connect to: CTLive calls us. Checks the pair is complete, as the trigger will require it. */
			async ctLiveWebhookCredentialCheck(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const { user, password } = (credential.data ?? {}) as { user?: string; password?: string };
				if (!user || !password) {
					return { status: 'Error', message: `Set the ${!user ? 'user' : 'password'} CTLive sends (HTTP Basic)` };
				}
				return { status: 'OK', message: 'Connection successful!' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const { user, password } = await this.getCredentials<{ user: string; password: string }>('ctLiveWebhookApi');
		if (!checkBasicAuth(this.getHeaderData().authorization, { user, password })) {
			response.status(401).setHeader('WWW-Authenticate', 'Basic realm="CTLive channel"');
			response.json({ message: 'Unauthorized: wrong or missing HTTP Basic credentials' });
			return { noWebhookResponse: true };
		}
		const parsed = outboundMessageSchema.safeParse(this.getBodyData());
		if (!parsed.success) {
			response.status(400).json({ message: `Not a CTLive outbound message: ${describeProblems(parsed.error)}` });
			return { noWebhookResponse: true };
		}
		const message = parsed.data;
		const options = this.getNodeParameter('options', {}) as { downloadMedia?: boolean; resendWindowSeconds?: number };
		const windowMs = Math.max(0, Number(options.resendWindowSeconds ?? DEFAULT_RESEND_WINDOW_SECONDS)) * 1000;
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().id}`;
		const { messageIds, isResend } = acceptDelivery(
			this.getWorkflowStaticData('node'),
			payloadKey(scope, message),
			message.destinations.length,
			windowMs,
		);
		const webhookResponse = acceptedAnswer(message, messageIds);
		if (isResend) return { webhookResponse };

		const items: INodeExecutionData[] = normalizeOutbound(message, messageIds, new Date()).map((json) => ({ json }));
		if (options.downloadMedia) await downloadMedia(this, items);
		return { webhookResponse, workflowData: [items] };
	}
}
