import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { optionsField, readLimit, readSimplify, returnAllOrLimitFields, simplifyField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { chatMessageDtoSchema, meheryRequest, resultList, resultsOf } from '../../api';
import { readSessionId, sessionIdField } from '../../fields';
import { simplifySessionMessage } from '../../normalize';

interface Params {
	sessionId: string;
	limit: number | undefined;
	simplify: boolean;
}

const show = { resource: ['session'], operation: ['getMessages'] };

/** Session → Get Messages: the session's messages (ChatMessageDTO), oldest first, one item each. */
export const getSessionMessages: Operation<Params> = {
	option: { name: 'Get Messages', action: 'Get the messages of a session', description: 'Get every message of one chat session' },
	description: [
		sessionIdField(show),
		...returnAllOrLimitFields(show),
		simplifyField(
			show,
			'Whether to return messages in the normalized chat-message shape (first attachment as media, all of them kept in raw) with dates in ISO 8601 UTC, instead of the raw API answer. A message Mehery sent without a time has timestamp null.',
		),
		optionsField(show, [maxConcurrentRequestsOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { sessionId: readSessionId(this, itemIndex), limit: readLimit(this, itemIndex), simplify: readSimplify(this, itemIndex) };
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		// POST, but a read: the spec fetches a session's messages with a POST of { sessionId }.
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/session/messages', body: { sessionId: params.sessionId }, itemIndex },
			resultsOf(chatMessageDtoSchema),
			'message list (ApiResultsMetaCompactResponse of ChatMessageDTO)',
		);
		const messages = resultList(answer).slice(0, params.limit) as IDataObject[];
		if (!params.simplify) return messages;
		return messages.map((message) => simplifySessionMessage(message) as unknown as IDataObject);
	},
};
