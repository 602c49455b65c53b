import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { joinUrl } from '../shared/urls';

/** Where the IrisEngage API is, from the IrisEngage API credential: here, not in the credential file, so nodes never import credentials. */

/** Base URL + API path, tolerant of stray slashes on either side. */
export function irisEngageApiUrl(credentials: ICredentialDataDecryptedObject): string {
	// Its own trailing slash too: the operation paths are appended to this.
	return joinUrl(credentials.baseUrl, String(credentials.apiPath || '/IrisEngage_API/api').replace(/\/+$/, ''));
}
