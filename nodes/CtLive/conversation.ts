/**
 * CTLive's part of conversations: a customer's message posted into CTLive waits for the agent's answer, which
 * CTLive posts to the CTLive Trigger for that customer (the destination). Both nodes hold the CTLive Webhook API
 * credential (the pair CTLive uses to call the trigger): its password signs the calls between them.
 */
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { TriggerEvent } from '../shared/trigger';

/** The CTLive Trigger's webhook path: CTLive calls `<n8n webhook base>/<webhookId>/ctlive`, waits are registered beside it. */
export const TRIGGER_PATH = 'ctlive';
export const WEBHOOK_CREDENTIAL = 'ctLiveWebhookApi';

/** Phone-like ids by their digits (CTLive may add or drop a +), anything else as written. */
export function customerKey(id: string): string {
	const value = id.trim();
	return /^\+?[\d\s().-]{6,}$/.test(value) ? `customer:${value.replace(/\D/g, '')}` : `customer:${value.toLowerCase()}`;
}

/** An agent's answer is for the customer it goes to. */
export function conversationKeys(event: TriggerEvent): string[] {
	const to = event.simplified.to ?? (event.raw.to as { phoneNumber?: unknown } | undefined)?.phoneNumber;
	return typeof to === 'string' && to.trim() !== '' ? [customerKey(to)] : [];
}

export const senderOf = (event: TriggerEvent): string | undefined => conversationKeys(event)[0];

export async function conversationSecret(context: IExecuteFunctions | IWebhookFunctions): Promise<string> {
	const { user, password } = (await context.getCredentials(WEBHOOK_CREDENTIAL)) as { user?: string; password?: string };
	return password ? `${user ?? ''}:${password}` : '';
}
