import type { IDataObject } from 'n8n-workflow';

import { SEND_AND_WAIT, sendAndWaitOperation, type ReplyButton } from '../../../shared/conversation';
import { PROVIDER } from '../../api';
import { contactKey, conversationSecret, emailKey, phoneKey, TRIGGER_PATH } from '../../conversation';
import { buildOutboundMessage, type OutboundMessage } from './outbound';
import { sendMessage } from './send';

/** The key the trigger will find the reply under: the recipient as Send To addresses it. */
function conversationOf({ to }: OutboundMessage): string {
	if (to.phone) return phoneKey(to.phone);
	if (to.contactId) return contactKey(to.contactId);
	return emailKey(String(to.email));
}

/** Quick replies come back as the button's text. */
const buttonsOf = (message: OutboundMessage): ReplyButton[] =>
	message.buttons.filter((button) => button.type === 'QUICK_REPLY').map(({ code, name, label }) => ({ code, name, label }));

/** The reprompt: the text, to the same customer on the same channel, with the question's buttons. */
const repromptOf = (message: OutboundMessage, text: string): IDataObject =>
	buildOutboundMessage({ channelId: message.channelId, to: message.to, content: { type: 'text', body: text }, buttons: message.buttons, mask: false });

/**
 * Message → Send and Wait for Reply: the message as Send sends it, then the execution waits for the customer's
 * next message, which reaches the Mehery Trigger of this workflow or of another (see shared/conversation).
 */
export const sendAndWaitForReply = sendAndWaitOperation(
	sendMessage,
	{ resource: ['message'], operation: [SEND_AND_WAIT] },
	{
		provider: PROVIDER,
		triggerName: 'Mehery Trigger',
		triggerPath: TRIGGER_PATH,
		buttons: true,
		reprompt: true,
		secret: conversationSecret,
		conversationOf,
		buttonsOf,
		repromptOf,
	},
	{
		name: 'Send and Wait for Reply',
		action: 'Send a message and wait for the reply',
		description: "Send any message (buttons included), then continue with the customer's reply, or on No Reply after the time limit",
	},
);
