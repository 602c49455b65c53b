import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../shared/errors';
import type { LimitSpec, Show } from '../shared/fields';
import { limitField, readLimit, readSimplify, readTimeZone, returnAllField, simplifyField } from '../shared/fields';
import { PROVIDER } from './api';
import { MAX_SESSIONS } from './sessions';

/** Parameters only IrisEngage has, and their validating readers; the generic ones live in nodes/shared/fields. */

export const mobileNumberField: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobileNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '971569113820',
	description: 'Customer WhatsApp number in international format, digits only (a leading + and spaces are ignored)',
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
