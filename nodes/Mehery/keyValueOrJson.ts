import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readJsonObject, readKeyValues } from './fields';

type Show = Record<string, string[]>;

/** An object the user gives either as key/value pairs or as JSON (template data, a pushed record's data). */
export interface KeyValueOrJson {
	/** The mode selector: its display name and parameter name. */
	displayName: string;
	modeName: string;
	/** The key/value fixedCollection. */
	pairsDisplayName: string;
	pairsName: string;
	/** The JSON field. */
	jsonDisplayName: string;
	jsonName: string;
	description?: string;
	keyPlaceholder: string;
	jsonDescription?: string;
}

export function keyValueOrJsonFields(show: Show, spec: KeyValueOrJson): INodeProperties[] {
	return [
		{
			displayName: spec.displayName,
			name: spec.modeName,
			type: 'options',
			default: 'keyValue',
			description: spec.description,
			displayOptions: { show },
			options: [
				{ name: 'Key-Value Pairs', value: 'keyValue' },
				{ name: 'JSON', value: 'json' },
			],
		},
		{
			displayName: spec.pairsDisplayName,
			name: spec.pairsName,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Value',
			default: {},
			displayOptions: { show: { ...show, [spec.modeName]: ['keyValue'] } },
			options: [
				{
					name: 'values',
					displayName: 'Value',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: spec.keyPlaceholder },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: spec.jsonDisplayName,
			name: spec.jsonName,
			type: 'json',
			default: '{}',
			description: spec.jsonDescription,
			displayOptions: { show: { ...show, [spec.modeName]: ['json'] } },
		},
	];
}

/** The object, validated: a JSON object (types kept), or the pairs as strings with no empty or repeated key. */
export function readKeyValueOrJson(context: IExecuteFunctions, spec: KeyValueOrJson, itemIndex: number): IDataObject {
	if (context.getNodeParameter(spec.modeName, itemIndex, 'keyValue') === 'json') {
		return readJsonObject(context, spec.jsonName, spec.jsonDisplayName, itemIndex) as IDataObject;
	}
	return readKeyValues(context, spec.pairsName, spec.pairsDisplayName, itemIndex);
}
