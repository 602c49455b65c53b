import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { optionsField, readLimit, readSimplify, readTimeZone, returnAllOrLimitFields, simplifyField, timeZoneOption } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { PROVIDER } from '../../api';
import { listOpenSessions, type OpenSessionsQuery } from '../../sessions';

const show = { resource: ['session'], operation: ['getManyOpen'] };
const NUMERIC_ID = /^\d{1,18}$/;

/** A numeric id field, with the spec's trap spelled out: `{42}` must become `42`. */
function readId(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string, required: boolean): string | undefined {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '' && !required) return undefined;
	if (!NUMERIC_ID.test(value)) {
		const problem = value === '' ? 'is required' : `must be a number such as 42 (without braces), got "${value}"`;
		throw invalidParameter(context.getNode(), displayName, problem, itemIndex);
	}
	return value;
}

export const getManyOpenSessions: Operation<OpenSessionsQuery> = {
	option: {
		name: 'Get Many Open',
		action: 'Get many open sessions',
		description: 'List the numbers with an open WhatsApp session (24-hour window), from the file Wavy exports',
	},
	kind: 'read',
	description: [
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '42',
			description: 'Your numeric Wavy customer ID',
			displayOptions: { show },
		},
		{
			displayName: 'Sub-Account ID',
			name: 'subAccountId',
			type: 'string',
			default: '',
			placeholder: '7',
			description: 'Only the sessions of this sub-account. Leave empty for every sub-account.',
			displayOptions: { show },
		},
		...returnAllOrLimitFields(show),
		simplifyField(
			show,
			'Whether to return each session as { origin, sessionCreatedAt } with the date in ISO 8601 UTC, instead of the row as Wavy wrote it (keyed by the file\'s own column names: origem or origin, session_created_at)',
		),
		optionsField(show, [maxConcurrentRequestsOption, timeZoneOption(PROVIDER)]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			customerId: readId(this, itemIndex, 'customerId', 'Customer ID', true) as string,
			subAccountId: readId(this, itemIndex, 'subAccountId', 'Sub-Account ID', false),
			limit: readLimit(this, itemIndex),
			simplify: readSimplify(this, itemIndex),
			timeZone: readTimeZone(this, itemIndex, PROVIDER),
		};
	},

	async run(this: IExecuteFunctions, query, itemIndex): Promise<IDataObject[]> {
		const sessions = await listOpenSessions(this, query, itemIndex);
		if (sessions.length === 0) {
			const scope = query.subAccountId ? `customer ${query.customerId}, sub-account ${query.subAccountId}` : `customer ${query.customerId}`;
			this.addExecutionHints({ message: `Wavy lists no open sessions for ${scope}.`, type: 'info', location: 'outputPane' });
		}
		return sessions;
	},
};
