import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../shared/errors';
import type { LimitSpec, Show } from '../shared/fields';
import { limitField, readLimit, readSimplify, readTimeZone, returnAllField, simplifyField } from '../shared/fields';
import { readPhoneDigits } from '../shared/phone';
import { PROVIDER } from './api';

/** The most sessions "Return All" returns; more is an error, never a silent cut. */
export const MAX_SESSIONS = 10_000;

/** Parameters only IrisEngage has, and their validating readers; the generic ones live in nodes/shared/fields. */

export const mobileNumberField: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobileNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '971569113820',
	description: 'Customer WhatsApp number in international format (a leading + or 00, spaces and dashes are ignored)',
};

export function readMobileNumber(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('mobileNumber', itemIndex, '')).trim();
	return readPhoneDigits(value, '971569113820', (problem) => invalidParameter(context.getNode(), 'Mobile Number', problem, itemIndex));
}

/** IrisEngage's "limit" is a count of sessions. */
const sessionCount: LimitSpec = {
	name: 'sessionCount',
	displayName: 'Session Count',
	description: 'How many of the most recent conversations (chat sessions) to return',
	default: 10,
	max: MAX_SESSIONS,
};

export const SIMPLIFY_MESSAGES =
	'Whether to return messages in the normalized chat-message shape with the markup parsed and dates in ISO 8601 UTC, instead of the raw API answer';

/** Which conversations of which number: shared by Conversation → Get Many and Get History. */
export function conversationQueryFields(show: Show, simplifyDescription = SIMPLIFY_MESSAGES): INodeProperties[] {
	return [
		{ ...mobileNumberField, displayOptions: { show } },
		returnAllField(show),
		limitField(show, sessionCount),
		simplifyField(show, simplifyDescription),
	];
}

export interface ConversationQuery {
	mobileNumber: string;
	/** Undefined when Return All is on. */
	sessionLimit: number | undefined;
	simplify: boolean;
	timeZone: string;
}

export function readConversationQuery(context: IExecuteFunctions, itemIndex: number): ConversationQuery {
	return {
		mobileNumber: readMobileNumber(context, itemIndex),
		sessionLimit: readLimit(context, itemIndex, sessionCount),
		simplify: readSimplify(context, itemIndex),
		timeZone: readTimeZone(context, itemIndex, PROVIDER),
	};
}
