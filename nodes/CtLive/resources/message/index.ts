import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { sendMessage } from './send';

export const messageOperations: ResourceOperations = {
	send: sendMessage,
};

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a customer message',
				description: "Pass a customer's text, image or document into CTLive's contact centre",
			},
		],
		default: 'send',
	},
	...sendMessage.description,
];
