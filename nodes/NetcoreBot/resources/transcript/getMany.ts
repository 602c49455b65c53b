import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { getParameter, optionsField, readLimit, readSimplify, returnAllOrLimitFields, simplifyField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import type { TranscriptsQuery } from '../../api';
import { TRANSCRIPT_CHANNEL_CODES } from '../../channels';
import { channelField, dateFields, readBotUserId, readChannel, readDateWindow } from '../../fields';
import { listTranscripts } from '../../listing';
import { oneRowPerBotUser, oneRowPerMessage } from '../../transcriptItems';

interface Params {
	query: TranscriptsQuery;
	limit: number | undefined;
	simplify: boolean;
	onePerBotUser: boolean;
}

const show = { resource: ['transcript'], operation: ['getMany'] };

export const getManyTranscripts: Operation<Params> = {
	kind: 'read',
	option: {
		name: 'Get Many',
		action: 'Get many transcript messages of a bot user',
		description: "Get a bot user's conversation with the bot, and the user's custom fields",
	},
	description: [
		channelField(show, TRANSCRIPT_CHANNEL_CODES, 'The channel the bot user talks on'),
		{
			displayName: 'Bot User',
			name: 'botUserId',
			type: 'resourceLocator',
			required: true,
			default: { mode: 'list', value: '' },
			description: 'The bot user whose transcript to read. For WhatsApp the ID is the phone number in international format (spaces and a leading + or 00 are fine).',
			modes: [
				{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchBotUsers', searchable: true } },
				{ displayName: 'ID', name: 'id', type: 'string', placeholder: '+919876543210' },
			],
			displayOptions: { show },
		},
		...dateFields(show, 'messages sent', 'At most 3 months ago; empty: the last 3 months.'),
		...returnAllOrLimitFields(show),
		simplifyField(show),
		optionsField(show, [
			maxConcurrentRequestsOption,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'message',
				options: [
					{ name: 'One Item per Message', value: 'message', description: 'Each transcript entry becomes an item; the first also carries the custom fields' },
					{ name: 'One Item per Bot User', value: 'botUser', description: 'One item with the custom fields and all messages' },
				],
			},
		]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const channelId = readChannel(this, itemIndex, TRANSCRIPT_CHANNEL_CODES);
		return {
			query: { channelId, botUserId: readBotUserId(this, itemIndex, channelId), ...readDateWindow(this, itemIndex, true) },
			limit: readLimit(this, itemIndex),
			simplify: readSimplify(this, itemIndex),
			onePerBotUser: getParameter(this, 'options.output', itemIndex, 'message') === 'botUser',
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const transcript = await listTranscripts(this, params.query, params.limit, itemIndex);
		const owner = { botUserId: params.query.botUserId, channelId: params.query.channelId };
		if (params.onePerBotUser) return [oneRowPerBotUser(transcript, owner, params.simplify)];
		return oneRowPerMessage(transcript, owner, params.simplify);
	},
};
