import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { joinUrl } from '../nodes/shared/urls';

export const DEFAULT_MESSAGE_PATH = '/imchannel/message';

/**
 * How n8n, acting as a messaging channel, posts to CTLive's message endpoint. CTLive installations differ in what
 * they ask of the channel: nothing (network rules only), HTTP Basic, a `ctlivetoken` header, or a Bearer token.
 */
export class CtLiveApi implements ICredentialType {
	name = 'ctLiveApi';

	displayName = 'CTLive API';

	icon = { light: 'file:../nodes/CtLive/ctlive.svg', dark: 'file:../nodes/CtLive/ctlive.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers#ctlive-api';

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
			description:
				'Path of the channel message endpoint on that host. CTLive serves /imchannel/message; some documents spell it /imchanne/message.',
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
		const headers = { ...(requestOptions.headers ?? {}) };
		const authType = String(credentials.authType ?? 'basic');
		if (authType === 'basic') {
			const pair = `${String(credentials.user ?? '')}:${String(credentials.password ?? '')}`;
			headers.Authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
		} else if (authType === 'ctliveToken') {
			headers.ctlivetoken = String(credentials.token ?? '');
		} else if (authType === 'bearer') {
			headers.Authorization = `Bearer ${String(credentials.token ?? '')}`;
		}
		return { ...requestOptions, headers };
	}

	// An empty results array is a valid post that creates no conversation: it proves the URL and the auth.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/" + ($credentials.messagePath || "/imchannel/message").replace(/^\\/+/, "")}}',
			method: 'POST',
			body: { results: [] },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'CTLive refused the credentials (HTTP 401): check Authentication and its user, password or token' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'CTLive refused the credentials (HTTP 403): check Authentication and its user, password or token' },
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No CTLive message endpoint at this address (HTTP 404): check the Base URL and Message Path' },
			},
		],
	};
}

/** Base URL + message path, tolerant of stray slashes on either side. */
export function ctLiveMessageUrl(credentials: ICredentialDataDecryptedObject): string {
	return joinUrl(credentials.baseUrl, credentials.messagePath || DEFAULT_MESSAGE_PATH);
}
