/**
 * The one import point of the engine test harness: the built package run in n8n-core, as the n8n server runs it.
 * - package: loading dist/ through PackageDirectoryLoader, fixture node types, credential stores
 * - workflow: runWorkflow / runNode (WorkflowExecute)
 * - webhook, webhook-methods, poll, webhook-server: trigger nodes in n8n-core's own contexts
 * - n8n-server: trigger webhooks and waiting executions served together, as n8n serves them (conversations)
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
export { continueWorkflow, runNode, runWorkflow, type EngineRun, type RunOptions } from './workflow';
export { N8nServer, type Execution } from './n8n-server';
export type { TestNode, TriggerOptions } from './trigger-workflow';
export { runWebhook, webhookUrl, type WebhookOptions, type WebhookRun } from './webhook';
export { activateWebhook, runWebhookMethods, type WebhookMethod, type WebhookMethodOptions } from './webhook-methods';
export { runPoll, type PollOptions } from './poll';
export { serveWebhook, type WebhookServer } from './webhook-server';
