import type { IDataObject } from 'n8n-workflow';

import type { ChatMessage } from '../shared/chatMessage';
import { toChatMessage } from '../shared/chatMessage';
import { parseProviderDate } from '../shared/dates';
import type { IrisMessage, IrisSession } from './api';
import { describeMarkup, parseMarkup } from './markup';

function textOrNull(value: string | number | null | undefined): string | null {
	return value === null || value === undefined ? null : String(value);
}

/** IrisEngage writes dates two ways: `08-15-2023 07:39:17 PM` (sessions) and `2023-08-15 07:39:17 PM` (messages). */
const IRIS_DATE_FORMATS = ['MM-DD-YYYY hh:mm:ss A', 'YYYY-MM-DD hh:mm:ss A', 'ISO'] as const;

export function irisDate(value: string, timeZone: string): string {
	return parseProviderDate(value, IRIS_DATE_FORMATS, timeZone);
}

/** A session as a conversation summary with an ISO date; the raw fields stay available with Simplify off. */
export function simplifySession(session: IrisSession, mobileNumber: string, timeZone: string): IDataObject {
	return {
		conversationId: String(session.requestId),
		mobileNumber,
		channel: session.channelName ?? null,
		status: session.chatStatus ?? null,
		startedAt: irisDate(session.requestedDate, timeZone),
	};
}

/**
 * The normalized chat message, plus `content`: the parsed markup tree, so unknown tags are never lost.
 * `conversationId` is the request ID the messages were fetched by, not the message's own `id` (the same GUID in
 * lower case), so message items join with conversation items and the id works as Conversation ID again.
 */
export function simplifyMessage(
	message: IrisMessage,
	conversationId: string,
	timeZone: string,
): ChatMessage & { content: IDataObject[] } {
	const { content, ...summary } = describeMarkup(parseMarkup(message.message ?? ''));
	const inbound = message.direction.toLowerCase() === 'inbound';
	const customer = textOrNull(message.customerNumber);
	const business = message.botId ?? null;
	const normalized = toChatMessage({
		provider: 'irisengage',
		direction: inbound ? 'inbound' : 'outbound',
		messageId: String(message.messageId),
		conversationId,
		from: inbound ? customer : business,
		to: inbound ? business : customer,
		contactName: message.customerName || null,
		...summary,
		timestamp: irisDate(message.createdDate, timeZone),
		raw: message,
	});
	return { ...normalized, content: content as unknown as IDataObject[] };
}
