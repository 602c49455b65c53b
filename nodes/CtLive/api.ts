import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { providerCredentials } from '../shared/credentials';
import { providerRequest } from '../shared/request';
import { foreignAnswer, foreignAnswerError } from './answer';
import { ctLiveMessageUrl } from './endpoint';
import type { CtLiveStatus } from './statuses';

export const PROVIDER = 'CTLive';
export const CREDENTIAL_TYPE = 'ctLiveApi';

/** What the channel posts to CTLive's message endpoint: one `results` entry per message or report. */
export interface NewMessage extends IDataObject {
	from: string;
	to: string;
	integrationType: string;
	receivedAt: string;
	messageId: string;
	pairedMessageId: string | null;
	message: { type: 'TEXT'; text: string } | { type: 'IMAGE' | 'DOCUMENT'; caption?: string; url: string };
	contact?: { name: string };
}

export interface DeliveryReport extends IDataObject {
	bulkId: string;
	status: CtLiveStatus & IDataObject;
	messageId: string;
	doneAt: string;
	sentAt: string;
	to: string;
	channel: string;
}

export interface SeenReport extends IDataObject {
	messageId: string;
	to: string;
	sentAt: string;
	seenAt: string;
}

export type ResultEntry = NewMessage | DeliveryReport | SeenReport;

/** Fields in the order the spec's examples list them; optional ones only when set. */
export function newMessage(fields: {
	from: string;
	to: string;
	integrationType: string;
	receivedAt: string;
	messageId: string;
	pairedMessageId?: string;
	message: NewMessage['message'];
	contactName?: string;
}): NewMessage {
	return {
		from: fields.from,
		to: fields.to,
		integrationType: fields.integrationType,
		receivedAt: fields.receivedAt,
		messageId: fields.messageId,
		pairedMessageId: fields.pairedMessageId || null,
		message: fields.message,
		...(fields.contactName ? { contact: { name: fields.contactName } } : {}),
	};
}

/**
 * Posts entries to CTLive's message endpoint as one request. A send: retried only when CTLive clearly did not
 * take it, so a customer never sees a message twice (and CTLive drops a resent messageId anyway).
 * CTLive documents no answer body: a 2xx with an empty body or JSON is taken as accepted, a 2xx with a web page
 * or other text fails (something else answered at that address), and is not retried either.
 */
export async function postResults(context: IExecuteFunctions, results: ResultEntry[], itemIndex: number): Promise<void> {
	const credentials = await providerCredentials(context, CREDENTIAL_TYPE, itemIndex);
	const url = ctLiveMessageUrl(credentials);
	const answer = await providerRequest<IN8nHttpFullResponse>(
		context,
		{ method: 'POST', url, body: { results }, returnFullResponse: true },
		{ provider: PROVIDER, credentialType: CREDENTIAL_TYPE, kind: 'send', itemIndex },
	);
	const contentType = answer.headers?.['content-type'];
	const foreign = foreignAnswer(typeof contentType === 'string' ? contentType : undefined, answer.body);
	if (foreign) throw foreignAnswerError(context.getNode(), url, answer.statusCode, foreign, answer.body, itemIndex);
}
