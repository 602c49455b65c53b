import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { postTokenLogin, sharedLogin } from '../nodes/shared/session';
import { netcoreUrl } from '../nodes/NetcoreBot/endpoint';

/**
 * App ID/App Secret buy a session token (`authToken`, valid until `expireAt`). n8n keeps it in the hidden
 * expirable `authToken`, calls preAuthentication only while it is empty, and once more after a 401.
 */
export class NetcoreBotApi implements ICredentialType {
	name = 'netcoreBotApi';

	displayName = 'Netcore Bot API';

	icon = { light: 'file:../nodes/NetcoreBot/netcorebot.svg', dark: 'file:../nodes/NetcoreBot/netcorebot.dark.svg' } as const;

	documentationUrl = 'https://github.com/chat-providers/n8n-nodes-chat-providers/blob/main/docs/netcore-bot.md#netcore-bot-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			// When Netcore says the session ends (its `expireAt`), kept beside it for whoever inspects the credential.
			displayName: 'Session Expires At',
			name: 'sessionExpiresAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://bots.example.com',
			description: 'Scheme and host (and port, if any) of the Bot Open API, without the endpoint paths below',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Auth Path',
			name: 'authPath',
			type: 'string',
			default: '/v1/auth',
			description: 'Path of the call that trades App ID and App Secret for a session (POST)',
		},
		{
			displayName: 'Usage Path',
			name: 'usagePath',
			type: 'string',
			default: '/v1/usage',
			description: 'Path of the bot usage call (GET)',
		},
		{
			displayName: 'Users Path',
			name: 'usersPath',
			type: 'string',
			default: '/v1/users',
			description: 'Path of the bot users call (POST)',
		},
		{
			displayName: 'Transcripts Path',
			name: 'transcriptsPath',
			type: 'string',
			default: '/v1/transcripts',
			description: 'Path of the transcripts call (POST)',
		},
		{
			displayName: 'Session Header Name',
			name: 'sessionHeaderName',
			type: 'string',
			default: 'Authorization',
			description: 'Request header that carries the session from the auth call',
		},
		{
			displayName: 'Session Header Prefix',
			name: 'sessionHeaderPrefix',
			type: 'string',
			default: 'Bearer',
			description: 'Written before the session value in that header, followed by a space. Leave empty to send the value alone.',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = netcoreUrl(credentials, 'authPath');
		// Items side by side that all find the session expired share one login.
		return await sharedLogin([url, credentials.appId, credentials.appSecret], credentials.authToken, 'authToken', async () => {
			const body = { appId: credentials.appId, appSecret: credentials.appSecret };
			const { token, answer } = await postTokenLogin(this, { provider: 'Netcore Bot', url, body, tokenField: 'authToken', check: 'the Base URL and Auth Path' });
			return { authToken: token, sessionExpiresAt: typeof answer.expireAt === 'string' ? answer.expireAt : '' };
		});
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const header = String(credentials.sessionHeaderName || 'Authorization').trim();
		// Unset (an older saved credential) means the default; an empty prefix is the user's choice of a bare token.
		const prefix = String(credentials.sessionHeaderPrefix ?? 'Bearer').trim();
		const token = String(credentials.authToken ?? '');
		return { ...requestOptions, headers: { ...requestOptions.headers, [header]: prefix ? `${prefix} ${token}` : token } };
	}

	// A harmless read: this month's usage of the webchat channel proves the login and the token header.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/" + ($credentials.usagePath || "/v1/usage").replace(/^\\/+/, "")}}',
			method: 'GET',
			qs: { monthDate: '={{$now.toUTC().startOf("month").toFormat("yyyy-MM-dd")}}', channelId: 1010 },
		},
	};
}
