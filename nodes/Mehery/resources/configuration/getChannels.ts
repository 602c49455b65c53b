import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { optionsField, readLimit, returnAllOrLimitFields } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { listChannels } from '../../api';

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
			description: 'Whether to list sandbox (test) channels too',
			displayOptions: { show },
		},
		...returnAllOrLimitFields(show),
		optionsField(show, [maxConcurrentRequestsOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { sandbox: this.getNodeParameter('sandbox', itemIndex, false) as boolean, limit: readLimit(this, itemIndex) };
	},

	async run(this: IExecuteFunctions, { sandbox, limit }, itemIndex): Promise<IDataObject[]> {
		return (await listChannels(this, sandbox, itemIndex)).slice(0, limit);
	},
};
