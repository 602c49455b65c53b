import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The HTTP Basic user and password CTLive sends when it posts outbound messages to the CTLive Trigger. Set the
 * same pair in CTLive's channel configuration; calls without them are refused with 401 and start no execution.
 */
export class CtLiveWebhookApi implements ICredentialType {
	name = 'ctLiveWebhookApi';

	displayName = 'CTLive Webhook API';

	icon = { light: 'file:../nodes/CtLive/ctlive.svg', dark: 'file:../nodes/CtLive/ctlive.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/ctlive.md#ctlive-webhook-api';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'The Basic auth user CTLive is configured to send',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Basic auth password CTLive is configured to send',
		},
	];
}
