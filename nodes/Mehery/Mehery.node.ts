import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { receiveReply, replyOutputs, REPLY_WEBHOOKS, SEND_AND_WAIT } from '../shared/conversation';
import { dispatch } from '../shared/operation';
import { defineResources } from '../shared/resource';
import { conversationSecret } from './conversation';
import { searchChannels, searchTemplates } from './listSearch';
import { analytics } from './resources/analytics';
import { configuration } from './resources/configuration';
import { contact } from './resources/contact';
import { message } from './resources/message';
import { session } from './resources/session';

const resources = defineResources([message, session, configuration, contact, analytics], 'message');

export class Mehery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mehery',
		name: 'mehery',
		icon: { light: 'file:mehery.svg', dark: 'file:mehery.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send messages, route and close sessions, and configure Mehery XMS',
		defaults: { name: 'Mehery' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Send and Wait for Reply continues on Reply or, after its time limit, on No Reply.
		outputs: replyOutputs(SEND_AND_WAIT),
		credentials: [{ name: 'meheryXmsApi', required: true }],
		// Where the Mehery Trigger hands over the customer's reply (n8n's resume URL of the waiting execution).
		webhooks: REPLY_WEBHOOKS,
		properties: resources.properties,
	};

	methods = { listSearch: { searchChannels, searchTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receiveReply(this, await conversationSecret(this));
	}
}
