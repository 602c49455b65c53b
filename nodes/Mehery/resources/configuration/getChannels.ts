import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { listChannels } from '../../api';

interface Params {
	sandbox: boolean;
}

const show = { resource: ['configuration'], operation: ['getChannels'] };

/** Configuration → Get Channels: one item per configured channel. */
export const getChannels: Operation<Params> = {
	description: [
		{
			displayName: 'Include Sandbox Channels',
			name: 'sandbox',
			type: 'boolean',
			default: false,
			description: 'Whether to list sandbox (test) channels too',
			displayOptions: { show },
		},
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { sandbox: this.getNodeParameter('sandbox', itemIndex, false) as boolean };
	},

	async run(this: IExecuteFunctions, { sandbox }, itemIndex): Promise<IDataObject[]> {
		return await listChannels(this, sandbox, itemIndex);
	},
};
