/** Where the Wavy API is, from the Wavy API credential: here, not in the credential file, so nodes never import credentials. */
export const WAVY_DEFAULT_BASE_URL = 'https://api-messaging.wavy.global';

/** The base URL without trailing slashes. */
export function wavyBaseUrl(baseUrl: unknown): string {
	return String(baseUrl || WAVY_DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
}
