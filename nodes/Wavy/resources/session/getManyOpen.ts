import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { optionsField, readLimit, readSimplify, readTimeZone, returnAllOrLimitFields, simplifyField, timeZoneOption } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { PROVIDER } from '../../api';
import { checkNumericId, listOpenSessions, type OpenSessionsQuery } from './sessions';

const show = { resource: ['session'], operation: ['getManyOpen'] };

/** An optional numeric id field; empty means undefined (the credential's, for the Customer ID). */
function readId(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): string | undefined {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') return undefined;
	return checkNumericId(value, (problem) => invalidParameter(context.getNode(), displayName, problem, itemIndex));
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
			// Asked once, in the credential; a workflow saved when this was required keeps its value here.
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			placeholder: "Empty: the credential's Customer ID",
			description: "Another numeric Wavy customer than the credential's. Leave empty to use the Customer ID of the Wavy API credential.",
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
			customerId: readId(this, itemIndex, 'customerId', 'Customer ID'),
			subAccountId: readId(this, itemIndex, 'subAccountId', 'Sub-Account ID'),
			limit: readLimit(this, itemIndex),
			simplify: readSimplify(this, itemIndex),
			timeZone: readTimeZone(this, itemIndex, PROVIDER),
		};
	},

	async run(this: IExecuteFunctions, query, itemIndex): Promise<IDataObject[]> {
		const sessions = await listOpenSessions(this, query, itemIndex);
		if (sessions.length === 0) {
			const customer = query.customerId ? `customer ${query.customerId}` : "the credential's customer";
			const scope = query.subAccountId ? `${customer}, sub-account ${query.subAccountId}` : customer;
			this.addExecutionHints({ message: `Wavy lists no open sessions for ${scope}.`, type: 'info', location: 'outputPane' });
		}
		return sessions;
	},
};
