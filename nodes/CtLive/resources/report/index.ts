import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { sendDeliveryReport } from './sendDelivery';
import { sendSeenReport } from './sendSeen';

export const reportOperations: ResourceOperations = {
	sendDelivery: sendDeliveryReport,
	sendSeen: sendSeenReport,
};

export const reportDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Send Delivery Report',
				value: 'sendDelivery',
				action: 'Send a delivery report',
				description: 'Tell CTLive the delivery status of a message its agent sent',
			},
			{
				name: 'Send Seen Report',
				value: 'sendSeen',
				action: 'Send a seen report',
				description: 'Tell CTLive the customer saw a message its agent sent',
			},
		],
		default: 'sendDelivery',
	},
	...sendDeliveryReport.description,
	...sendSeenReport.description,
];
