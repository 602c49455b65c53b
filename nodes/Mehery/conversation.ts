/**
 * Mehery's part of conversations: who a message is to or from (the key a wait is found by), the buttons a reply
 * may name, the reprompt message, and the secret both Mehery nodes hold (the account's API key).
 */
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { ReplyButton } from '../shared/conversation';
import type { TriggerEvent } from '../shared/trigger';
import { CREDENTIAL_TYPE } from './api';
import { buildOutboundMessage, type OutboundMessage } from './outbound';

/** The Mehery Trigger's webhook path: Mehery calls `<n8n webhook base>/<webhookId>/mehery`, waits are registered beside it. */
export const TRIGGER_PATH = 'mehery';

const digits = (value: string) => value.replace(/\D/g, '');

/** The key the trigger will find the reply under: the recipient as Send To addresses it. */
export function conversationOf(message: OutboundMessage): string {
	const { phone, contactId, email } = message.to;
	if (phone) return `phone:${digits(phone)}`;
	if (contactId) return `contact:${contactId}`;
	return `email:${String(email).toLowerCase()}`;
}

/** Every key a customer message can be found under: its phone number (or email) and its contact ID. */
export function conversationKeys(event: TriggerEvent): string[] {
	if (event.kind !== 'message') return [];
	const from = String(event.raw.from ?? '').trim();
	const keys: string[] = [];
	if (/^\+?[\d\s().-]{6,}$/.test(from)) keys.push(`phone:${digits(from)}`);
	else if (from.includes('@')) keys.push(`email:${from.toLowerCase()}`);
	if (event.raw.contactId !== undefined && event.raw.contactId !== null) keys.push(`contact:${String(event.raw.contactId)}`);
	return keys;
}

/** Whose burst a message belongs to (combining): the customer, by their first key. */
export const senderOf = (event: TriggerEvent): string | undefined => conversationKeys(event)[0];

/** Quick replies come back as the button's text. */
export function buttonsOf(message: OutboundMessage): ReplyButton[] {
	return message.buttons.filter((button) => button.type === 'QUICK_REPLY').map(({ code, name, label }) => ({ code, name, label }));
}

/** The reprompt: the text, to the same customer on the same channel, with the question's buttons. */
export function repromptOf(message: OutboundMessage, text: string): IDataObject {
	return buildOutboundMessage({ channelId: message.channelId, to: message.to, content: { type: 'text', body: text }, buttons: message.buttons, mask: false });
}

export async function conversationSecret(context: IExecuteFunctions | IWebhookFunctions): Promise<string> {
	const { apiKey } = (await context.getCredentials(CREDENTIAL_TYPE)) as { apiKey?: string };
	return apiKey ?? '';
}
