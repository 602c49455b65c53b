import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { maxConcurrentRequestsOption } from '../../../shared/execution';
import type { IrisMessage, IrisSession } from '../../api';
import { getMessages, PROVIDER } from '../../api';
import type { ConversationQuery } from '../../fields';
import { conversationQueryFields, readConversationQuery } from '../../fields';
import { optionsField, timeZoneOption } from '../../../shared/fields';
import { simplifyMessage, simplifySession } from '../../normalize';
import { listSessionsUpTo } from './sessions';

interface Params extends ConversationQuery {
	onePerMessage: boolean;
}

const show = { resource: ['conversation'], operation: ['getHistory'] };

export const getConversationHistory: Operation<Params> = {
	option: {
		name: 'Get History',
		action: 'Get the conversation history of a number',
		description: 'Get the conversations of a mobile number together with all their messages',
	},
	description: [
		...conversationQueryFields(show),
		optionsField(show, [
			maxConcurrentRequestsOption,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'conversation',
				options: [
					{ name: 'One Item per Conversation', value: 'conversation', description: 'Each item holds a conversation and its messages' },
					{ name: 'One Item per Message', value: 'message', description: 'Each message becomes an item, ready to sync into a CRM' },
				],
			},
			timeZoneOption(PROVIDER),
		]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			...readConversationQuery(this, itemIndex),
			onePerMessage: this.getNodeParameter('options.output', itemIndex, 'conversation') === 'message',
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const sessions = await listSessionsUpTo(this, params.mobileNumber, params.sessionLimit, itemIndex);
		// Side by side, yet within the execution's one bound on requests in flight (runOperation's limiter), which
		// also counts the other items' requests: gentle on a customer's server however many conversations there are.
		const fetched = await Promise.allSettled(sessions.map(async (session) => await getMessages(this, session.requestId, itemIndex)));
		// One conversation failing fails the item: a partial history presented as complete would mislead.
		const failed = fetched.find((result) => result.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;
		const histories = sessions.map((session, index) => ({
			session,
			messages: (fetched[index] as PromiseFulfilledResult<IrisMessage[]>).value,
		}));
		if (params.onePerMessage) return histories.flatMap((history) => messagesOf(history.session, history.messages, params));
		return histories.map((history) => conversationWithMessages(history.session, history.messages, params));
	},
};

function messagesOf(session: IrisSession, messages: IrisMessage[], params: Params): IDataObject[] {
	if (!params.simplify) return messages;
	return messages.map((message) => simplifyMessage(message, String(session.requestId), params.timeZone));
}

function conversationWithMessages(session: IrisSession, messages: IrisMessage[], params: Params): IDataObject {
	const conversation = params.simplify ? simplifySession(session, params.mobileNumber, params.timeZone) : { ...session };
	return { ...conversation, messageCount: messages.length, messages: messagesOf(session, messages, params) };
}
