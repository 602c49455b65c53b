import 'reflect-metadata';

import { HookContext, WebhookContext } from 'n8n-core';
import type { INodeExecutionData, IWebhookResponseData, IWorkflowExecuteAdditionalData, WebhookType } from 'n8n-workflow';

import { buildRequest, RecordingResponse, type CapturedResponse, type ExpressLikeRequest, type WebhookRequest } from './http-emulation';
import { required } from './package';
import { saveStaticData, triggerAdditionalData, triggerWorkflow, webhookData, type TestNode, type TriggerOptions } from './trigger-workflow';

export interface WebhookOptions extends TriggerOptions {
	/** 'webhook' (default): the production URL of an active workflow; 'manual': the editor's test URL. */
	mode?: 'webhook' | 'manual';
	webhookName?: WebhookType;
}

export interface WebhookRun {
	/** The items the workflow would start with, per output; undefined when the node decided not to run it. */
	workflowData?: INodeExecutionData[][];
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	/** What the caller received: the node's own answer, or the one n8n sends for it (responseMode 'onReceived'). */
	response: CapturedResponse;
	/** `workflowData[0]`, or [] when the workflow would not run. */
	items: INodeExecutionData[];
}

/** The URL n8n serves the node's webhook at (what `this.getNodeWebhookUrl(name)` returns inside the node). */
export async function webhookUrl(node: TestNode, options: WebhookOptions): Promise<string> {
	return (await webhookEndpoint(node, options)).url;
}

export async function webhookEndpoint(node: TestNode, options: WebhookOptions) {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	const mode = options.mode ?? 'webhook';
	const name = options.webhookName ?? 'default';
	const additionalData = triggerAdditionalData(options);
	const data = webhookData(workflow, fullNode, nodeType, name, additionalData, mode);
	const context = new HookContext(workflow, fullNode, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', data);
	return { url: required(context.getNodeWebhookUrl(name), 'webhook URL'), method: data.httpMethod };
}

/**
 * Calls the node type's `webhook()` in n8n-core's WebhookContext with an Express-like request/response pair, as
 * n8n's webhook server does for one incoming call, then answers for the node as n8n would (responseMode
 * 'onReceived'). Static data is saved after the call, also when `webhook()` throws (the error is rethrown).
 */
export async function runWebhook(node: TestNode, request: WebhookRequest, options: WebhookOptions): Promise<WebhookRun> {
	return (await runWebhookOn(node, buildRequest(request), options)).run;
}

/** `response`: where the node's answer goes (a server passes one that sends it on as soon as it ends). */
export async function runWebhookOn(node: TestNode, request: ExpressLikeRequest, options: WebhookOptions, response = new RecordingResponse()) {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	if (typeof nodeType.webhook !== 'function') throw new Error(`Node type ${fullNode.type} has no webhook() method`);
	const mode = options.mode ?? 'webhook';
	const additionalData = triggerAdditionalData(options, {
		httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
		httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
	});
	const data = webhookData(workflow, fullNode, nodeType, options.webhookName ?? 'default', additionalData, mode);
	const context = new WebhookContext(workflow, fullNode, additionalData, mode, data, [], null);
	let result: IWebhookResponseData;
	try {
		result = await nodeType.webhook.call(context);
	} finally {
		saveStaticData(workflow, options);
	}
	const resolve = <T>(value: unknown, fallback: T) =>
		(value === undefined ? fallback : workflow.expression.getSimpleParameterValue(fullNode, value as string, mode, {}, undefined, fallback as never)) as T;
	answerAsN8n(result, response, resolve(data.webhookDescription.responseMode, 'onReceived'), Number(resolve(data.webhookDescription.responseCode, 200)));
	const run: WebhookRun = {
		workflowData: result.workflowData,
		webhookResponse: result.webhookResponse as unknown,
		noWebhookResponse: result.noWebhookResponse,
		response: response.captured(),
		items: result.workflowData?.[0] ?? [],
	};
	return { run, response };
}

/** The server's answer after `webhook()` (cli webhook-helpers executeWebhook), for responseMode 'onReceived'. */
function answerAsN8n(result: IWebhookResponseData, response: RecordingResponse, responseMode: string, responseCode: number) {
	if (result.noWebhookResponse === true) {
		if (!response.finished)
			throw new Error('webhook() returned noWebhookResponse but wrote no response: in n8n the caller would hang');
		return;
	}
	if (response.finished) return;
	const send = (body: unknown) => {
		response.status(responseCode);
		if (typeof body === 'string' || Buffer.isBuffer(body)) response.send(body);
		else response.json(body);
	};
	if (result.workflowData === undefined) return send(result.webhookResponse ?? { message: 'Webhook call received' });
	if (responseMode !== 'onReceived')
		throw new Error(`The harness answers as n8n does in responseMode 'onReceived' only, not '${responseMode}' (which waits for the workflow)`);
	send(result.webhookResponse ?? { message: 'Workflow was started' });
}
