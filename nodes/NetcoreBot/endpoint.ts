import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { joinUrl } from '../shared/urls';

/** Where the Netcore Bot calls go, from the Netcore Bot API credential: here, not in the credential file, so nodes never import credentials. */

/** The endpoint paths the credential lets the user set: the spec documents the calls but not where they live. Kept equal to the fields' defaults. */
export const NETCORE_PATH_DEFAULTS = {
	authPath: '/v1/auth',
	usagePath: '/v1/usage',
	usersPath: '/v1/users',
	transcriptsPath: '/v1/transcripts',
} as const;
export type NetcorePath = keyof typeof NETCORE_PATH_DEFAULTS;

/** Base URL + one of the endpoint paths, tolerant of stray slashes on either side. */
export function netcoreUrl(credentials: ICredentialDataDecryptedObject, path: NetcorePath): string {
	return joinUrl(credentials.baseUrl, String(credentials[path] || NETCORE_PATH_DEFAULTS[path]).trim());
}
