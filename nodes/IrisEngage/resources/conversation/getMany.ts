import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { listSessionsUpTo } from '../../sessions';
import {
	mobileNumberField,
	readMobileNumber,
	readSessionLimit,
	readTimeZone,
	returnAllField,
	sessionCountField,
	simplifyField,
	timeZoneOption,
} from '../../fields';
import { simplifySession } from '../../normalize';

interface Params {
	mobileNumber: string;
	sessionLimit: number;
	simplify: boolean;
	timeZone: string;
}

const show = { resource: ['conversation'], operation: ['getMany'] };

export const getManyConversations: Operation<Params> = {
	description: [
		{ ...mobileNumberField, displayOptions: { show } },
		{ ...returnAllField, displayOptions: { show } },
		{ ...sessionCountField, displayOptions: { show: { ...show, returnAll: [false] } } },
		{ ...simplifyField, description: 'Whether to return conversations with clear field names and ISO 8601 UTC dates instead of the raw API answer', displayOptions: { show } },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [timeZoneOption],
		},
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			mobileNumber: readMobileNumber(this, itemIndex),
			sessionLimit: readSessionLimit(this, itemIndex),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
			timeZone: readTimeZone(this, itemIndex),
		};
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const sessions = await listSessionsUpTo(this, params.mobileNumber, params.sessionLimit, itemIndex);
		if (!params.simplify) return sessions;
		return sessions.map((session) => simplifySession(session, params.mobileNumber, params.timeZone));
	},
};
