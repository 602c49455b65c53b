/**
 * The waiting node's side of the trigger's endpoint: where it is (computed from n8n's webhook base URL and the
 * trigger's workflow id), and the signed calls that register a wait and cancel it. Failures are explained in terms
 * of what the user can change: the workflow to activate, the credential, n8n's WEBHOOK_URL.
 */
import type { IExecuteFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeFailure } from '../failure';
import { conversationPath } from './endpoint';
import { postSigned } from './signature';
import type { RegistrationRequest } from './types';

export interface Endpoint {
	url: string;
	triggerName: string;
	provider: string;
	workflowId: string;
}

/**
 * n8n's production webhook base, read off the execution's resume URL (`<base>/webhook-waiting/<id>?signature=…`):
 * both are built from n8n's WEBHOOK_URL, with its default endpoint names.
 */
export function webhookBaseOf(resumeUrl: string): string | undefined {
	try {
		const url = new URL(resumeUrl);
		const path = /^(.*)\/webhook-waiting\/[^/]+\/?$/.exec(url.pathname);
		return path ? `${url.origin}${path[1]}/webhook` : undefined;
	} catch {
		return undefined;
	}
}

export function endpointUrl(context: IExecuteFunctions, resumeUrl: string, prefix: string, workflowId: string, override?: string): string {
	const base = override?.replace(/\/+$/, '') ?? webhookBaseOf(resumeUrl);
	if (!base) {
		throw new NodeOperationError(context.getNode(), "Cannot tell this n8n's webhook address from its resume URL", {
			description: 'n8n runs with custom webhook endpoint names: set Wait Options → Webhook Base URL (e.g. https://n8n.example.com/webhook).',
		});
	}
	return `${base}/${conversationPath(prefix, encodeURIComponent(workflowId))}`;
}

function explain(context: IExecuteFunctions, endpoint: Endpoint, status: number, message: string): Error {
	const where = `the ${endpoint.triggerName} of workflow ${endpoint.workflowId}`;
	if (status === 404) {
		return new NodeOperationError(context.getNode(), `No active ${endpoint.triggerName} answers at ${endpoint.url}`, {
			description: `The reply arrives at ${where}: activate that workflow (or set "Workflow With the ${endpoint.triggerName}" to the one that is active). Nothing was sent.`,
		});
	}
	const description =
		status === 401
			? `${where} refused the registration (${message}). Its credential must be of the same ${endpoint.provider} account as this node's. Nothing was sent.`
			: `Nothing was sent.`;
	return new NodeApiError(context.getNode(), { message } as JsonObject, {
		message: `${where} did not take the wait: ${message}`,
		description,
		httpCode: String(status),
	});
}

export async function callEndpoint(context: IExecuteFunctions, endpoint: Endpoint, secret: string, request: RegistrationRequest): Promise<void> {
	const body = JSON.stringify(request);
	let response: IN8nHttpFullResponse;
	try {
		response = await postSigned(context.helpers, { url: endpoint.url, secret, body, json: true });
	} catch (error) {
		const failure = describeFailure(error);
		throw new NodeApiError(context.getNode(), { message: (error as Error).message } as JsonObject, {
			message: `Could not reach the ${endpoint.triggerName} at ${endpoint.url}: ${failure.code ?? (error as Error).message}`,
			description: `n8n must reach its own webhook address (WEBHOOK_URL) from where this workflow runs, or set Wait Options → Webhook Base URL to one it can reach. Nothing was sent.`,
		});
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return;
	const answer = response.body as { message?: unknown } | string | undefined;
	const message = typeof answer === 'object' && typeof answer?.message === 'string' ? answer.message : `HTTP ${response.statusCode}`;
	throw explain(context, endpoint, response.statusCode, message);
}
