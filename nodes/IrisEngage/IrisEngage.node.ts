import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { conversationDescription, conversationOperations } from './resources/conversation';
import { messageDescription, messageOperations } from './resources/message';

export class IrisEngage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IrisEngage',
		name: 'irisEngage',
		icon: { light: 'file:irisengage.svg', dark: 'file:irisengage.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read WhatsApp conversation history from IrisEngage',
		defaults: { name: 'IrisEngage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'irisEngageApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Message', value: 'message' },
				],
				default: 'conversation',
			},
			...conversationDescription,
			...messageDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, { conversation: conversationOperations, message: messageOperations });
	}
}
