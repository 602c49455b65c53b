import type { IDataObject } from 'n8n-workflow';

import type { ChatMessage } from '../shared/chatMessage';
import { toChatMessage } from '../shared/chatMessage';
import { parseProviderDate } from '../shared/dates';
import type { NetcoreTranscript, NetcoreUser } from './api';
import { describeRichContent } from './richContent';

/** Netcore writes ISO 8601 dates (`2019-08-24T14:15:22Z`); epoch milliseconds are tolerated as well. */
const NETCORE_DATE_FORMATS = ['ISO', 'epochMs'] as const;

/** An ISO 8601 UTC instant, or null when Netcore sent none we can read (its own text stays in `raw`). */
export function timestampOf(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	try {
		return parseProviderDate(value as string | number, NETCORE_DATE_FORMATS);
	} catch {
		return null;
	}
}

/** A date as ISO 8601 UTC; one we cannot read keeps Netcore's own text rather than being dropped. */
export function netcoreDate(value: unknown): string | null {
	const timestamp = timestampOf(value);
	return timestamp ?? (value === null || value === undefined || value === '' ? null : String(value));
}

/** A bot user with camelCase keys (the API's `first interacted date` has spaces) and ISO 8601 UTC dates. */
export function simplifyUser(user: NetcoreUser, channelId: number | null): IDataObject {
	return {
		userId: String(user.userId),
		userName: user.userName ?? null,
		channelName: user.channelName ?? null,
		channelId,
		createdDate: netcoreDate(user.createdDate),
		firstInteractedDate: netcoreDate(user['first interacted date']),
		lastInteractedDate: netcoreDate(user['last interacted date']),
	};
}

export interface TranscriptOwner {
	botUserId: string;
	channelId: number;
}

/**
 * Transcript entries carry no id of their own; this one is stable across runs: channel, bot user and creation
 * time, plus a counter for entries created in the same instant (in the order Netcore lists them).
 */
export function transcriptIds(entries: NetcoreTranscript[], owner: TranscriptOwner): string[] {
	const repeats = new Map<string, number>();
	return entries.map((entry) => {
		const stamp = String(entry.createdAt ?? '');
		const seen = repeats.get(stamp) ?? 0;
		repeats.set(stamp, seen + 1);
		return `${owner.channelId}:${owner.botUserId}:${stamp}${seen > 0 ? `#${seen}` : ''}`;
	});
}

/**
 * One transcript entry as the normalized chat message, plus `content`: the entry's rich object (card, order,
 * form...) as Netcore sent it, so a type the summary cannot express loses nothing. `from: "User"` is inbound.
 */
export function simplifyTranscript(entry: NetcoreTranscript, owner: TranscriptOwner, messageId: string): ChatMessage & { content: IDataObject | null } {
	const inbound = String(entry.from ?? '').toLowerCase() === 'user';
	const content = (typeof entry.type === 'string' ? (entry[entry.type] ?? null) : null) as IDataObject | null;
	// An entry without a readable createdAt (or updatedAt) keeps an empty time rather than an invented one.
	const timestamp = timestampOf(entry.createdAt) ?? timestampOf(entry.updatedAt);
	const message = toChatMessage({
		provider: 'netcore',
		direction: inbound ? 'inbound' : 'outbound',
		messageId,
		conversationId: owner.botUserId,
		from: inbound ? owner.botUserId : null,
		to: inbound ? null : owner.botUserId,
		contactName: null,
		...describeRichContent(entry.type, content),
		timestamp,
		raw: entry,
	});
	return { ...message, content };
}
