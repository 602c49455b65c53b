/**
 * Whether n8n started the execution of a delivery, learnt from the status n8n answers it with: when a trigger
 * leaves the answer to n8n ("Respond: Immediately" semantics), n8n answers 200 only after it stored and started
 * the execution, and an error status when it could not (e.g. its database refused the write under overload).
 */
import type { IWebhookFunctions } from 'n8n-workflow';

interface Emitter {
	once(event: string, listener: () => void): unknown;
	statusCode?: number;
	socket?: { destroyed?: boolean } | null;
}

const responseOf = (context: IWebhookFunctions) => context.getResponseObject() as unknown as Emitter;

/**
 * Calls `settle(started)` once n8n ends its answer to this delivery. Node's ServerResponse emits 'prefinish' when
 * the answer is ended, also when the caller has already gone away (then 'finish' never comes, and 'close' came
 * early with the default status, so neither can tell); 'finish' is the fallback.
 */
export function settleOnAnswer(context: IWebhookFunctions, settle: (started: boolean) => void): void {
	const response = responseOf(context);
	let done = false;
	const decide = () => {
		if (done) return;
		done = true;
		const status = response.statusCode ?? 0;
		settle(status >= 200 && status < 300);
	};
	response.once('prefinish', decide);
	response.once('finish', decide);
}

/**
 * Waits for other deliveries' verdicts, or until this delivery's caller has gone away (true). No timer: each
 * verdict comes when n8n answers that delivery, which it always does (an error status at worst).
 */
export async function callerGoneBefore(context: IWebhookFunctions, verdicts: Array<Promise<void>>): Promise<boolean> {
	const response = responseOf(context);
	if (response.socket?.destroyed === true) return true;
	const gone = new Promise<true>((resolve) => response.once('close', () => resolve(true)));
	return await Promise.race([Promise.all(verdicts).then(() => false), gone]);
}
