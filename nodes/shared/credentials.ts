/**
 * Credentials read once per node execution instead of once per request.
 *
 * Why: in n8n every `getCredentials` loads the credential from the database and decrypts it, and n8n's
 * authenticated request helper does it again for each request unless it is handed the credential. At hundreds of
 * requests per execution that was a third of the node's CPU. One decrypted object per execution and credential
 * type is shared by every item and handed to n8n's helper, which writes a refreshed session token into it, so
 * every later request uses the new token (n8n also saves it, as before).
 *
 * Outside a `runOperation` execution (triggers, polls, hooks, option lists) each call reads them as before.
 * Like n8n's request helper, a credential is resolved once per execution (item 0), not per item.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import { executionScope } from './execution';
import type { RequestContext } from './request';

export async function providerCredentials(context: RequestContext, type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject> {
	const read = readOnce(context, type);
	return read ? (await read).data : await context.getCredentials(type, itemIndex);
}

/** What n8n's `httpRequestWithAuthentication` takes instead of reading the credential itself; none outside an execution. */
export async function credentialsForHelper(context: RequestContext, type: string): Promise<{ credentialsDecrypted: ICredentialsDecrypted } | undefined> {
	const read = readOnce(context, type);
	return read && { credentialsDecrypted: await read };
}

/** The execution's one read of a credential type, with the node's reference to it (n8n copies the node per `getNode()`). */
function readOnce(context: RequestContext, type: string): Promise<ICredentialsDecrypted & { data: ICredentialDataDecryptedObject }> | undefined {
	const scope = executionScope(context);
	if (!scope) return undefined;
	scope.credentials ??= new Map();
	let read = scope.credentials.get(type);
	if (!read) {
		const { id, name } = context.getNode().credentials?.[type] ?? { id: null, name: type };
		read = context.getCredentials(type).then((data) => ({ id: id ?? '', name, type, data }));
		scope.credentials.set(type, read);
		// A failed read is not remembered: the next item asks again and reports its own error.
		read.catch(() => scope.credentials?.delete(type));
	}
	return read;
}
