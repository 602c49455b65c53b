import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { irisEngageApiUrl } from './endpoint';
import { callProvider } from '../shared/call';
import { providerCredentials } from '../shared/credentials';

export const PROVIDER = 'IrisEngage';
export const CREDENTIAL_TYPE = 'irisEngageApi';

/** Ids may arrive as strings or numbers; they are sent back as they came and shown as text. */
const id = z.union([z.string().min(1), z.number()]);

/**
 * One chat session of a customer, as EngageAPIRequestDetails lists it. Only what we use is checked;
 * everything else passes through untouched, so raw output loses nothing and a field typed differently by
 * another IrisEngage version does not fail the node.
 */
export const sessionSchema = z
	.object({
		requestId: id,
		requestedDate: z.string(),
		channelName: z.string().nullish(),
		chatStatus: z.string().nullish(),
	})
	.passthrough();
export type IrisSession = z.infer<typeof sessionSchema> & IDataObject;

/** One message of a session, as GetContent returns it; `message` is IrisEngage's markup. */
export const messageSchema = z
	.object({
		id: id.nullish(),
		customerNumber: z.union([z.string(), z.number()]).nullish(),
		customerName: z.string().nullish(),
		botId: z.string().nullish(),
		messageId: id,
		direction: z.string(),
		message: z.string().nullish(),
		createdDate: z.string(),
	})
	.passthrough();
export type IrisMessage = z.infer<typeof messageSchema> & IDataObject;

/** IrisEngage wraps every list in `{ message: [...] }`; a missing list means "nothing". */
const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ message: z.array(item).nullish() }).passthrough();

/** Every IrisEngage call is a POST of a JSON body to a path under the credential's base URL. */
async function post<S extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	path: string,
	body: Record<string, unknown>,
	call: { schema: S; expected: string; itemIndex: number },
): Promise<z.infer<S>> {
	const credentials = await providerCredentials(context, CREDENTIAL_TYPE, call.itemIndex);
	return await callProvider(
		context,
		{ method: 'POST', url: `${irisEngageApiUrl(credentials)}${path}`, body },
		{ provider: PROVIDER, credentialType: CREDENTIAL_TYPE, ...call },
	);
}

/** The newest `sessionCount` sessions of a mobile number, newest first. */
export async function listSessions(
	context: IExecuteFunctions,
	mobileNumber: string,
	sessionCount: number,
	itemIndex: number,
): Promise<IrisSession[]> {
	const body = { MobileNo: mobileNumber, SessionCount: sessionCount };
	const sessionList = { schema: listOf(sessionSchema), expected: 'session list', itemIndex };
	const answer = await post(context, '/EngageAPIRequestDetails', body, sessionList);
	return (answer.message ?? []) as IrisSession[];
}

/** Every message of one session, in the order IrisEngage keeps them. */
export async function getMessages(context: IExecuteFunctions, requestId: string | number, itemIndex: number): Promise<IrisMessage[]> {
	const messageList = { schema: listOf(messageSchema), expected: 'message list', itemIndex };
	const answer = await post(context, '/GetContent', { RequestId: requestId }, messageList);
	return (answer.message ?? []) as IrisMessage[];
}
