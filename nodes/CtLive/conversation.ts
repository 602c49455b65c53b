/**
 * CTLive's part of conversations that both sides share: a customer's message posted into CTLive waits for the
 * agent's answer, which CTLive posts to the CTLive Trigger for that customer (the destination). Both nodes hold
 * the CTLive Webhook API credential (the pair CTLive uses to call the trigger): its password signs the calls
 * between them.
 */
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** The CTLive Trigger's webhook path: CTLive calls `<n8n webhook base>/<webhookId>/ctlive`, waits are registered beside it. */
export const TRIGGER_PATH = 'ctlive';
export const WEBHOOK_CREDENTIAL = 'ctLiveWebhookApi';

/** Phone-like ids by their digits (CTLive may add or drop a +), anything else as written. */
export function customerKey(id: string): string {
	const value = id.trim();
	return /^\+?[\d\s().-]{6,}$/.test(value) ? `customer:${value.replace(/\D/g, '')}` : `customer:${value.toLowerCase()}`;
}

export async function conversationSecret(context: IExecuteFunctions | IWebhookFunctions): Promise<string> {
	const { user, password } = (await context.getCredentials(WEBHOOK_CREDENTIAL)) as { user?: string; password?: string };
	return password ? `${user ?? ''}:${password}` : '';
}
