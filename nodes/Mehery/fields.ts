import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../shared/errors';

/** Parameters several Mehery operations share, and their validating readers. */

type Show = Record<string, string[]>;

/** A channel: picked from the account's channels (searchable), or typed as an ID. */
export function channelField(show: Show, options: { required: boolean; description?: string }): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channelId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required,
		description: options.description ?? 'The channel (business number, bot or inbox) to use',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchChannels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'wa360:919999998888',
			},
		],
	};
}

/** The channel ID, trimmed; empty is refused when the channel is required. */
export function readChannelId(context: IExecuteFunctions, itemIndex: number, required: boolean): string {
	const value = String(context.getNodeParameter('channelId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (required && !value) {
		throw invalidParameter(context.getNode(), 'Channel', 'must not be empty: pick a channel from the list or give its ID, e.g. wa360:919999998888', itemIndex);
	}
	return value;
}

export function sessionIdField(show: Show, description = "The session ID: a Mehery Trigger message's conversationId (session.sessionId with Simplify off)"): INodeProperties {
	return {
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '61f3810a02e14c0877fc1a32',
		description,
		displayOptions: { show },
	};
}

export function readSessionId(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('sessionId', itemIndex, '')).trim();
	if (!value) throw invalidParameter(context.getNode(), 'Session ID', 'must not be empty: give the session ID from an inbound message', itemIndex);
	return value;
}

/** A required, non-empty text parameter. */
export function readRequiredText(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number, hint: string): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw invalidParameter(context.getNode(), displayName, `must not be empty: ${hint}`, itemIndex);
	return value;
}

/** A JSON object parameter (n8n hands over a string or an already parsed object). */
export function readJsonObject(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number): Record<string, unknown> {
	const raw = context.getNodeParameter(name, itemIndex, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidParameter(context.getNode(), displayName, `is not valid JSON (${(error as Error).message}); give an object such as {"amount": 10}`, itemIndex);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidParameter(context.getNode(), displayName, 'must be a JSON object such as {"amount": 10}', itemIndex);
	}
	return value as Record<string, unknown>;
}

/** Key/value pairs from a fixedCollection `{ values: [{ key, value }] }`; empty or repeated keys are refused. */
export function readKeyValues(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number): Record<string, string> {
	const collection = context.getNodeParameter(name, itemIndex, {}) as { values?: Array<{ key?: string; value?: unknown }> };
	const result: Record<string, string> = {};
	for (const [position, pair] of (collection.values ?? []).entries()) {
		const key = String(pair.key ?? '').trim();
		if (!key) throw invalidParameter(context.getNode(), displayName, `pair ${position + 1} has no key`, itemIndex);
		if (key in result) throw invalidParameter(context.getNode(), displayName, `the key "${key}" is given twice`, itemIndex);
		result[key] = String(pair.value ?? '');
	}
	return result;
}

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
