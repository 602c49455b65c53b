import type { IExecuteFunctions } from 'n8n-workflow';

import type { IrisSession } from './api';
import { listSessions } from './api';

/** "Return All" upper bound: IrisEngage has no paging, only a count, so we ask for growing counts. */
export const MAX_SESSIONS = 10_000;
const FIRST_WINDOW = 100;

/**
 * The newest `limit` sessions of a number. For "all" (limit = MAX_SESSIONS) the count grows 10x per call until
 * IrisEngage returns fewer than asked, which proves we have them all: at most 3 calls.
 */
export async function listSessionsUpTo(
	context: IExecuteFunctions,
	mobileNumber: string,
	limit: number,
	itemIndex: number,
): Promise<IrisSession[]> {
	if (limit < MAX_SESSIONS) return await listSessions(context, mobileNumber, limit, itemIndex);
	for (let window = FIRST_WINDOW; ; window = Math.min(window * 10, MAX_SESSIONS)) {
		const sessions = await listSessions(context, mobileNumber, window, itemIndex);
		if (sessions.length < window || window >= MAX_SESSIONS) return sessions.slice(0, MAX_SESSIONS);
	}
}
