/**
 * Conversations: "Send and Wait for Reply" (a node asks, the execution waits, the provider's trigger hands it the
 * customer's reply) and the trigger's side of it. See the README section "Send and Wait for Reply".
 * - ask: the waiting operation built from a provider's Send; waiting: its restart webhook and time limit
 * - endpoint: the trigger's endpoint where waits are registered; publish: how a waiting node finds it
 * - route: replies handed to waiting executions
 */
export { SEND_AND_WAIT, sendAndWaitOperation, type AskOperation, type AskSpec } from './ask';
export { CONVERSATION_WEBHOOK, conversationWebhook, receiveConversationCall } from './endpoint';
export { publishConversationEndpoint } from './publish';
export type { ConversationRouting } from './route';
export type { ReplyButton, WaitRegistration } from './types';
export { receiveReply, replyOutputs, REPLY_WEBHOOKS } from './waiting';
