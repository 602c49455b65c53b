import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../../shared/operation';
import { dataOf, meheryRequest, resultList } from '../../api';
import { channelField, readChannelId } from '../../fields';

interface Params {
	channelId: string;
}

const show = { resource: ['configuration'], operation: ['getGlobalVariables'] };
const variableSchema = z.object({ key: z.string().min(1) }).passthrough();

/** Configuration → Get Global Variables: one item per CompanyVarsConfigDoc. */
export const getGlobalVariables: Operation<Params> = {
	description: [
		channelField(show, { required: false, description: 'Only the variables that apply to this channel; empty lists all' }),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { channelId: readChannelId(this, itemIndex, false) };
	},

	async run(this: IExecuteFunctions, { channelId }, itemIndex): Promise<IDataObject[]> {
		const answer = await meheryRequest(
			this,
			{ method: 'GET', path: '/config/global/vars', qs: channelId ? { channelId } : undefined, itemIndex },
			dataOf(variableSchema),
			'global variable list (ApiResponse of CompanyVarsConfigDoc)',
		);
		return resultList(answer) as IDataObject[];
	},
};
