import { SEND_AND_WAIT, sendAndWaitOperation } from '../../../shared/conversation';
import { PROVIDER } from '../../api';
import { buttonsOf, conversationOf, conversationSecret, TRIGGER_PATH, repromptOf } from '../../conversation';
import { sendMessage } from './send';

/**
 * Message → Send and Wait for Reply: the message as Send sends it, then the execution waits for the customer's
 * next message, which reaches the Mehery Trigger of the chosen workflow (see shared/conversation).
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
