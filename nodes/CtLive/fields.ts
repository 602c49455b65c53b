import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../shared/errors';
import { maxConcurrentRequestsOption } from '../shared/execution';
import { idempotencyKeyOption } from '../shared/idempotency';
import { getParameter, optionsField, readPositiveInteger, readTimeZone, timeZoneOption, type Show } from '../shared/fields';
import { PROVIDER } from './api';
import { formatCtLiveTimestamp, toCtLiveTimestamp } from './values';

/** Parameters the CTLive operations share, and their validating readers. */

export const MAX_ITEMS_PER_REQUEST = 100;

const timeZone: INodeProperties = {
	...timeZoneOption(PROVIDER),
	description:
		'IANA time zone for dates given without an offset, as the date picker gives them. CTLive receives every date in UTC, as 2019-07-19T11:21:27.861+0000.',
};

const itemsPerRequest: INodeProperties = {
	displayName: 'Items per Request',
	name: 'itemsPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ITEMS_PER_REQUEST },
	default: 1,
	description:
		'How many input items go into one request, as entries of its "results" array. 1 sends one request per item; more saves requests, but a refused request fails all of its items.',
};

/** Every CTLive operation posts, so each has the same Options. */
export const sendOptionsField = (show: Show) => optionsField(show, [itemsPerRequest, maxConcurrentRequestsOption, idempotencyKeyOption, timeZone]);

export function stringField(
	name: string,
	displayName: string,
	description: string,
	show?: Show,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...(show ? { displayOptions: { show } } : {}), ...extra };
}

export function dateField(name: string, displayName: string, description: string, show?: Show): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description: `${description}. Empty means now.`, ...(show ? { displayOptions: { show } } : {}) };
}

/** Trimmed text, or undefined when empty. */
export function readOptionalString(context: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = getParameter(context, name, itemIndex, '');
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return text === '' ? undefined : text;
}

export const readDatesTimeZone = (context: IExecuteFunctions, itemIndex: number) => readTimeZone(context, itemIndex, PROVIDER);

/** A date parameter in CTLive's form; empty means now. */
export function readTimestamp(context: IExecuteFunctions, itemIndex: number, field: { name: string; displayName: string }, timeZoneName: string): string {
	const value = getParameter(context, field.name, itemIndex, '');
	if (value === '' || value === undefined || value === null) return formatCtLiveTimestamp(Date.now());
	try {
		return toCtLiveTimestamp(value, timeZoneName);
	} catch {
		throw invalidParameter(
			context.getNode(),
			field.displayName,
			`"${String(value)}" is not a date: use ISO 8601 (2019-07-19T11:21:27.861Z, with or without offset), CTLive's form (2019-07-19T11:21:27.861+0000) or epoch milliseconds, or leave it empty for now`,
			itemIndex,
		);
	}
}

/** Read once per node run: batching groups the items of one execution. */
export function readItemsPerRequest(context: IExecuteFunctions): number {
	const value = getParameter(context, 'options.itemsPerRequest', 0, 1);
	if (value === 1) return 1;
	return readPositiveInteger(context, 0, { name: 'options.itemsPerRequest', displayName: 'Items per Request', max: MAX_ITEMS_PER_REQUEST });
}
