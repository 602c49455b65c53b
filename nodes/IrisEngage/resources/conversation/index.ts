import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { getConversationHistory } from './getHistory';
import { getManyConversations } from './getMany';

export const conversationOperations: ResourceOperations = {
	getMany: getManyConversations,
	getHistory: getConversationHistory,
};

export const conversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the conversation history of a number',
				description: 'Get the conversations of a mobile number together with all their messages',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many conversations of a number',
				description: 'List the most recent chat sessions of a mobile number',
			},
		],
		default: 'getMany',
	},
	...getManyConversations.description,
	...getConversationHistory.description,
];
