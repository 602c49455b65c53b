import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { readLimit, returnAllOrLimitFields } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { dataOf, meheryRequest, resultList } from '../../api';
import { channelField, readChannelId } from '../../fields';

interface Params {
	channelId: string;
	limit: number | undefined;
}

const show = { resource: ['configuration'], operation: ['getGlobalVariables'] };
const variableSchema = z.object({ key: z.string().min(1) }).passthrough();

/** Configuration → Get Global Variables: one item per CompanyVarsConfigDoc. */
export const getGlobalVariables: Operation<Params> = {
	option: { name: 'Get Global Variables', action: 'Get global variables', description: "List the account's global variables" },
	description: [
		channelField(show, { required: false, description: 'Only the variables that apply to this channel; empty lists all' }),
		...returnAllOrLimitFields(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { channelId: readChannelId(this, itemIndex, false), limit: readLimit(this, itemIndex) };
	},

	async run(this: IExecuteFunctions, { channelId, limit }, itemIndex): Promise<IDataObject[]> {
		const answer = await meheryRequest(
			this,
			{ method: 'GET', path: '/config/global/vars', qs: channelId ? { channelId } : undefined, itemIndex },
			dataOf(variableSchema),
			'global variable list (ApiResponse of CompanyVarsConfigDoc)',
		);
		return resultList(answer).slice(0, limit) as IDataObject[];
	},
};
