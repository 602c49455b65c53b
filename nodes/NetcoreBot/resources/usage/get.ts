import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { maxConcurrentRequestsOption } from '../../../shared/execution';
import type { ParameterContext } from '../../../shared/fields';
import { getParameter, optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { getUsage } from '../../api';
import { CHANNELS, TRANSCRIPT_CHANNEL_CODES } from '../../channels';
import { channelField, readChannel } from '../../fields';

interface Params {
	monthDate: string;
	channelId: number;
}

const show = { resource: ['usage'], operation: ['get'] };

const MONTH = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ].*)?)?$/;

/** Any day of the month (or just YYYY-MM), as the first day of that month: Netcore wants `YYYY-MM-01`. */
export function readMonthDate(context: ParameterContext, itemIndex: number, now = new Date()): string {
	const raw = getParameter(context, 'month', itemIndex, '');
	const text = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
	if (text === '') return `${now.toISOString().slice(0, 7)}-01`;
	const match = MONTH.exec(text);
	const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)] : [0, 0, 0];
	const valid = match && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (!valid) {
		throw invalidParameter(context.getNode(), 'Month', `"${text}" is not a date or month; use e.g. 2021-08-15 or 2021-08`, itemIndex);
	}
	return `${match[1]}-${match[2]}-01`;
}

export const getUsageOperation: Operation<Params> = {
	kind: 'read',
	option: {
		name: 'Get',
		action: 'Get bot usage of a month',
		description: 'Get the number of messages and users of one channel in one month',
	},
	description: [
		{
			displayName: 'Month',
			name: 'month',
			type: 'string',
			default: '',
			placeholder: '2021-08',
			description: 'Any day of the month (e.g. 2021-08-15) or just the month (2021-08). Empty: the current month (UTC).',
			displayOptions: { show },
		},
		channelField(show, TRANSCRIPT_CHANNEL_CODES, 'The channel whose usage to count'),
		optionsField(show, [maxConcurrentRequestsOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return { monthDate: readMonthDate(this, itemIndex), channelId: readChannel(this, itemIndex, TRANSCRIPT_CHANNEL_CODES) };
	},

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const usage = await getUsage(this, params.monthDate, params.channelId, itemIndex);
		return [{ monthDate: params.monthDate, channelId: params.channelId, channelName: CHANNELS[params.channelId], ...usage }];
	},
};
