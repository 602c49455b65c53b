import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { irisEngageApiUrl } from '../../credentials/IrisEngageApi.credentials';
import { unexpectedAnswerError } from '../shared/errors';
import { providerRequest } from '../shared/request';

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

async function post<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	path: string,
	body: Record<string, unknown>,
	schema: T,
	what: string,
	itemIndex: number,
): Promise<z.infer<T>> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const answer = await providerRequest(
		context,
		{ method: 'POST', url: `${irisEngageApiUrl(credentials)}${path}`, body },
		{ provider: PROVIDER, credentialType: CREDENTIAL_TYPE, itemIndex },
	);
	const parsed = schema.safeParse(answer);
	if (!parsed.success) {
		const problems =
			typeof answer === 'string'
				? `The body is not valid JSON: ${answer.slice(0, 200)}`
				: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
		throw unexpectedAnswerError(context.getNode(), PROVIDER, what, problems, itemIndex);
	}
	return parsed.data;
}

/** The newest `sessionCount` sessions of a mobile number, newest first. */
export async function listSessions(
	context: IExecuteFunctions,
	mobileNumber: string,
	sessionCount: number,
	itemIndex: number,
): Promise<IrisSession[]> {
	const body = { MobileNo: mobileNumber, SessionCount: sessionCount };
	const answer = await post(context, '/EngageAPIRequestDetails', body, listOf(sessionSchema), 'session list', itemIndex);
	return (answer.message ?? []) as IrisSession[];
}

/** Every message of one session, in the order IrisEngage keeps them. */
export async function getMessages(context: IExecuteFunctions, requestId: string | number, itemIndex: number): Promise<IrisMessage[]> {
	const answer = await post(context, '/GetContent', { RequestId: requestId }, listOf(messageSchema), 'message list', itemIndex);
	return (answer.message ?? []) as IrisMessage[];
}
