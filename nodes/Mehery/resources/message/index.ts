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
				action: 'Send a message',
				description: 'Send a text, media, location, contact card or template message, with optional buttons',
			},
		],
		default: 'send',
	},
	...sendMessage.description,
];
