/**
 * n8n saves a trigger's static data only when its webhook call ends, and the call that collects a burst ends with
 * the burst. So that the burst's first message is in n8n's database at once (a restart then does not lose it),
 * that call asks the trigger's own endpoint to save: a short call of its own, which merges this process's memory
 * into its copy of static data and ends at once. Best effort: if it fails, the burst is saved when it ends.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { CONVERSATION_WEBHOOK } from '../conversation/endpoint';
import { postSigned } from '../conversation/signature';

export async function persistNow(context: IWebhookFunctions, secret: string): Promise<void> {
	const url = context.getNodeWebhookUrl(CONVERSATION_WEBHOOK);
	if (!url || !secret) return;
	try {
		await postSigned(context.helpers, { url, secret, body: JSON.stringify({ action: 'sync' }), timeoutMs: 5_000 });
	} catch {
		// Not reachable from here (n8n's own WEBHOOK_URL): the burst is saved when its call ends.
	}
}
