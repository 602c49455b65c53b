/** The provider simulator, for tests, benchmarks and `npm start`. See server.ts. */
export { startSimulator } from './server';
export { SINK_API_KEY, SINK_PROVIDER } from './sink';
export { SimulatorClient, type SimulatorHealth } from './client';
export { ADMIN_PREFIX } from './admin';
export type { AdminLogFilter } from './admin-input';
export { checkWebhookUrl, WebhookCallError } from './outbound';
export type { Subscriber, WebhookRegistry } from './webhooks';
export type {
	Fault,
	LogFilter,
	OutboundLogEntry,
	ProviderInfo,
	RequestLogEntry,
	RequestMatch,
	SendWebhookOptions,
	Simulator,
	SimulatorOptions,
	SimulatorSizes,
	SimulatorVariants,
	WebhookRegistration,
	WebhookResponse,
	Webhooks,
	WebhookSubscription,
} from './types';
export type {
	AuthCheck,
	ProviderEnv,
	ProviderFactory,
	ProviderModule,
	Reply,
	Route,
	SimRequest,
} from './provider';
export { REDACTED } from './redact';
export {
	SAMPLE_MESSAGES as IRIS_SAMPLE_MESSAGES,
	SAMPLE_MOBILE_NO as IRIS_SAMPLE_MOBILE_NO,
	SAMPLE_SESSION as IRIS_SAMPLE_SESSION,
} from './providers/irisengage-sample';
