import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { IrisSession } from '../../api';
import { listSessions } from '../../api';
import { MAX_SESSIONS } from '../../fields';

/** IrisEngage has no paging, only a count: "all" asks for these counts in turn, the last one past the cap. */
const RETURN_ALL_WINDOWS = [100, 1_000, MAX_SESSIONS + 1];

/**
 * The newest `limit` sessions of a number, or every one when `limit` is undefined ("Return All"): the count
 * grows until IrisEngage returns fewer than asked, which proves we have them all (at most 3 calls).
 */
export async function listSessionsUpTo(
	context: IExecuteFunctions,
	mobileNumber: string,
	limit: number | undefined,
	itemIndex: number,
): Promise<IrisSession[]> {
	if (limit !== undefined) return await listSessions(context, mobileNumber, limit, itemIndex);
	let sessions: IrisSession[] = [];
	for (const window of RETURN_ALL_WINDOWS) {
		sessions = await listSessions(context, mobileNumber, window, itemIndex);
		if (sessions.length < window) return sessions;
	}
	throw new NodeOperationError(context.getNode(), `IrisEngage holds more than ${MAX_SESSIONS.toLocaleString('en-US')} conversations of ${mobileNumber}`, {
		itemIndex,
		description: `Return All stops there instead of returning only a part. Turn Return All off and set Session Count (up to ${MAX_SESSIONS.toLocaleString('en-US')}) to get the newest ones.`,
	});
}
