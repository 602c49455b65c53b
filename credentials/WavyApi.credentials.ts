import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { WAVY_DEFAULT_BASE_URL } from '../nodes/Wavy/endpoint';

/**
 * Wavy / Sinch Messaging: every call carries the `UserName` and `AuthenticationToken` headers. The customer id
 * is asked for here, once: Wavy has no call that works without one, the Test lists that customer's open sessions
 * (a harmless read), and the Wavy node uses it unless a node names another customer. The webhook secret is for
 * the trigger: it proves an MO batch comes from Wavy.
 */
export class WavyApi implements ICredentialType {
	name = 'wavyApi';

	displayName = 'Wavy API';

	icon = { light: 'file:../nodes/Wavy/wavy.svg', dark: 'file:../nodes/Wavy/wavy.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/wavy.md#wavy-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WAVY_DEFAULT_BASE_URL,
			required: true,
			description: 'Wavy Messaging API host. Change it only for a proxy or a test server.',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			description: 'The Messaging user name from the Wavy (Sinch) portal, sent as the UserName header',
		},
		{
			displayName: 'Authentication Token',
			name: 'authenticationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token generated for that user in the portal, sent as the AuthenticationToken header',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '42',
			description: 'Your numeric Wavy customer ID. The Wavy node uses it unless a node names another; the credential Test lists its open sessions.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the Wavy Trigger only: a long random value you choose. Wavy sends no auth header, so it goes into the callback URL you give Wavy (the Production URL of the Wavy Trigger followed by ?secret= and this value); calls without it are refused.',
		},
	];

	// A method, not a generic description: n8n evaluates a generic description's `={{$credentials…}}` expressions on
	// every request (an expression isolate each), which cost more CPU than the request itself.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { UserName: String(credentials.userName ?? ''), AuthenticationToken: String(credentials.authenticationToken ?? '') };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/session',
			method: 'GET',
			qs: { customerId: '={{$credentials.customerId}}' },
		},
	};
}
