import { maxConcurrentRequestsOption } from '../../../shared/execution';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { getMessages, PROVIDER } from '../../api';
import { SIMPLIFY_MESSAGES } from '../../fields';
import {
	optionsField,
	readLimit,
	readRequiredString,
	readSimplify,
	readTimeZone,
	returnAllOrLimitFields,
	simplifyField,
	timeZoneOption,
} from '../../../shared/fields';
import { simplifyMessage } from '../../normalize';

interface Params {
	requestId: string;
	limit: number | undefined;
	simplify: boolean;
	timeZone: string;
}

const show = { resource: ['message'], operation: ['getMany'] };

export const getManyMessages: Operation<Params> = {
	option: {
		name: 'Get Many',
		action: 'Get many messages of a conversation',
		description: 'Get the messages of one chat session',
	},
	description: [
		{
			displayName: 'Conversation ID',
			name: 'requestId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'CDC079CC-C7FC-46CC-AECA-FD81D83A82B8',
			description: 'The request ID of the chat session, as returned by Conversation → Get Many',
			displayOptions: { show },
		},
		...returnAllOrLimitFields(show),
		simplifyField(show, SIMPLIFY_MESSAGES),
		optionsField(show, [maxConcurrentRequestsOption, timeZoneOption(PROVIDER)]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const hint = 'give the request ID of a chat session';
		return {
			requestId: readRequiredString(this, itemIndex, { name: 'requestId', displayName: 'Conversation ID', hint }),
			limit: readLimit(this, itemIndex),
			simplify: readSimplify(this, itemIndex),
			timeZone: readTimeZone(this, itemIndex, PROVIDER),
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const messages = (await getMessages(this, params.requestId, itemIndex)).slice(0, params.limit);
		if (!params.simplify) return messages;
		return messages.map((message) => simplifyMessage(message, params.requestId, params.timeZone));
	},
};
