import type { INodeProperties, IPollFunctions } from 'n8n-workflow';

import { readBoolean, readSimplify, simplifyField } from '../../shared/fields';
import { USER_CHANNEL_CODES } from '../channels';
import { channelsField, readChannels, readIsoDate } from '../fields';
import type { TriggerSettings } from './newUsers';

/** The Netcore Bot Trigger's parameters. */

export const triggerProperties: INodeProperties[] = [
	channelsField({}, USER_CHANNEL_CODES, 'The channels to watch for new bot users'),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description:
			'On the first poll after activation, also emit the users created since this instant (ISO 8601, UTC when it has no offset). Empty: only users who appear after activation. Fetch Test Event shows the newest users since this instant (empty: since 2000-01-01).',
	},
	{
		displayName: 'Include Transcript',
		name: 'includeTranscript',
		type: 'boolean',
		default: false,
		description: "Whether to add each new user's transcript (all its messages, last 3 months) and custom fields",
	},
	simplifyField({}, 'Whether to return users with camelCase keys, the channel code and ISO 8601 UTC dates (and transcripts as normalized chat messages), instead of the raw API answer'),
];

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	return {
		channelIds: readChannels(context, 0, USER_CHANNEL_CODES),
		startDate: readIsoDate(context, 0, 'startDate', 'Start Date'),
		includeTranscript: readBoolean(context, 0, { name: 'includeTranscript', displayName: 'Include Transcript', fallback: false }),
		simplify: readSimplify(context, 0),
	};
}
