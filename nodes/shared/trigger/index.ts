/**
 * The trigger core: what every webhook trigger of this package is built from.
 * - receiveWebhook: the whole `webhook()` (auth, body check, split, filter, dedupe, answer, bursts, replies to
 *   waiting executions, media, items); the answer to a delivery that starts an execution is n8n's, once the
 *   execution is stored (./verdict), unless something slow comes first
 * - webhookRegistration: `webhookMethods` for providers that register webhooks by API
 * - the parts, for triggers that need them alone: verifyWebhookAuth, readDelivery, downloadMedia, unreachableReason
 */
export { sealAuth, verifyWebhookAuth, type AuthOutcome, type WebhookAuth } from './auth';
export { type IdDedupe, type PayloadDedupe } from './claims';
export { CREDENTIAL_TTL_MS, credentialAuth, type CredentialAuth } from './credentialAuth';
export { readDelivery, type DeliveryCheck } from './body';
export { combineMessagesOption, readCombine } from './combine';
export { DEFAULT_MAX_MEDIA_BYTES, downloadMedia, type MediaDownloadOptions, type MediaToDownload } from './media';
export { CHAT_TRIGGER_VERSIONS, mediaDownloadOptions, readMediaDownload } from './mediaOptions';
export { isLocalHost, unreachableReason, WEBHOOK_URL_HINT, webhookRefusal } from './reachability';
export { receiveWebhook, triggerScope, type CombineSpec, type DeliverySummary, type TriggerEvent, type WebhookAnswer, type WebhookTriggerSpec } from './receive';
export { parameterFields, type ParameterFunction } from './webhookFields';
export { webhookRegistration, type RegisteredWebhook, type WebhookRegistrar } from './registration';
