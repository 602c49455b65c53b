/**
 * The waiting node's side of the trigger's endpoint: where it is (published by this workflow's trigger, or beside
 * another trigger's Production URL: ./publish), and the signed calls that register a wait and cancel it. Failures
 * are explained in terms of what the user can change: the workflow to activate, the URL, the credential.
 */
import type { IExecuteFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from '../errors';
import { describeFailure } from '../failure';
import type { WaitFieldsSpec, WaitParameters } from './fields';
import { endpointBeside, publishedEndpoint } from './publish';
import { postSigned } from './signature';
import type { RegistrationRequest } from './types';

export interface Endpoint {
	url: string;
	triggerName: string;
	provider: string;
	/** The trigger is this workflow's (else: the one at the Production URL the user gave). */
	sameWorkflow: boolean;
}

/** Where the wait is registered; refused, naming what to do, before anything is sent. */
export function locateEndpoint(context: IExecuteFunctions, spec: WaitFieldsSpec & { provider: string }, wait: WaitParameters): Endpoint {
	const { triggerName, provider } = spec;
	if (wait.triggerIn === 'thisWorkflow') {
		const url = publishedEndpoint(context, spec.triggerPath);
		if (!url) {
			throw new NodeOperationError(context.getNode(), `This workflow has no active ${triggerName} to receive the reply`, {
				description: `Activate this workflow (its ${triggerName} publishes where replies arrive when the workflow is activated), or set Trigger In to Another Workflow and give that trigger's Production URL. Nothing was sent.`,
			});
		}
		return { url, triggerName, provider, sameWorkflow: true };
	}
	const field = `${triggerName} Production URL`;
	const given = wait.triggerUrl ?? '';
	const shape = `https://<your n8n>/webhook/<id>/${spec.triggerPath}, as shown in that ${triggerName}'s panel`;
	if (!given) throw invalidParameter(context.getNode(), field, `must be given: the trigger's Production URL (${shape})`, 0);
	if (/\/webhook-test\//.test(given)) throw invalidParameter(context.getNode(), field, `"${given}" is the Test URL: give the Production URL (${shape})`, 0);
	const url = endpointBeside(given, [spec.triggerPath]);
	if (!url) throw invalidParameter(context.getNode(), field, `"${given}" is not a ${triggerName}'s Production URL (${shape})`, 0);
	return { url, triggerName, provider, sameWorkflow: false };
}

function explain(context: IExecuteFunctions, endpoint: Endpoint, status: number, message: string): Error {
	const where = endpoint.sameWorkflow ? `the ${endpoint.triggerName} of this workflow` : `the ${endpoint.triggerName} at ${endpoint.url}`;
	if (status === 404) {
		return new NodeOperationError(context.getNode(), `No active ${endpoint.triggerName} answers at ${endpoint.url}`, {
			description: endpoint.sameWorkflow
				? `The reply arrives at ${where}: activate this workflow again (its ${endpoint.triggerName} publishes where replies arrive). Nothing was sent.`
				: `The reply arrives at the ${endpoint.triggerName} whose Production URL you gave: activate that trigger's workflow, and check the URL. Nothing was sent.`,
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
			description: endpoint.sameWorkflow
				? `n8n must reach its own webhook address (WEBHOOK_URL) from where this workflow runs; if it cannot, set Trigger In to Another Workflow and give this trigger's URL at an address n8n reaches. Nothing was sent.`
				: `n8n must reach the trigger's Production URL from where this workflow runs. Nothing was sent.`,
		});
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return;
	const answer = response.body as { message?: unknown } | string | undefined;
	const message = typeof answer === 'object' && typeof answer?.message === 'string' ? answer.message : `HTTP ${response.statusCode}`;
	throw explain(context, endpoint, response.statusCode, message);
}
