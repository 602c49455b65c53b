/**
 * One credential per provider for `npm start` and the end-to-end suite. By default each points at the local
 * simulator; a provider's real values can come from environment variables or from `chat-providers.local.json`
 * (git-ignored, never committed), e.g. { "irisEngageApi": { "baseUrl": "https://engage.example.com", ... } }.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ProviderInfo } from '../../test/simulator';
import type { CredentialSpec } from './stage';

export const LOCAL_CONFIG_FILE = 'chat-providers.local.json';

type Env = Record<string, string | undefined>;

interface CredentialDefinition {
	type: string;
	name: string;
	/** Values pointing at the simulator's provider. */
	simulator: (provider: ProviderInfo) => Record<string, unknown>;
	/** Environment variables that override single fields: field → variable. */
	env: Record<string, string>;
	provider: string;
}

const DEFINITIONS: CredentialDefinition[] = [
	{
		type: 'irisEngageApi',
		name: 'IrisEngage account',
		provider: 'irisengage',
		simulator: ({ baseUrl, credentials }) => ({ baseUrl, apiPath: '/IrisEngage_API/api', name: credentials.name, password: credentials.password }),
		env: { baseUrl: 'IRISENGAGE_BASE_URL', apiPath: 'IRISENGAGE_API_PATH', name: 'IRISENGAGE_NAME', password: 'IRISENGAGE_PASSWORD' },
	},
	{
		type: 'meheryXmsApi',
		name: 'Mehery XMS account',
		provider: 'mehery',
		simulator: ({ baseUrl, credentials }) => ({ baseUrl, apiKey: credentials.apiKey, apiId: credentials.apiId, verifyToken: credentials.verifyToken }),
		env: { baseUrl: 'MEHERY_BASE_URL', apiKey: 'MEHERY_API_KEY', apiId: 'MEHERY_API_ID', verifyToken: 'MEHERY_VERIFY_TOKEN' },
	},
	{
		type: 'ctLiveApi',
		name: 'CTLive account',
		provider: 'ctlive',
		simulator: ({ baseUrl, credentials }) => ({ baseUrl, messagePath: '/imchannel/message', authType: 'basic', user: credentials.user, password: credentials.password }),
		env: { baseUrl: 'CTLIVE_BASE_URL', messagePath: 'CTLIVE_MESSAGE_PATH', authType: 'CTLIVE_AUTH_TYPE', user: 'CTLIVE_USER', password: 'CTLIVE_PASSWORD', token: 'CTLIVE_TOKEN' },
	},
	{
		type: 'ctLiveWebhookApi',
		name: 'CTLive webhook',
		provider: 'ctlive',
		simulator: ({ credentials }) => ({ user: credentials.webhookUser, password: credentials.webhookPassword }),
		env: { user: 'CTLIVE_WEBHOOK_USER', password: 'CTLIVE_WEBHOOK_PASSWORD' },
	},
	{
		type: 'netcoreBotApi',
		name: 'Netcore Bot account',
		provider: 'netcore',
		simulator: ({ baseUrl, credentials }) => ({ baseUrl, appId: credentials.appId, appSecret: credentials.appSecret }),
		env: { baseUrl: 'NETCORE_BASE_URL', appId: 'NETCORE_APP_ID', appSecret: 'NETCORE_APP_SECRET' },
	},
	{
		type: 'wavyApi',
		name: 'Wavy account',
		provider: 'wavy',
		simulator: ({ baseUrl, credentials }) => ({
			baseUrl,
			userName: credentials.userName,
			authenticationToken: credentials.authenticationToken,
			customerId: credentials.customerId,
			webhookSecret: credentials.webhookSecret,
		}),
		env: {
			baseUrl: 'WAVY_BASE_URL',
			userName: 'WAVY_USER_NAME',
			authenticationToken: 'WAVY_AUTHENTICATION_TOKEN',
			customerId: 'WAVY_CUSTOMER_ID',
			webhookSecret: 'WAVY_WEBHOOK_SECRET',
		},
	},
];

export interface CredentialChoice extends CredentialSpec {
	/** Where the values came from, for the start banner (never the values themselves). */
	source: 'simulator' | 'environment' | typeof LOCAL_CONFIG_FILE;
}

function readLocalConfig(root: string): Record<string, Record<string, unknown>> {
	const file = path.join(root, LOCAL_CONFIG_FILE);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
}

export function chooseCredentials(providers: Record<string, ProviderInfo>, options: { root: string; env?: Env; simulatorOnly?: boolean }): CredentialChoice[] {
	const local = options.simulatorOnly ? {} : readLocalConfig(options.root);
	const env = options.simulatorOnly ? {} : (options.env ?? {});
	return DEFINITIONS.map((definition) => {
		const fromEnv = Object.fromEntries(
			Object.entries(definition.env)
				.filter(([, variable]) => env[variable])
				.map(([field, variable]) => [field, env[variable]]),
		);
		const fromFile = local[definition.type];
		const source: CredentialChoice['source'] = fromFile ? LOCAL_CONFIG_FILE : Object.keys(fromEnv).length ? 'environment' : 'simulator';
		const data = { ...definition.simulator(providers[definition.provider]), ...fromFile, ...fromEnv };
		return { name: definition.name, type: definition.type, data, source };
	});
}
