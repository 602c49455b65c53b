import type { INodeProperties } from 'n8n-workflow';

import { keyValueOrJsonFields, type KeyValueOrJson } from '../../keyValueOrJson';
import { forTypes } from './sendDisplay';

/** Message → Send, type Template: an approved HSM template, its language and its placeholder values. */
/** The template's placeholder values: pairs (text) or JSON (types kept). */
export const TEMPLATE_DATA: KeyValueOrJson = {
	displayName: 'Template Data',
	modeName: 'templateDataMode',
	description: 'Values for the template placeholders',
	pairsDisplayName: 'Template Values',
	pairsName: 'templateData',
	keyPlaceholder: 'amount',
	jsonDisplayName: 'Template Data (JSON)',
	jsonName: 'templateDataJson',
	jsonDescription: 'An object whose keys are the template placeholders, e.g. {"amount": 10, "currency": "INR"}',
};

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
	...keyValueOrJsonFields(forTypes('template').show, TEMPLATE_DATA),
	{
		displayName: 'Linked',
		name: 'templateLinked',
		type: 'string',
		default: '',
		description:
			"Sent as the template's linked field, which Mehery's API requires but does not describe, so it always goes out: empty unless you set it. Leave it empty unless Mehery gives you a value.",
		displayOptions: forTypes('template'),
	},
];

