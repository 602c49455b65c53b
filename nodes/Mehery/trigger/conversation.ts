/** Whose message a delivery is, for conversations: the keys a waiting reply is found by, and whose burst it joins. */
import type { TriggerEvent } from '../../shared/trigger';
import { contactKey, emailKey, phoneKey } from '../conversation';

/** Every key a customer message can be found under: its phone number (or email) and its contact ID. */
export function conversationKeys(event: TriggerEvent): string[] {
	if (event.kind !== 'message') return [];
	const from = String(event.raw.from ?? '').trim();
	const keys: string[] = [];
	if (/^\+?[\d\s().-]{6,}$/.test(from)) keys.push(phoneKey(from));
	else if (from.includes('@')) keys.push(emailKey(from));
	if (event.raw.contactId !== undefined && event.raw.contactId !== null) keys.push(contactKey(String(event.raw.contactId)));
	return keys;
}

/** Whose burst a message belongs to (combining): the customer, by their first key. */
export const senderOf = (event: TriggerEvent): string | undefined => conversationKeys(event)[0];
