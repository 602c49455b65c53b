import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { MEHERY_DEFAULT_BASE_URL } from '../nodes/Mehery/endpoint';

/**
 * Mehery XMS authorizes every call with two headers, `x-api-key` and `x-api-id`. The webhook verify token is
 * the other direction: Mehery sends it in `x-verify-token` on each call to our trigger, which checks it.
 */
export class MeheryXmsApi implements ICredentialType {
	name = 'meheryXmsApi';

	displayName = 'Mehery XMS API';

	icon = { light: 'file:../nodes/Mehery/mehery.svg', dark: 'file:../nodes/Mehery/mehery.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/mehery.md#mehery-xms-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: MEHERY_DEFAULT_BASE_URL,
			required: true,
			description: 'Mehery XMS API root, without /api/v1. Change it only for a dedicated or test installation.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent as the X-API-Key header. Mehery shows it in its console under API settings.',
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			description: 'Sent as the X-API-ID header, next to the API key. Mehery shows it in its console under API settings.',
		},
		{
			displayName: 'Webhook Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Mehery Trigger: the token Mehery sends in the x-verify-token header of every webhook call. Calls without it, or with another token, are refused with 401.',
		},
	];

	// A method, not a generic description: n8n evaluates a generic description's `={{$credentials…}}` expressions on
	// every request (an expression isolate each), which cost more CPU than the request itself.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { 'x-api-key': String(credentials.apiKey ?? ''), 'x-api-id': String(credentials.apiId ?? '') };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	// Listing the configured channels is harmless and needs both headers to be right.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "")}}',
			url: '/api/v1/config/channels',
			method: 'GET',
		},
	};
}
