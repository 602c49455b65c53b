import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { additionalFieldsField, readRequiredString } from '../../../shared/fields';
import type { SendOperation } from '../../../shared/operation';
import { postResults, type DeliveryReport } from '../../api';
import { dateField, readDatesTimeZone, readOptionalString, readTimestamp, sendOptionsField, stringField } from '../../fields';
import { groupNameOf, STATUS_GROUPS, STATUSES, statusByName, type CtLiveStatus } from '../../statuses';

export interface SendDeliveryParams {
	entry: DeliveryReport;
}

const show = { resource: ['report'], operation: ['sendDelivery'] };
const showCustom = { ...show, status: ['custom'] };
const CUSTOM = 'custom';
const DEFAULT_STATUS = statusByName('DELIVERED_TO_HANDSET')!.name;

const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		...STATUSES.map((status) => ({ name: status.name, value: status.name, description: `${status.groupName}: ${status.description}` })),
		{ name: 'Custom', value: CUSTOM, description: 'Give the status ID, group, name and description yourself' },
	],
	// A name from the status table the options are built from (checked when the node loads).
	default: DEFAULT_STATUS,
	description:
		'Delivery status in the Infobip table CTLive uses. From an expression, give the status name, e.g. DELIVERED_TO_HANDSET.',
	displayOptions: { show },
};

const customFields: INodeProperties[] = [
	// Not marked required: n8n would then demand them whenever Status is an expression. readStatus checks them.
	{ displayName: 'Status ID', name: 'statusId', type: 'number', default: 0, displayOptions: { show: showCustom } },
	{
		displayName: 'Status Group',
		name: 'statusGroupId',
		type: 'options',
		options: Object.entries(STATUS_GROUPS).map(([id, name]) => ({ name, value: Number(id) })),
		default: 3,
		displayOptions: { show: showCustom },
	},
	stringField('statusName', 'Status Name', 'e.g. DELIVERED_TO_HANDSET', showCustom),
	stringField('statusDescription', 'Status Description', 'e.g. Message delivered to handset', showCustom),
];

function readStatus(context: IExecuteFunctions, itemIndex: number): CtLiveStatus {
	const chosen = String(context.getNodeParameter('status', itemIndex, '') ?? '').trim();
	if (chosen !== CUSTOM) {
		const status = statusByName(chosen);
		if (!status) {
			throw invalidParameter(
				context.getNode(),
				'Status',
				`"${chosen}" is not a status name in the table, e.g. DELIVERED_TO_HANDSET, PENDING_ENROUTE, UNDELIVERABLE_NOT_DELIVERED, EXPIRED_EXPIRED or REJECTED_NETWORK; choose Custom for others`,
				itemIndex,
			);
		}
		return { ...status };
	}
	const id = Number(context.getNodeParameter('statusId', itemIndex, 0));
	if (!Number.isInteger(id) || id < 0) throw invalidParameter(context.getNode(), 'Status ID', `must be a whole number, got ${String(id)}`, itemIndex);
	const groupId = Number(context.getNodeParameter('statusGroupId', itemIndex, 3));
	const groupName = groupNameOf(groupId);
	if (!groupName) {
		throw invalidParameter(context.getNode(), 'Status Group', `must be 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED or 5 REJECTED, got ${String(groupId)}`, itemIndex);
	}
	const name = readRequiredString(context, itemIndex, { name: 'statusName', displayName: 'Status Name', hint: 'give the status name, e.g. DELIVERED_TO_HANDSET' });
	const description = readOptionalString(context, 'statusDescription', itemIndex);
	return { id, groupId, groupName, name, ...(description ? { description } : {}) };
}

export const sendDeliveryReport: SendOperation<SendDeliveryParams> = {
	kind: 'send',
	option: {
		name: 'Send Delivery Report',
		action: 'Send a delivery report',
		description: 'Tell CTLive the delivery status of a message its agent sent',
	},
	description: [
		stringField('messageId', 'Message ID', 'ID of the outbound message, as the CTLive Trigger answered it (its messageId output)', show, {
			required: true,
		}),
		stringField('to', 'To', 'The customer the message went to, e.g. 41793026731', show, { required: true }),
		statusField,
		...customFields,
		dateField('sentAt', 'Sent At', 'When the message was sent to the customer', show),
		dateField('doneAt', 'Done At', 'When the message reached this status', show),
		additionalFieldsField(show, [
			{ displayName: 'Bulk ID', name: 'bulkId', type: 'string', default: '' },
			{ displayName: 'Channel', name: 'channel', type: 'string', default: 'WHATSAPP', description: 'Channel name of the message' },
		]),
		sendOptionsField(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const timeZone = readDatesTimeZone(this, itemIndex);
		const messageId = readRequiredString(this, itemIndex, { name: 'messageId', displayName: 'Message ID', hint: 'give the ID of the outbound message the report is about' });
		const to = readRequiredString(this, itemIndex, { name: 'to', displayName: 'To', hint: 'give the customer the message went to' });
		const status = readStatus(this, itemIndex) as DeliveryReport['status'];
		const sentAt = readTimestamp(this, itemIndex, { name: 'sentAt', displayName: 'Sent At' }, timeZone);
		const doneAt = readTimestamp(this, itemIndex, { name: 'doneAt', displayName: 'Done At' }, timeZone);
		return {
			entry: {
				bulkId: readOptionalString(this, 'additionalFields.bulkId', itemIndex) ?? '',
				status,
				messageId,
				doneAt,
				sentAt,
				to,
				channel: readOptionalString(this, 'additionalFields.channel', itemIndex) ?? 'WHATSAPP',
			},
		};
	},

	// Reports of one message must arrive in order (PENDING before DELIVERED).
	orderKey: ({ entry }) => entry.messageId,

	// Times that default to now differ between tries of one report.
	identity: ({ entry }) => [entry.messageId, entry.to, entry.status, entry.bulkId, entry.channel],

	async run(this: IExecuteFunctions, { entry }, itemIndex): Promise<IDataObject[]> {
		await postResults(this, [entry], itemIndex);
		return [entry];
	},
};
