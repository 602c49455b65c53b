/**
 * `webhookMethods` for triggers whose provider registers webhooks by API. n8n calls checkExists on activation
 * (create only when it answers false) and delete on deactivation. The provider's webhook id and the URL we
 * registered live in the node's static data; failures surface as errors (never a silent `false`), and a URL the
 * provider refuses or cannot reach is explained in terms of n8n's WEBHOOK_URL.
 */
import type { IDataObject, IHookFunctions, INodeType, JsonObject, WebhookType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeFailure } from '../failure';
import { WEBHOOK_URL_HINT, webhookRefusal } from './reachability';

export interface RegisteredWebhook {
	id: string;
	url: string;
}

export interface WebhookRegistrar {
	/** Display name for messages. */
	provider: string;
	/** Where the provider lives (the credential's base URL): decides whether a local webhook URL can work. */
	providerUrl(context: IHookFunctions): Promise<string>;
	/** The provider's registrations; omit when it cannot list them (then static data decides). */
	list?(context: IHookFunctions): Promise<RegisteredWebhook[]>;
	/** Registers `url`; returns the provider's id for it (the URL itself when the provider has no ids). */
	create(context: IHookFunctions, url: string): Promise<string>;
	/** Removes a registration; omit when the provider has no delete (deactivation then only forgets it). */
	remove?(context: IHookFunctions, id: string): Promise<void>;
	/** The provider calls only https URLs. */
	requiresHttps?: boolean;
}

type WebhookMethods = NonNullable<NonNullable<INodeType['webhookMethods']>['default']>;

function currentUrl(context: IHookFunctions, name: WebhookType): string {
	const url = context.getNodeWebhookUrl(name);
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not provide a webhook URL for this trigger');
	return url;
}

function forget(staticData: IDataObject): void {
	delete staticData.webhookId;
	delete staticData.webhookUrl;
}

/** The provider said no: keep its message and status, and add what the user can do about it. */
function refused(context: IHookFunctions, provider: string, url: string, error: unknown): NodeApiError {
	const failure = describeFailure(error);
	const status = failure.status;
	const detail = (error as Error)?.message ?? 'unknown error';
	return new NodeApiError(context.getNode(), { message: detail } as JsonObject, {
		message: `${provider} did not accept the webhook URL ${url}: ${detail}`,
		description: status !== undefined && status >= 400 && status < 500 ? WEBHOOK_URL_HINT : undefined,
		httpCode: status !== undefined ? String(status) : undefined,
	});
}

function removalFailed(context: IHookFunctions, provider: string, error: unknown): NodeApiError {
	if (error instanceof NodeApiError) return error;
	const status = describeFailure(error).status;
	const detail = (error as Error)?.message ?? 'unknown error';
	return new NodeApiError(context.getNode(), { message: detail } as JsonObject, {
		message: `${provider} did not remove the webhook: ${detail}`,
		httpCode: status !== undefined ? String(status) : undefined,
	});
}

export function webhookRegistration(registrar: WebhookRegistrar, name: WebhookType = 'default'): WebhookMethods {
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const staticData = this.getWorkflowStaticData('node');
			const url = currentUrl(this, name);
			if (!registrar.list) return staticData.webhookUrl === url;
			const mine = (await registrar.list(this)).find((registration) => registration.url === url);
			if (!mine) {
				forget(staticData);
				return false;
			}
			Object.assign(staticData, { webhookId: mine.id, webhookUrl: url });
			return true;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const url = currentUrl(this, name);
			const refusal = webhookRefusal(registrar.provider, url, await registrar.providerUrl(this), { requiresHttps: registrar.requiresHttps });
			if (refusal) throw new NodeOperationError(this.getNode(), refusal, { description: WEBHOOK_URL_HINT });
			let id: string;
			try {
				id = await registrar.create(this, url);
			} catch (error) {
				throw refused(this, registrar.provider, url, error);
			}
			Object.assign(this.getWorkflowStaticData('node'), { webhookId: id, webhookUrl: url });
			return true;
		},

		/** A registration already gone at the provider (404) counts as deleted; any other failure is an error. */
		async delete(this: IHookFunctions): Promise<boolean> {
			const staticData = this.getWorkflowStaticData('node');
			if (registrar.remove && typeof staticData.webhookId === 'string') {
				try {
					await registrar.remove(this, staticData.webhookId);
				} catch (error) {
					if (describeFailure(error).status !== 404) throw removalFailed(this, registrar.provider, error);
				}
			}
			forget(staticData);
			return true;
		},
	};
}
