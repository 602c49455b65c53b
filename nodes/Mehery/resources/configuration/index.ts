import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { getChannels } from './getChannels';
import { getGlobalVariables } from './getGlobalVariables';
import { setWebhook } from './setWebhook';

export const configurationOperations: ResourceOperations = {
	getChannels,
	getGlobalVariables,
	setWebhook,
};

export const configurationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['configuration'] } },
		options: [
			{ name: 'Get Channels', value: 'getChannels', action: 'Get channels', description: 'List the configured channels' },
			{ name: 'Get Global Variables', value: 'getGlobalVariables', action: 'Get global variables', description: 'List the account\'s global variables' },
			{ name: 'Set Webhook', value: 'setWebhook', action: 'Set the webhook URL', description: 'Set the URL Mehery posts notifications to' },
		],
		default: 'getChannels',
	},
	...getChannels.description,
	...getGlobalVariables.description,
	...setWebhook.description,
];
