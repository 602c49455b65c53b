import type { INodeProperties } from 'n8n-workflow';

import { entry, forTypes, show } from './sendDisplay';

/** Message → Send, type Template: an approved HSM template, its language and its placeholder values. */
export const templateFields: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'An HSM template approved for the channel',
		displayOptions: forTypes('template'),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTemplates', searchable: true } },
			{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'FEEDBACK' },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '60d236c6142e53561cb7716c' },
		],
	},
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'string',
		default: '',
		placeholder: 'en_US',
		description: 'Which language version of the template to send; empty lets Mehery pick',
		displayOptions: forTypes('template'),
	},
	{
		displayName: 'Template Data',
		name: 'templateDataMode',
		type: 'options',
		default: 'keyValue',
		description: 'Values for the template placeholders',
		displayOptions: forTypes('template'),
		options: [
			{ name: 'Key-Value Pairs', value: 'keyValue' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Template Values',
		name: 'templateData',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		displayOptions: { show: { ...show, messageType: ['template'], templateDataMode: ['keyValue'] } },
		options: [
			entry('values', 'Value', [
				{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'amount' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			]),
		],
	},
	{
		displayName: 'Template Data (JSON)',
		name: 'templateDataJson',
		type: 'json',
		default: '{}',
		description: 'An object whose keys are the template placeholders, e.g. {"amount": 10, "currency": "INR"}',
		displayOptions: { show: { ...show, messageType: ['template'], templateDataMode: ['json'] } },
	},
];

