/**
 * The trigger hands a reply to the waiting execution through n8n's own resume URL (which carries n8n's token),
 * signed with the credential secret so the waiting node knows it comes from our trigger.
 *
 * n8n answers 2xx once it has taken the execution over (it claims it atomically: a second resumer, or n8n's own
 * time-limit timer, gets an error instead). A 409 "running" means the execution has registered its wait but not
 * yet stopped to wait: that is retried, for a bounded time and never past the time limit. Anything else (404 gone,
 * 409 finished, an error) means nobody waits any more: the message then starts a normal execution.
 */
import type { IDataObject, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { describeFailure } from '../failure';
import { postSigned } from './signature';
import type { ResumeBody, WaitRegistration } from './types';

/** How long after registering a wait "still running" is worth waiting for. */
const RUNNING_RETRY_MS = 30_000;
const MAX_ATTEMPTS = 40;

export type ResumeOutcome = 'resumed' | 'notWaiting';

const backoff = (attempt: number) => Math.min(2_000, 100 * 2 ** attempt);

function isStillRunning(response: IN8nHttpFullResponse): boolean {
	const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	return response.statusCode === 409 && /running/i.test(text);
}

export async function resumeWait(context: IWebhookFunctions, wait: WaitRegistration, reply: IDataObject, secret: string): Promise<ResumeOutcome> {
	const body = JSON.stringify({ waitId: wait.id, reply } satisfies ResumeBody);
	const retryUntil = Math.min(wait.registeredAt + RUNNING_RETRY_MS, wait.expiresAt);
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = await postSigned(context.helpers, { url: wait.resumeUrl, secret, body });
		} catch (error) {
			// Refused: n8n is not listening at that address right now (restarting); nothing was taken.
			if (describeFailure(error).code === 'ECONNREFUSED' && Date.now() < retryUntil) {
				await sleep(backoff(attempt));
				continue;
			}
			if (describeFailure(error).code === 'ECONNREFUSED') return 'notWaiting';
			// A reset or timeout after the call went out: n8n may have resumed it. Starting another execution
			// for the same message could answer the customer twice, so it counts as handed over.
			return 'resumed';
		}
		if (response.statusCode >= 200 && response.statusCode < 300) return 'resumed';
		if (isStillRunning(response) && Date.now() < retryUntil) {
			await sleep(backoff(attempt));
			continue;
		}
		return 'notWaiting';
	}
	return 'notWaiting';
}
