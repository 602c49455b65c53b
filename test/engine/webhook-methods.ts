import 'reflect-metadata';

import { HookContext } from 'n8n-core';
import type { WebhookType, WorkflowActivateMode } from 'n8n-workflow';

import { saveStaticData, triggerAdditionalData, triggerWorkflow, webhookData, type TestNode, type TriggerOptions } from './trigger-workflow';

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface WebhookMethodOptions extends TriggerOptions {
	/** 'trigger' (default): activating the published workflow; 'manual': the editor's "Listen for test event". */
	mode?: 'trigger' | 'manual';
	/** Why n8n (de)activates: default 'activate' ('manual' in manual mode); 'init' on startup, 'update' on a save. */
	activation?: WorkflowActivateMode;
	webhookName?: WebhookType;
}

/**
 * Runs one of `webhookMethods[webhookName]` (checkExists, create, delete) in n8n-core's HookContext, as n8n does
 * when it activates (checkExists, then create if needed) or deactivates (delete) a workflow. Static data is saved
 * afterwards, as the server does after (de)activation, so the node can keep the provider's webhook id there.
 */
export async function runWebhookMethods(node: TestNode, method: WebhookMethod, options: WebhookMethodOptions): Promise<boolean> {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	const name = options.webhookName ?? 'default';
	const hook = nodeType.webhookMethods?.[name]?.[method];
	if (typeof hook !== 'function') throw new Error(`Node type ${fullNode.type} has no webhookMethods.${name}.${method}`);
	const mode = options.mode ?? 'trigger';
	const activation = options.activation ?? (mode === 'manual' ? 'manual' : 'activate');
	const additionalData = triggerAdditionalData(options);
	const data = webhookData(workflow, fullNode, nodeType, name, additionalData, mode);
	const context = new HookContext(workflow, fullNode, additionalData, mode, activation, data);
	try {
		return await hook.call(context);
	} finally {
		saveStaticData(workflow, options);
	}
}

/** Activation as the server does it (WebhookService.createWebhookIfNotExists): create only when checkExists is false. */
export async function activateWebhook(node: TestNode, options: WebhookMethodOptions): Promise<{ existed: boolean }> {
	const existed = await runWebhookMethods(node, 'checkExists', options);
	if (!existed) await runWebhookMethods(node, 'create', options);
	return { existed };
}
