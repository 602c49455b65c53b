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
	/**
	 * What n8n manages after `webhook()` returned items: 'started' (default) stores and starts the execution, then
	 * answers; 'refused' is n8n failing to (e.g. its database lock timing out under overload): it answers 500.
	 */
	execution?: 'started' | 'refused';
	/** The response, to act on it while `webhook()` runs (e.g. `callerGone()`); default a new one. */
	response?: RecordingResponse;
	/** Called when `webhook()` returned items; n8n stores and starts the execution, and answers, once it settles. */
	answerWhen?: () => Promise<unknown>;
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
 * 'onReceived'), after "starting the execution" (see `execution`, `answerWhen`). Static data is saved after the
 * call (also when `webhook()` throws; the error is rethrown), unless n8n refused to start the execution.
 */
export async function runWebhook(node: TestNode, request: WebhookRequest, options: WebhookOptions): Promise<WebhookRun> {
	return (await runWebhookOn(node, buildRequest(request), options)).run;
}

/** `response`: where the node's answer goes (a server passes one that sends it on as soon as it ends). */
export async function runWebhookOn(node: TestNode, request: ExpressLikeRequest, options: WebhookOptions, response = options.response ?? new RecordingResponse()) {
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
	} catch (error) {
		saveStaticData(workflow, options);
		throw error;
	}
	const n8nStartsExecution = result.workflowData !== undefined;
	if (n8nStartsExecution) await options.answerWhen?.();
	// n8n saves static data when it answers a call successfully, not when it could not start the execution.
	if (!n8nStartsExecution || options.execution !== 'refused') saveStaticData(workflow, options);
	const resolve = <T>(value: unknown, fallback: T) =>
		(value === undefined ? fallback : workflow.expression.getSimpleParameterValue(fullNode, value as string, mode, {}, undefined, fallback as never)) as T;
	answerAsN8n(result, response, {
		responseMode: resolve(data.webhookDescription.responseMode, 'onReceived'),
		responseCode: Number(resolve(data.webhookDescription.responseCode, 200)),
		responseData: resolve<unknown>(data.webhookDescription.responseData, 'firstEntryJson'),
		execution: options.execution ?? 'started',
	});
	const run: WebhookRun = {
		workflowData: result.workflowData,
		webhookResponse: result.webhookResponse as unknown,
		noWebhookResponse: result.noWebhookResponse,
		response: response.captured(),
		items: result.workflowData?.[0] ?? [],
	};
	return { run, response };
}

interface ResponseOptions {
	responseMode: string;
	responseCode: number;
	/** The webhook description's responseData, evaluated with n8n's default 'firstEntryJson'. */
	responseData: unknown;
	execution: 'started' | 'refused';
}

/**
 * The server's answer after `webhook()` (cli webhook-helpers executeWebhook), for responseMode 'onReceived': a
 * delivery with items is answered once the execution is stored and started, with extractWebhookOnReceivedResponse's
 * choice (a truthy responseData wins over the node's webhookResponse); when n8n cannot start it, 500.
 */
function answerAsN8n(result: IWebhookResponseData, response: RecordingResponse, options: ResponseOptions) {
	if (result.noWebhookResponse === true) {
		if (!response.finished && !response.socket.destroyed)
			throw new Error('webhook() returned noWebhookResponse but wrote no response: in n8n the caller would hang');
		return;
	}
	if (response.finished) return;
	const send = (body: unknown, status = options.responseCode) => {
		response.status(status);
		if (body === undefined) response.end();
		else if (typeof body === 'string' || Buffer.isBuffer(body)) response.send(body);
		else response.json(body);
	};
	if (result.workflowData === undefined) return send(result.webhookResponse ?? { message: 'Webhook call received' });
	if (options.responseMode !== 'onReceived')
		throw new Error(`The harness answers as n8n does in responseMode 'onReceived' only, not '${options.responseMode}' (which waits for the workflow)`);
	if (options.execution === 'refused') return send({ code: 0, message: 'There was a problem executing the workflow' }, 500);
	const { responseData } = options;
	send(responseData === 'noData' ? undefined : responseData ? responseData : (result.webhookResponse ?? { message: 'Workflow was started' }));
}
