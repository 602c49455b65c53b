import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit, returnAllOrLimitFields } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listChannels, listChannelsMarked } from '../../api';

interface Params {
	sandbox: boolean;
	limit: number | undefined;
}

const show = { resource: ['configuration'], operation: ['getChannels'] };

/** Configuration → Get Channels: one item per configured channel. */
export const getChannels: Operation<Params> = {
	option: { name: 'Get Channels', action: 'Get channels', description: 'List the configured channels' },
	description: [
		{
			displayName: 'Include Sandbox Channels',
			name: 'sandbox',
			type: 'boolean',
			default: false,
			description: 'Whether to list sandbox (test) channels too. Each channel then says whether it is one (sandbox: true or false).',
			displayOptions: { show },
		},
		...returnAllOrLimitFields(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { sandbox: this.getNodeParameter('sandbox', itemIndex, false) as boolean, limit: readLimit(this, itemIndex) };
	},

	async run(this: IExecuteFunctions, { sandbox, limit }, itemIndex): Promise<IDataObject[]> {
		const channels = sandbox ? await listChannelsMarked(this, itemIndex) : await listChannels(this, false, itemIndex);
		return channels.slice(0, limit);
	},
};
