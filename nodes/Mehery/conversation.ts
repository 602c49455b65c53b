/**
 * Mehery's part of conversations that both sides share: the trigger's path (waits are registered beside it), the
 * keys a customer is known by (the send side names the recipient, the trigger finds the sender, by the same key),
 * and the secret both Mehery nodes hold (the account's API key).
 */
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './api';

/** The Mehery Trigger's webhook path: Mehery calls `<n8n webhook base>/<webhookId>/mehery`, waits are registered beside it. */
export const TRIGGER_PATH = 'mehery';

export const phoneKey = (phone: string) => `phone:${phone.replace(/\D/g, '')}`;
export const emailKey = (email: string) => `email:${email.toLowerCase()}`;
export const contactKey = (contactId: string) => `contact:${contactId}`;

export async function conversationSecret(context: IExecuteFunctions | IWebhookFunctions): Promise<string> {
	const { apiKey } = (await context.getCredentials(CREDENTIAL_TYPE)) as { apiKey?: string };
	return apiKey ?? '';
}
