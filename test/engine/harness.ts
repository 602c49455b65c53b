/**
 * The one import point of the engine test harness: the built package run in n8n-core, as the n8n server runs it.
 * - package: loading dist/ through PackageDirectoryLoader, fixture node types, credential stores
 * - workflow: runWorkflow / runNode (WorkflowExecute)
 * - webhook, webhook-methods, poll, webhook-server: trigger nodes in n8n-core's own contexts
 */
import 'reflect-metadata';

export type { CapturedResponse, WebhookRequest } from './http-emulation';
export {
	PACKAGE_NAME,
	PACKAGE_ROOT,
	TEST_FIXTURE_PREFIX,
	createCredentialStore,
	loadPackage,
	registerFixtureNodeType,
	type LoadedPackage,
} from './package';
export { runNode, runWorkflow, type EngineRun } from './workflow';
export type { TestNode, TriggerOptions } from './trigger-workflow';
export { runWebhook, webhookUrl, type WebhookOptions, type WebhookRun } from './webhook';
export { activateWebhook, runWebhookMethods, type WebhookMethod, type WebhookMethodOptions } from './webhook-methods';
export { runPoll, type PollOptions } from './poll';
export { serveWebhook, type WebhookServer } from './webhook-server';
