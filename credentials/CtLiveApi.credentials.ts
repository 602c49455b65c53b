import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ctLiveAuthHeaders, DEFAULT_MESSAGE_PATH, SPEC_MESSAGE_PATH } from '../nodes/CtLive/endpoint';

/**
 * How n8n, acting as a messaging channel, posts to CTLive's message endpoint. CTLive installations differ in what
 * they ask of the channel: nothing (network rules only), HTTP Basic, a `ctlivetoken` header, or a Bearer token.
 * CTLive has no read call a request-based Test could use, so the CTLive node tests this credential
 * (`testedBy`, see nodes/CtLive/credentialTest.ts).
 */
export class CtLiveApi implements ICredentialType {
	name = 'ctLiveApi';

	displayName = 'CTLive API';

	icon = { light: 'file:../nodes/CtLive/ctlive.svg', dark: 'file:../nodes/CtLive/ctlive.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/ctlive.md#ctlive-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://ctlive.example.com',
			description: 'Scheme, host and port of your CTLive server, without the message path',
		},
		{
			displayName: 'Message Path',
			name: 'messagePath',
			type: 'string',
			default: DEFAULT_MESSAGE_PATH,
			description: `Path of the channel message endpoint on that host. The default ${DEFAULT_MESSAGE_PATH} is the path CTLive's public documentation gives; its channel API document writes ${SPEC_MESSAGE_PATH} (a typo, by every other source). If your CTLive server answers 404 on the default, set ${SPEC_MESSAGE_PATH} here.`,
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'None', value: 'none', description: 'CTLive accepts the channel by network rules only' },
				{ name: 'Basic Auth', value: 'basic', description: 'HTTP Basic with a user and password' },
				{ name: 'CTLive Token Header', value: 'ctliveToken', description: 'The token in a "ctlivetoken" header' },
				{ name: 'Bearer Token', value: 'bearer', description: 'The token in an "Authorization: Bearer" header' },
			],
			default: 'basic',
			description: 'What your CTLive server asks of the channel when it posts messages and reports',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['ctliveToken', 'bearer'] } },
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...ctLiveAuthHeaders(credentials) } };
	}
}
