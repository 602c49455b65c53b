import type { IDataObject } from 'n8n-workflow';

import type { Transcript } from './listing';
import type { TranscriptOwner } from './normalize';
import { simplifyTranscript, transcriptIds } from './normalize';

/** The entries of a transcript as output rows: normalized chat messages with Simplify on, else as Netcore sent them. */
export function transcriptMessages(transcript: Transcript, owner: TranscriptOwner, simplify: boolean): IDataObject[] {
	if (!simplify) return transcript.entries;
	const ids = transcriptIds(transcript.entries, owner);
	return transcript.entries.map((entry, index) => simplifyTranscript(entry, owner, ids[index]) as unknown as IDataObject);
}

/**
 * One row per entry. The bot user's custom fields come once, on the first row (`customFields`, or Netcore's own
 * `botUser` with Simplify off), instead of being repeated on thousands of rows.
 */
export function oneRowPerMessage(transcript: Transcript, owner: TranscriptOwner, simplify: boolean): IDataObject[] {
	const rows = transcriptMessages(transcript, owner, simplify);
	if (rows.length === 0) return [];
	const extra = simplify ? { customFields: transcript.customFields } : { botUser: { customFields: transcript.customFields } };
	return [{ ...rows[0], ...extra }, ...rows.slice(1)];
}

/** The whole transcript in one row: the bot user, its custom fields, and its messages. */
export function oneRowPerBotUser(transcript: Transcript, owner: TranscriptOwner, simplify: boolean): IDataObject {
	const messages = transcriptMessages(transcript, owner, simplify);
	return { ...owner, customFields: transcript.customFields, messageCount: messages.length, messages };
}
