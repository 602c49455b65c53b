/** Where the Mehery XMS API is, from the Mehery XMS API credential: here, not in the credential file, so nodes never import credentials. */
export const MEHERY_DEFAULT_BASE_URL = 'https://api.mehery.xyz/xms';

/** The API root from the credential, tolerant of a trailing slash and of a base URL given with /api/v1 already. */
export function meheryApiUrl(baseUrl: unknown): string {
	const root = String(baseUrl || MEHERY_DEFAULT_BASE_URL)
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/, '');
	return `${root}/api/v1`;
}
