import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { getManyMessages } from './getMany';

export const messageOperations: ResourceOperations = {
	getMany: getManyMessages,
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
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many messages of a conversation',
				description: 'Get the messages of one chat session',
			},
		],
		default: 'getMany',
	},
	...getManyMessages.description,
];
