import { SEND_AND_WAIT, sendAndWaitOperation } from '../../../shared/conversation';
import { PROVIDER } from '../../api';
import { conversationSecret, customerKey, TRIGGER_PATH } from '../../conversation';
import { sendMessage } from './send';

/**
 * Message → Send and Wait for Reply: the customer's message posted into CTLive as Send posts it, then the execution
 * waits for the agent's answer to that customer, which CTLive posts to the CTLive Trigger of the chosen workflow.
 */
export const sendAndWaitForReply = sendAndWaitOperation(
	sendMessage,
	{ resource: ['message'], operation: [SEND_AND_WAIT] },
	{
		provider: PROVIDER,
		triggerName: 'CTLive Trigger',
		triggerPath: TRIGGER_PATH,
		buttons: false,
		reprompt: false,
		secret: conversationSecret,
		conversationOf: ({ entry }) => customerKey(entry.from),
	},
	{
		name: 'Send and Wait for Reply',
		action: "Send a customer message and wait for the agent's answer",
		description: "Post a customer's message into CTLive, then continue with the agent's answer to that customer, or on No Reply after the time limit",
	},
);
