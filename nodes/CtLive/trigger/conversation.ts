/** Whose answer a delivery is, for conversations: an agent's answer is for the customer it goes to. */
import type { TriggerEvent } from '../../shared/trigger';
import { customerKey } from '../conversation';

export function conversationKeys(event: TriggerEvent): string[] {
	const to = event.simplified.to ?? (event.raw.to as { phoneNumber?: unknown } | undefined)?.phoneNumber;
	return typeof to === 'string' && to.trim() !== '' ? [customerKey(to)] : [];
}

/** Whose burst an answer belongs to (combining): the customer it goes to. */
export const senderOf = (event: TriggerEvent): string | undefined => conversationKeys(event)[0];
