/**
 * Where a waiting node finds the trigger's conversation endpoint, without an expression in the trigger's webhook
 * description (n8n computes every webhook path of a node on every delivery: an expression there costs an isolate
 * per delivery). The endpoint's path is static, `<trigger webhookId>/conversations`, so:
 * - in the trigger's own workflow, activation publishes the endpoint's URL in the workflow's global static data
 *   (n8n saves it after activating the webhooks; deactivation removes it), where the waiting node of that
 *   workflow reads it;
 * - from another workflow, the user gives the trigger's Production URL (the one the provider calls), and the
 *   endpoint is its sibling: the provider's path after the webhookId replaced by `conversations`.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions } from 'n8n-workflow';

import { CONVERSATION_PATH, CONVERSATION_WEBHOOK } from './endpoint';

const PUBLISHED = 'conversationEndpoints';

function published(staticData: IDataObject): IDataObject {
	if (typeof staticData[PUBLISHED] !== 'object' || staticData[PUBLISHED] === null) staticData[PUBLISHED] = {};
	return staticData[PUBLISHED] as IDataObject;
}

/**
 * The trigger's `webhookMethods.setup`: keeps `{ conversationEndpoints: { <key>: <endpoint URL> } }` in the
 * workflow's global static data while the workflow is active. The editor's test webhooks (mode 'manual') publish
 * nothing, and deleting them (their URL is the test URL) removes nothing.
 */
export function publishConversationEndpoint(key: string) {
	const own = (context: IHookFunctions) => context.getNodeWebhookUrl(CONVERSATION_WEBHOOK);
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (this.getMode() === 'manual') return true;
			return published(this.getWorkflowStaticData('global'))[key] === own(this);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			const url = own(this);
			if (this.getMode() !== 'manual' && url) published(this.getWorkflowStaticData('global'))[key] = url;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const endpoints = published(this.getWorkflowStaticData('global'));
			if (endpoints[key] === own(this)) delete endpoints[key];
			return true;
		},
	};
}

/** The endpoint the trigger of this execution's workflow published, if its workflow is active. */
export function publishedEndpoint(context: IExecuteFunctions, key: string): string | undefined {
	const endpoints = context.getWorkflowStaticData('global')[PUBLISHED] as IDataObject | undefined;
	const url = endpoints?.[key];
	return typeof url === 'string' && url !== '' ? url : undefined;
}

/**
 * The endpoint beside a trigger's Production URL: `<base>/<webhookId>/<path>` → `<base>/<webhookId>/conversations`,
 * for one of the trigger's own `paths` ('mehery'; 'mo/*' also takes one segment after it, as `mo/:secret`).
 * undefined when the URL does not have that shape.
 */
export function endpointBeside(productionUrl: string, paths: string[]): string | undefined {
	let url: URL;
	try {
		url = new URL(productionUrl.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	const segments = url.pathname.replace(/\/+$/, '').split('/');
	const last = segments.length - 1;
	const at = paths.includes(segments[last]) ? last : paths.includes(`${segments[last - 1]}/*`) ? last - 1 : -1;
	// '' (the leading slash), at least the webhook base and the webhookId before the provider's path.
	if (at < 3 || segments.slice(1, at).some((segment) => segment === '')) return undefined;
	return `${url.origin}${[...segments.slice(0, at), CONVERSATION_PATH].join('/')}`;
}
