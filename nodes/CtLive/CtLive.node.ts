import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { receiveReply, replyOutputs, REPLY_WEBHOOKS, SEND_AND_WAIT } from '../shared/conversation';
import { conversationSecret, WEBHOOK_CREDENTIAL } from './conversation';
import { ctLiveApiCredentialTest } from './credentialTest';
import { dispatch } from '../shared/operation';
import { defineResources } from '../shared/resource';
import { message } from './resources/message';
import { report } from './resources/report';

const resources = defineResources([message, report]);

export class CtLive implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CTLive',
		name: 'ctLive',
		icon: { light: 'file:ctlive.svg', dark: 'file:ctlive.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: "Act as a messaging channel of CTLive's contact centre: pass customer messages in, report deliveries back",
		defaults: { name: 'CTLive' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Send and Wait for Reply continues on Reply or, after its time limit, on No Reply.
		outputs: replyOutputs(SEND_AND_WAIT),
		credentials: [
			// CTLive has no read call for a request-based Test: the node's method tests the credential.
			{ name: 'ctLiveApi', required: true, testedBy: 'ctLiveApiCredentialTest' },
			// The pair CTLive calls the CTLive Trigger with: it signs what the node and the trigger tell each other.
			{ name: WEBHOOK_CREDENTIAL, required: true, displayOptions: { show: { operation: [SEND_AND_WAIT] } } },
		],
		// Where the CTLive Trigger hands over the agent's answer (n8n's resume URL of the waiting execution).
		webhooks: REPLY_WEBHOOKS,
		properties: resources.properties,
	};

	methods = { credentialTest: { ctLiveApiCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, resources.operations);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receiveReply(this, await conversationSecret(this));
	}
}
