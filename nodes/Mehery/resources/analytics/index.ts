import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { pushCustomerData } from './pushCustomerData';
import { pushCustomerEvent } from './pushCustomerEvent';

export const analyticsOperations: ResourceOperations = {
	pushCustomerData,
	pushCustomerEvent,
};

export const analyticsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{ name: 'Push Customer Data', value: 'pushCustomerData', action: 'Push customer data', description: 'Upload a customer (or other) record' },
			{ name: 'Push Customer Event', value: 'pushCustomerEvent', action: 'Push a customer event', description: 'Record an event of a customer' },
		],
		default: 'pushCustomerData',
	},
	...pushCustomerData.description,
	...pushCustomerEvent.description,
];
