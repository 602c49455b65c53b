import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { keepNew } from '../shared/recentIds';
import { safeEqual } from '../shared/webhookAuth';
import { moItems, readMoBatch, totalWarning } from './mo';

const SETUP = [
	'Wavy (Sinch) calls this URL with every batch of messages your customers send, and sends no auth header.',
	'So the secret goes into the URL: in the Wavy portal (or through Wavy support), set the MO callback URL of',
	'your number to this node\'s <b>Production URL</b> followed by <code>?secret=</code> and the Secret of the',
	'Wavy Webhook credential. Calls without it are refused with 401. Activate the workflow first: Wavy gives up',
	'on calls that are not answered in about 200 ms, and this node answers before the workflow runs.',
].join(' ');

/** Enough to catch Wavy's retries of recent batches, bounded so static data stays small. */
const REMEMBERED_IDS = 10_000;

export class WavyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wavy Trigger',
		name: 'wavyTrigger',
		icon: { light: 'file:wavy.svg', dark: 'file:wavy.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'MO messages',
		description: 'Starts the workflow when customers message your Wavy / Sinch number (MO batches)',
		defaults: { name: 'Wavy Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wavyWebhookApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'mo' }],
		properties: [{ displayName: SETUP, name: 'setupNotice', type: 'notice', default: '' }],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const refuse = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ message });
			return { noWebhookResponse: true };
		};
		const { secret } = await this.getCredentials<{ secret: string }>('wavyWebhookApi');
		const given = (this.getQueryData() as IDataObject).secret;
		if (!safeEqual(typeof given === 'string' ? given : '', secret)) return refuse(401, 'Missing or wrong secret in the webhook URL');

		const read = readMoBatch(this.getBodyData());
		if ('problems' in read) return refuse(400, `Not a Wavy MO batch: ${read.problems}`);
		const fresh = keepNew(this, read.batch.data, (message) => message.id, { key: 'seenMoIds', max: REMEMBERED_IDS });
		// A replayed batch: answered 200 so Wavy stops retrying, but nothing runs twice.
		if (fresh.length === 0) return {};
		return { workflowData: [moItems(fresh, totalWarning(read.batch))] };
	}
}
