import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isValidTimeZone } from '../shared/dates';
import { invalidParameter } from '../shared/errors';
import { formatCtLiveTimestamp, toCtLiveTimestamp } from './values';

/** Parameters the CTLive operations share, and their validating readers. */

type Show = Record<string, string[]>;

export const MAX_ITEMS_PER_REQUEST = 100;

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone of Dates Without Offset',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'Europe/Rome',
	description:
		"IANA time zone for dates given without an offset (as the date picker gives them); empty uses the workflow's time zone. CTLive receives every date in UTC, as 2019-07-19T11:21:27.861+0000.",
};

export const itemsPerRequestOption: INodeProperties = {
	displayName: 'Items per Request',
	name: 'itemsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ITEMS_PER_REQUEST },
	default: 1,
	description:
		'How many input items go into one request as entries of its "results" array. 1 sends one request per item; more saves requests, but a refused request fails all of its items.',
};

export function optionsField(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [itemsPerRequestOption, timeZoneOption],
	};
}

export function stringField(
	name: string,
	displayName: string,
	description: string,
	show: Show,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, displayOptions: { show }, ...extra };
}

export function readRequiredString(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number, hint: string): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw invalidParameter(context.getNode(), displayName, `must not be empty: ${hint}`, itemIndex);
	return value;
}

export function readOptionalString(context: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return value === '' ? undefined : value;
}

export function readTimeZone(context: IExecuteFunctions, itemIndex: number): string {
	const timeZone = String(context.getNodeParameter('options.timeZone', itemIndex, '') || context.getTimezone()).trim();
	if (!isValidTimeZone(timeZone)) {
		throw invalidParameter(
			context.getNode(),
			'Time Zone of Dates Without Offset',
			`"${timeZone}" is not an IANA time zone such as UTC, Europe/Rome or America/Sao_Paulo`,
			itemIndex,
		);
	}
	return timeZone;
}

/** A date parameter in CTLive's form; empty means now. */
export function readTimestamp(context: IExecuteFunctions, name: string, displayName: string, itemIndex: number, timeZone: string): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === undefined || value === null) return formatCtLiveTimestamp(Date.now());
	try {
		return toCtLiveTimestamp(value, timeZone);
	} catch {
		throw invalidParameter(
			context.getNode(),
			displayName,
			`"${String(value)}" is not a date: use ISO 8601 (2019-07-19T11:21:27.861Z, with or without offset), CTLive's form (2019-07-19T11:21:27.861+0000) or epoch milliseconds, or leave it empty for now`,
			itemIndex,
		);
	}
}

export function readItemsPerRequest(context: IExecuteFunctions): number {
	const value = Number(context.getNodeParameter('options.itemsPerRequest', 0, 1));
	if (!Number.isInteger(value) || value < 1 || value > MAX_ITEMS_PER_REQUEST) {
		throw invalidParameter(context.getNode(), 'Items per Request', `must be a whole number from 1 to ${MAX_ITEMS_PER_REQUEST}, got ${String(value)}`, 0);
	}
	return value;
}

export function dateField(name: string, displayName: string, description: string, show: Show): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description: `${description}. Empty means now.`, displayOptions: { show } };
}
