import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { Operation } from '../../../shared/operation';
import { getMessages } from '../../api';
import { limitField, optionsField, readLimit, readTimeZone, returnAllField, simplifyField } from '../../fields';
import { simplifyMessage } from '../../normalize';

interface Params {
	requestId: string;
	limit: number | undefined;
	simplify: boolean;
	timeZone: string;
}

const show = { resource: ['message'], operation: ['getMany'] };

export const getManyMessages: Operation<Params> = {
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
		{ ...returnAllField, displayOptions: { show } },
		{ ...limitField, displayOptions: { show: { ...show, returnAll: [false] } } },
		{ ...simplifyField, displayOptions: { show } },
		optionsField(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const requestId = String(this.getNodeParameter('requestId', itemIndex, '')).trim();
		if (!requestId) {
			throw invalidParameter(this.getNode(), 'Conversation ID', 'must not be empty: give the request ID of a chat session', itemIndex);
		}
		return {
			requestId,
			limit: readLimit(this, itemIndex),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
			timeZone: readTimeZone(this, itemIndex),
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const messages = (await getMessages(this, params.requestId, itemIndex)).slice(0, params.limit);
		if (!params.simplify) return messages;
		return messages.map((message) => simplifyMessage(message, params.requestId, params.timeZone));
	},
};
