import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { optionsField, readLimit, readSimplify, returnAllOrLimitFields, simplifyField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import type { UsersQuery } from '../../api';
import { USER_CHANNEL_CODES, channelCode } from '../../channels';
import { channelsField, dateFields, readChannels, readUsersWindow } from '../../fields';
import { listUsers } from '../../listing';
import { simplifyUser } from '../../normalize';

interface Params {
	query: UsersQuery;
	limit: number | undefined;
	simplify: boolean;
}

const show = { resource: ['user'], operation: ['getMany'] };

export const getManyUsers: Operation<Params> = {
	kind: 'read',
	option: {
		name: 'Get Many',
		action: 'Get many bot users',
		description: 'List the bot users of one or more channels, optionally within a date range',
	},
	description: [
		channelsField(show, USER_CHANNEL_CODES, 'The channels whose bot users to list'),
		...dateFields(show, 'users created', 'Empty: from 2000-01-01T00:00:00Z, i.e. every user (Netcore requires both dates).'),
		...returnAllOrLimitFields(show),
		simplifyField(show, 'Whether to return users with camelCase keys (firstInteractedDate...), the channel code and ISO 8601 UTC dates, instead of the raw API answer'),
		optionsField(show, [maxConcurrentRequestsOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			query: { channelIds: readChannels(this, itemIndex, USER_CHANNEL_CODES), ...readUsersWindow(this, itemIndex) },
			limit: readLimit(this, itemIndex),
			simplify: readSimplify(this, itemIndex),
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const users = await listUsers(this, params.query, params.limit, itemIndex);
		if (!params.simplify) return users;
		const { channelIds } = params.query;
		return users.map((user) => simplifyUser(user, channelCode(user.channelName, channelIds) ?? (channelIds.length === 1 ? channelIds[0] : null)));
	},
};
