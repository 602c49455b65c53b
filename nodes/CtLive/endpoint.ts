import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { joinUrl } from '../shared/urls';

/**
 * Where and how the channel posts to CTLive, from the CTLive API credential. Here rather than in the credential
 * file so that the node's credential Test (which gets no authenticated request helper) uses the same values.
 */

/** CTLive's real path (its public documentation); the channel API document writes SPEC_MESSAGE_PATH. */
export const DEFAULT_MESSAGE_PATH = '/imchannel/message';
/** The path as the channel API document writes it, three times: `/imchanne/message`. */
export const SPEC_MESSAGE_PATH = '/imchanne/message';

/** Base URL + message path, tolerant of stray slashes on either side. */
export function ctLiveMessageUrl(credentials: ICredentialDataDecryptedObject): string {
	return joinUrl(credentials.baseUrl, credentials.messagePath || DEFAULT_MESSAGE_PATH);
}

/** The headers CTLive asks of the channel: HTTP Basic, a `ctlivetoken` header, a Bearer token, or none. */
export function ctLiveAuthHeaders(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	const authType = String(credentials.authType ?? 'basic');
	if (authType === 'basic') {
		const pair = `${String(credentials.user ?? '')}:${String(credentials.password ?? '')}`;
		return { Authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` };
	}
	if (authType === 'ctliveToken') return { ctlivetoken: String(credentials.token ?? '') };
	if (authType === 'bearer') return { Authorization: `Bearer ${String(credentials.token ?? '')}` };
	return {};
}
