import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure } from '../../shared/failure';
import { runPool } from '../../shared/pool';
import type { NetcoreUser, UsersQuery } from '../api';
import { getUsersPage } from '../api';
import { channelCode } from '../channels';
import { MIN_USERS_PAGE, normalizeBotUserId, usersWindow } from '../fields';
import { listTranscripts, listUsers } from '../listing';
import { simplifyUser } from '../normalize';
import { transcriptMessages } from '../transcriptItems';

/**
 * What the polling trigger remembers in static data: the end of the last polled window and the users created
 * near it. Each poll re-reads a short overlap before the cursor (a user indexed a little late, or a server clock
 * slightly behind ours, is still found) and skips the users it already emitted there.
 */
export interface PollState {
	cursor?: string;
	/** Nothing older is ever emitted: the activation instant, or the user's start date. */
	floor?: string;
	recent?: string[];
}

export const OVERLAP_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;
const TRANSCRIPTS_AT_ONCE = 4;
/** How many of the newest users a manual "Fetch Test Event" shows. */
const SAMPLE_SIZE = 10;

export interface TriggerSettings {
	channelIds: number[];
	startDate?: string;
	includeTranscript: boolean;
	simplify: boolean;
}

const userKey = (user: NetcoreUser) => `${String(user.channelName ?? '')}:${String(user.userId)}`;
const createdMs = (user: NetcoreUser) => Date.parse(String(user.createdDate ?? ''));

/**
 * Users created since the last poll that were not emitted yet, and the state to keep once they are emitted
 * (the caller saves it only after the poll succeeded, so a failed poll is retried from the same point).
 */
export async function pollNewUsers(
	context: IPollFunctions,
	settings: TriggerSettings,
	state: PollState,
	now = new Date(),
): Promise<{ users: NetcoreUser[]; next: PollState }> {
	if (!state.cursor && !settings.startDate) {
		// First activation without a start date: start from now instead of flooding the workflow with history.
		return { users: [], next: { cursor: now.toISOString(), floor: now.toISOString(), recent: [] } };
	}
	const floor = state.floor ?? settings.startDate;
	const overlapStart = state.cursor ? new Date(Date.parse(state.cursor) - OVERLAP_MS).toISOString() : undefined;
	// The later of the two; at least one is set (checked above).
	const from = [overlapStart, floor].filter((date): date is string => date !== undefined).sort().at(-1) as string;
	// A Start Date still in the future: no user can exist yet, and a window that ends before it starts is refused.
	if (Date.parse(from) > now.getTime()) return { users: [], next: { cursor: now.toISOString(), floor, recent: state.recent ?? [] } };
	const users = await listUsers(context, { channelIds: settings.channelIds, startDate: from, endDate: now.toISOString() }, undefined, 0);
	const recent = new Set(state.recent ?? []);
	const fresh = users.filter((user) => !recent.has(userKey(user)));
	// Every user of this window, not only those created in the next overlap: the spec does not say which date
	// the call filters on, and a server filtering on the last interaction lists an old user again next poll.
	// Those created in the next overlap (or with an unreadable date) go last, so the bound never drops them.
	const nextOverlap = now.getTime() - OVERLAP_MS;
	const inNextOverlap = (user: NetcoreUser) => !(createdMs(user) < nextOverlap);
	const remembered = [...users.filter((user) => !inNextOverlap(user)), ...users.filter(inNextOverlap)].map(userKey);
	return { users: fresh, next: { cursor: now.toISOString(), floor, recent: remembered.slice(-MAX_REMEMBERED) } };
}

/**
 * The newest users, for the editor's "Fetch Test Event": the first and the last page (the spec does not say how
 * users are ordered), newest first. The window is the users since the Start Date (empty: every user) until now.
 */
export async function sampleUsers(context: IPollFunctions, settings: TriggerSettings, now = new Date()): Promise<NetcoreUser[]> {
	if (settings.startDate && Date.parse(settings.startDate) > now.getTime()) return [];
	const query: UsersQuery = { channelIds: settings.channelIds, ...usersWindow({ startDate: settings.startDate }, now) };
	const first = await getUsersPage(context, query, 1, MIN_USERS_PAGE, 0);
	const pages = Number(first.pages ?? 1);
	const last = pages > 1 ? await getUsersPage(context, query, pages, MIN_USERS_PAGE, 0) : { users: [] };
	const users = [...(first.users ?? []), ...(last.users ?? [])] as NetcoreUser[];
	const unique = [...new Map(users.map((user) => [userKey(user), user])).values()];
	return unique.sort((a, b) => (createdMs(b) || 0) - (createdMs(a) || 0)).slice(0, SAMPLE_SIZE);
}

/** Statuses that say nothing about one user: the session (401, after n8n's one refresh) or a busy server. */
const NOT_THE_USERS = new Set([401, 408, 429]);

/**
 * The error that should fail the poll, or undefined when a failed transcript read is this user's alone and will
 * fail again (a 4xx, an answer that is not a transcript, our own check of its content): then the user is emitted
 * with the reason, as failing the poll would block every later user for good. A failure without a status (the
 * network) or a 5xx, after the shared retries, fails the poll, so the same users are read again next time.
 */
function pollFailure(error: unknown): NodeApiError | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const status = describeFailure(error).status;
	return status === undefined || status >= 500 || NOT_THE_USERS.has(status) ? error : undefined;
}

const reasonOf = (error: unknown): string => {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return [message, description].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ') || String(error);
};

/** A user's transcript and custom fields, or `transcriptError` when it can never be read. */
async function transcriptOf(context: IPollFunctions, user: NetcoreUser, channelId: number | null, simplify: boolean): Promise<IDataObject> {
	if (channelId === null) {
		return { transcriptError: `Unknown channel "${String(user.channelName)}": choose only this user's channel under Channels to read its transcript` };
	}
	const botUserId = normalizeBotUserId(String(user.userId), channelId);
	if (botUserId === undefined) return { transcriptError: `The WhatsApp user ID "${String(user.userId)}" is not a phone number` };
	try {
		const transcript = await listTranscripts(context, { botUserId, channelId }, undefined, 0);
		return { customFields: transcript.customFields, transcript: transcriptMessages(transcript, { botUserId, channelId }, simplify) };
	} catch (error) {
		const failure = pollFailure(error);
		if (failure) throw failure;
		return { transcriptError: reasonOf(error) };
	}
}

/** Output rows for the users: simplified or raw, with each one's transcript when asked. */
export async function userRows(context: IPollFunctions, users: NetcoreUser[], settings: TriggerSettings): Promise<IDataObject[]> {
	const channelOf = (user: NetcoreUser) =>
		channelCode(user.channelName, settings.channelIds) ?? (settings.channelIds.length === 1 ? settings.channelIds[0] : null);
	const rows = users.map((user) => (settings.simplify ? simplifyUser(user, channelOf(user)) : { ...user }));
	if (!settings.includeTranscript) return rows;
	const results = await runPool(users, { concurrency: TRANSCRIPTS_AT_ONCE }, async (user) => await transcriptOf(context, user, channelOf(user), settings.simplify));
	// A transient failure fails the poll: the users stay unemitted and are read again next time.
	const failed = results.find((result) => result.status === 'rejected');
	if (failed) throw (failed as PromiseRejectedResult).reason;
	return rows.map((row, index) => ({ ...row, ...(results[index] as PromiseFulfilledResult<IDataObject>).value }));
}
