import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from '../shared/operation';
import { searchChannels, searchTemplates } from './listSearch';
import { analyticsDescription, analyticsOperations } from './resources/analytics';
import { configurationDescription, configurationOperations } from './resources/configuration';
import { contactDescription, contactOperations } from './resources/contact';
import { messageDescription, messageOperations } from './resources/message';
import { sessionDescription, sessionOperations } from './resources/session';

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
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'meheryXmsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Analytics', value: 'analytics' },
					{ name: 'Configuration', value: 'configuration' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Message', value: 'message' },
					{ name: 'Session', value: 'session' },
				],
				default: 'message',
			},
			...messageDescription,
			...sessionDescription,
			...configurationDescription,
			...contactDescription,
			...analyticsDescription,
		],
	};

	methods = { listSearch: { searchChannels, searchTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dispatch(this, {
			message: messageOperations,
			session: sessionOperations,
			configuration: configurationOperations,
			contact: contactOperations,
			analytics: analyticsOperations,
		});
	}
}
