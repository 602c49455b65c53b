import { maxConcurrentRequestsOption } from '../../../shared/execution';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import type { ConversationQuery } from '../../fields';
import { conversationQueryFields, readConversationQuery } from '../../fields';
import { optionsField, timeZoneOption } from '../../../shared/fields';
import { PROVIDER } from '../../api';
import { simplifySession } from '../../normalize';
import { listSessionsUpTo } from './sessions';

const show = { resource: ['conversation'], operation: ['getMany'] };

export const getManyConversations: Operation<ConversationQuery> = {
	option: {
		name: 'Get Many',
		action: 'Get many conversations of a number',
		description: 'List the most recent chat sessions of a mobile number',
	},
	description: [
		...conversationQueryFields(
			show,
			'Whether to return conversations with clear field names and ISO 8601 UTC dates instead of the raw API answer',
		),
		optionsField(show, [maxConcurrentRequestsOption, timeZoneOption(PROVIDER)]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return readConversationQuery(this, itemIndex);
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const sessions = await listSessionsUpTo(this, params.mobileNumber, params.sessionLimit, itemIndex);
		if (!params.simplify) return sessions;
		return sessions.map((session) => simplifySession(session, params.mobileNumber, params.timeZone));
	},
};
