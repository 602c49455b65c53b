import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { readBoolean, readSimplify, simplifyField } from '../shared/fields';
import { USER_CHANNEL_CODES } from './channels';
import { channelsField, readChannels, readIsoDate } from './fields';
import type { PollState, TriggerSettings } from './trigger/newUsers';
import { pollNewUsers, sampleUsers, userRows } from './trigger/newUsers';

export class NetcoreBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netcore Bot Trigger',
		name: 'netcoreBotTrigger',
		icon: { light: 'file:netcorebot.svg', dark: 'file:netcorebot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New bot users',
		description: 'Starts the workflow when new bot users appear in Netcore (polling)',
		defaults: { name: 'Netcore Bot Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netcoreBotApi', required: true }],
		properties: [
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
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings: TriggerSettings = {
			channelIds: readChannels(this, 0, USER_CHANNEL_CODES),
			startDate: readIsoDate(this, 0, 'startDate', 'Start Date'),
			includeTranscript: readBoolean(this, 0, { name: 'includeTranscript', displayName: 'Include Transcript', fallback: false }),
			simplify: readSimplify(this, 0),
		};
		if (this.getMode() === 'manual') {
			const sample = await sampleUsers(this, settings);
			return sample.length > 0 ? [this.helpers.returnJsonArray(await userRows(this, sample, settings))] : null;
		}
		const state = this.getWorkflowStaticData('node') as PollState;
		const { users, next } = await pollNewUsers(this, settings, state);
		const rows = users.length > 0 ? await userRows(this, users, settings) : [];
		// Only now, with every row built: a failed poll leaves the state as it was and is retried next time.
		Object.assign(state, next);
		return rows.length > 0 ? [this.helpers.returnJsonArray(rows)] : null;
	}
}
