import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyOption } from '../../../shared/idempotency';
import { invalidParameter } from '../../../shared/errors';
import { isHttpUrl, optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { webhookRefusal } from '../../../shared/trigger/reachability';
import { anyObject, dataOf, meheryApiRoot, meheryRequest, PROVIDER } from '../../api';
import { readRequiredText } from '../../fields';

interface Params {
	url: string;
}

const show = { resource: ['configuration'], operation: ['setWebhook'] };

/** Configuration → Set Webhook: where Mehery posts inbound messages, statuses and events. */
export const setWebhook: Operation<Params> = {
	option: { name: 'Set Webhook', action: 'Set the webhook URL', description: 'Set the URL Mehery posts notifications to' },
	description: [
		{
			displayName:
				'Mehery keeps one webhook URL per account: this replaces the current one. A Mehery Trigger sets its own URL when its workflow is activated, so you rarely need this.',
			name: 'setWebhookNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Webhook URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/mehery',
			description:
				"Public HTTPS URL with a valid certificate that Mehery will call. Plain http and local addresses are refused unless the credential's Base URL is a local server (an on-premise install).",
			displayOptions: { show },
		},
		optionsField(show, [idempotencyKeyOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const url = readRequiredText(this, 'url', 'Webhook URL', itemIndex, 'give the public URL Mehery should call');
		if (!isHttpUrl(url)) throw invalidParameter(this.getNode(), 'Webhook URL', `"${url}" is not an http(s) URL`, itemIndex);
		return { url };
	},

	// Every item sets the one account-wide URL: in input order, so the last item wins as the user expects.
	orderKey: () => 'webhook',

	async run(this: IExecuteFunctions, { url }, itemIndex): Promise<IDataObject[]> {
		// The spec requires https with a valid certificate; a Mehery on a local server (on-premise, the simulator)
		// may call plain http and local hosts. Checked as the Mehery Trigger checks its own URL.
		const refusal = webhookRefusal(PROVIDER, url, await meheryApiRoot(this, itemIndex), { requiresHttps: true });
		if (refusal) throw invalidParameter(this.getNode(), 'Webhook URL', refusal, itemIndex);
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/config/webhook', body: { url }, itemIndex },
			dataOf(anyObject),
			'client app (ApiResponse of ClientApp)',
		);
		return [{ url, success: true, app: (answer.data ?? {}) as IDataObject }];
	},
};
