import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { anyObject, dataOf, meheryRequest } from '../../api';
import { keyValueOrJsonFields, readKeyValueOrJson, readRequiredText, type KeyValueOrJson } from '../../fields';
import { linksField, readLinks, type Link } from './links';

interface Params {
	id: string;
	type: string;
	data: IDataObject;
	links: Link[];
}

const show = { resource: ['analytics'], operation: ['pushCustomerData'] };

const RECORD_DATA: KeyValueOrJson = {
	displayName: 'Data',
	modeName: 'dataMode',
	description: "The record's fields",
	pairsDisplayName: 'Fields',
	pairsName: 'dataFields',
	keyPlaceholder: 'tier',
	jsonDisplayName: 'Data (JSON)',
	jsonName: 'dataJson',
};

/** Analytics → Push Customer Data: uploads one customer record (DigitalObjectDto). */
export const pushCustomerData: Operation<Params> = {
	option: { name: 'Push Customer Data', action: 'Push customer data', description: 'Upload a customer (or other) record' },
	description: [
		{ displayName: 'Record ID', name: 'recordId', type: 'string', required: true, default: '', placeholder: 'C34567', description: 'Your unique ID of the customer or record', displayOptions: { show } },
		{ displayName: 'Record Type', name: 'recordType', type: 'string', required: true, default: 'CUSTOMER', description: 'What kind of record this is, e.g. CUSTOMER or ORDER', displayOptions: { show } },
		...keyValueOrJsonFields(show, RECORD_DATA),
		linksField(show),
		optionsField(show, [maxConcurrentRequestsOption, idempotencyKeyOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			id: readRequiredText(this, 'recordId', 'Record ID', itemIndex, 'give your ID of the record'),
			type: readRequiredText(this, 'recordType', 'Record Type', itemIndex, 'give the kind of record, e.g. CUSTOMER'),
			data: readKeyValueOrJson(this, RECORD_DATA, itemIndex),
			links: readLinks(this, itemIndex),
		};
	},

	orderKey: ({ id }) => id,

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const body = { ...params, links: params.links as unknown as IDataObject[] };
		const answer = await meheryRequest(this, { method: 'POST', path: '/data/push', body, itemIndex }, dataOf(anyObject), 'pushed record (ApiResponse of DigitalObjectDto)');
		return [{ success: true, ...((answer.data ?? body) as IDataObject) }];
	},
};
