import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { postTokenLogin, sharedLogin } from '../nodes/shared/session';
import { irisEngageApiUrl } from '../nodes/IrisEngage/endpoint';

/**
 * IrisEngage runs on the customer's own host. Name/Password buy a JWT that expires; n8n keeps it in the
 * hidden expirable `sessionToken`, calls preAuthentication only while it is empty, and once more after a 401.
 */
export class IrisEngageApi implements ICredentialType {
	name = 'irisEngageApi';

	displayName = 'IrisEngage API';

	icon = { light: 'file:../nodes/IrisEngage/irisengage.svg', dark: 'file:../nodes/IrisEngage/irisengage.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/irisengage.md#irisengage-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://engage.example.com:8443',
			description: 'Scheme, host and port of your IrisEngage server, without the API path',
		},
		{
			displayName: 'API Path',
			name: 'apiPath',
			type: 'string',
			default: '/IrisEngage_API/api',
			description: 'Path prefix of the API on that host. Change it only if your installation is mounted elsewhere.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'API user name issued by your IrisEngage administrator',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = `${irisEngageApiUrl(credentials)}/Users/authenticate`;
		// Items side by side that all find the session expired share one login.
		return await sharedLogin([url, credentials.name, credentials.password], credentials.sessionToken, 'sessionToken', async () => {
			const body = { Name: credentials.name, Password: credentials.password };
			const { token } = await postTokenLogin(this, { provider: 'IrisEngage', url, body, tokenField: 'token', check: 'the Base URL and API Path' });
			return { sessionToken: token };
		});
	}

	// A method, not a generic description: n8n evaluates a generic description's `={{$credentials…}}` expressions on
	// every request (an expression isolate each), which cost more CPU than the request itself.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { Authorization: `Bearer ${String(credentials.sessionToken ?? '')}` };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	// A harmless lookup: a number with no history answers an empty list, and proves the token works.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl.replace(/\\/+$/, "") + "/" + ($credentials.apiPath || "/IrisEngage_API/api").replace(/^\\/+|\\/+$/g, "")}}',
			url: '/EngageAPIRequestDetails',
			method: 'POST',
			body: { MobileNo: '000', SessionCount: 1 },
		},
	};
}
