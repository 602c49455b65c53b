import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret that proves an MO batch comes from Wavy. Sinch/Wavy sends no auth header on its webhook calls, so
 * the secret travels in the callback URL you give Wavy (the `secret` query parameter) and is compared
 * timing-safely. There is no Wavy call to test it against: an MO batch sent with it is the test.
 */
export class WavyWebhookApi implements ICredentialType {
	name = 'wavyWebhookApi';

	displayName = 'Wavy Webhook';

	icon = { light: 'file:../nodes/Wavy/wavy.svg', dark: 'file:../nodes/Wavy/wavy.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers#wavy-webhook';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value you choose (e.g. 32+ letters and digits). Put it at the end of the callback URL you register with Wavy: <Production URL>?secret=<this value>.',
		},
	];
}
