import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isValidTimeZone } from '../shared/dates';
import { invalidParameter } from '../shared/errors';
import { MAX_SESSIONS } from './sessions';

/** Parameters several IrisEngage operations share, and their validating readers. */

export const mobileNumberField: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobileNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '971569113820',
	description: 'Customer WhatsApp number in international format, digits only (a leading + and spaces are ignored)',
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return messages in the normalized chat-message shape with the markup parsed and dates in ISO 8601 UTC, instead of the raw API answer',
};

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone of IrisEngage Dates',
	name: 'timeZone',
	type: 'string',
	default: 'UTC',
	placeholder: 'Asia/Dubai',
	description:
		'IANA time zone in which your IrisEngage server writes its dates (they carry no offset). Dates are output in UTC.',
};

export function readMobileNumber(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('mobileNumber', itemIndex, '')).trim();
	const digits = value.replace(/^\+/, '').replace(/[\s()-]/g, '');
	if (!/^\d{4,20}$/.test(digits)) {
		throw invalidParameter(
			context.getNode(),
			'Mobile Number',
			`"${value}" is not a phone number. Use 4 to 20 digits in international format, e.g. 971569113820 (a leading + and spaces are allowed).`,
			itemIndex,
		);
	}
	return digits;
}

export function readPositiveInteger(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
	max: number,
): number {
	const value = Number(context.getNodeParameter(name, itemIndex));
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw invalidParameter(context.getNode(), displayName, `must be a whole number from 1 to ${max}, got ${String(value)}`, itemIndex);
	}
	return value;
}

export function readTimeZone(context: IExecuteFunctions, itemIndex: number): string {
	const timeZone = String(context.getNodeParameter('options.timeZone', itemIndex, 'UTC') || 'UTC').trim();
	if (!isValidTimeZone(timeZone)) {
		throw invalidParameter(
			context.getNode(),
			'Time Zone of IrisEngage Dates',
			`"${timeZone}" is not an IANA time zone such as UTC, Asia/Dubai or Europe/London`,
			itemIndex,
		);
	}
	return timeZone;
}

export const sessionCountField: INodeProperties = {
	displayName: 'Session Count',
	name: 'sessionCount',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10000 },
	default: 10,
	description: 'How many of the most recent conversations (chat sessions) to return',
};

/** Session Count, or the "Return All" bound when Return All is on. */
export function readSessionLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return MAX_SESSIONS;
	return readPositiveInteger(context, 'sessionCount', 'Session Count', itemIndex, MAX_SESSIONS);
}

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

/** Limit, or undefined when Return All is on. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return readPositiveInteger(context, 'limit', 'Limit', itemIndex, Number.MAX_SAFE_INTEGER);
}

type Show = Record<string, string[]>;

/** The "Options" collection every IrisEngage operation has, with the time zone and any extra options. */
export function optionsField(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...extra, timeZoneOption],
	};
}

/** Which conversations of which number: shared by Conversation → Get Many and Get History. */
export function conversationQueryFields(show: Show, simplifyDescription?: string): INodeProperties[] {
	return [
		{ ...mobileNumberField, displayOptions: { show } },
		{ ...returnAllField, displayOptions: { show } },
		{ ...sessionCountField, displayOptions: { show: { ...show, returnAll: [false] } } },
		{ ...simplifyField, ...(simplifyDescription ? { description: simplifyDescription } : {}), displayOptions: { show } },
	];
}

export interface ConversationQuery {
	mobileNumber: string;
	sessionLimit: number;
	simplify: boolean;
	timeZone: string;
}

export function readConversationQuery(context: IExecuteFunctions, itemIndex: number): ConversationQuery {
	return {
		mobileNumber: readMobileNumber(context, itemIndex),
		sessionLimit: readSessionLimit(context, itemIndex),
		simplify: context.getNodeParameter('simplify', itemIndex, true) as boolean,
		timeZone: readTimeZone(context, itemIndex),
	};
}
