import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { setContactLanguage } from './setLanguage';

export const contactOperations: ResourceOperations = {
	setLanguage: setContactLanguage,
};

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Set Language', value: 'setLanguage', action: 'Set the language of a contact', description: 'Set the language Mehery uses with a contact' },
		],
		default: 'setLanguage',
	},
	...setContactLanguage.description,
];
