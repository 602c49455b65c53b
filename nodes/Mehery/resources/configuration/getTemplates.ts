import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit, returnAllOrLimitFields } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listTemplates } from '../../api';
import { channelField, readChannelId } from '../../fields';

interface Params {
	channelId: string;
	channelStatus: string;
	limit: number | undefined;
}

const show = { resource: ['configuration'], operation: ['getTemplates'] };

/** Configuration → Get Templates: the account's HSM templates, optionally by channel and approval status. */
export const getTemplates: Operation<Params> = {
	option: { name: 'Get Templates', action: 'Get templates', description: 'List the HSM templates, by channel and approval status' },
	description: [
		channelField(show, { required: false, description: 'Only templates with an approval state on this channel; empty lists all' }),
		{
			displayName: 'Approval Status',
			name: 'channelStatus',
			type: 'options',
			default: '',
			description: 'Only templates in this state on the channel',
			displayOptions: { show },
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Approved', value: 'APPROVED' },
				{ name: 'Pending', value: 'PENDING' },
				{ name: 'Rejected', value: 'REJECTED' },
			],
		},
		...returnAllOrLimitFields(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			channelId: readChannelId(this, itemIndex, false),
			channelStatus: String(this.getNodeParameter('channelStatus', itemIndex, '') ?? ''),
			limit: readLimit(this, itemIndex),
		};
	},

	async run(this: IExecuteFunctions, { channelId, channelStatus, limit }, itemIndex): Promise<IDataObject[]> {
		return (await listTemplates(this, { channelId, channelStatus }, itemIndex)).slice(0, limit);
	},
};
