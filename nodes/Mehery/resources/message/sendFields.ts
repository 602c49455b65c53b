import type { INodeProperties } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import { channelField } from '../../fields';
import { contactFields } from './contactCardFields';
import { entry, forTypes, MEDIA_TYPES, show } from './sendDisplay';
import { templateFields } from './templateFields';

/** The parameters of Message → Send, by message type. */

const recipientFields: INodeProperties[] = [
	channelField(show, { required: true, description: 'The channel to send over (your WhatsApp number, bot, inbox...)' }),
	{
		displayName: 'Send To',
		name: 'recipientType',
		type: 'options',
		default: 'phone',
		displayOptions: { show },
		options: [
			{ name: 'Phone Number', value: 'phone', description: 'For WhatsApp and SMS channels' },
			{ name: 'Contact ID', value: 'contactId', description: 'The contactId Mehery sends with inbound messages' },
			{ name: 'Email', value: 'email', description: 'For email channels' },
		],
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '919988776655',
		description:
			'Phone number in international format (digits; a leading + and spaces are ignored), contact ID or email address, as chosen in Send To',
		displayOptions: { show },
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		displayOptions: { show },
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'Contact Card', value: 'contacts' },
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Location', value: 'location' },
			{ name: 'Template', value: 'template', description: 'An approved (HSM) template, e.g. to open a conversation' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
	},
];

const textAndMediaFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		displayOptions: forTypes('text'),
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/receipt.pdf',
		description: 'Public http(s) URL of the file; Mehery downloads it from there',
		displayOptions: forTypes(...MEDIA_TYPES),
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		displayOptions: forTypes(...MEDIA_TYPES),
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'receipt.pdf',
		description: 'The name the recipient sees for the document',
		displayOptions: forTypes('document'),
	},
];

const locationFields: INodeProperties[] = [
	{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 6 }, required: true, default: 0, displayOptions: forTypes('location') },
	{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 6 }, required: true, default: 0, displayOptions: forTypes('location') },
	{
		displayName: 'Location Details',
		name: 'locationDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: forTypes('location'),
		options: [
			{ displayName: 'Address', name: 'address', type: 'string', default: '', placeholder: '1 Hacker Way, Menlo Park, CA 94025' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Main Building' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		],
	},
];

const buttonFields: INodeProperties[] = [
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Quick replies, link buttons and call buttons shown under the message',
		displayOptions: forTypes('text', 'template', ...MEDIA_TYPES),
		options: [
			entry('button', 'Button', [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'QUICK_REPLY',
					options: [
						{ name: 'Quick Reply', value: 'QUICK_REPLY' },
						{ name: 'URL', value: 'URL' },
						{ name: 'Call (Phone Number)', value: 'PHONE_NUMBER' },
					],
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Identifies the button; required by Mehery' },
				{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'The text shown on the button' },
				{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Sent back to you when a quick reply is chosen' },
				{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
				{ displayName: 'URL', name: 'url', type: 'string', default: '', displayOptions: { show: { type: ['URL'] } } },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '', displayOptions: { show: { type: ['PHONE_NUMBER'] } } },
			]),
		],
	},
	optionsField(show, [
		{
			displayName: 'Mask Message Data',
			name: 'mask',
			type: 'boolean',
			default: false,
			description: 'Whether Mehery should mask the message content in its logs and inbox (e.g. for one-time passwords)',
		},
		maxConcurrentRequestsOption,
		idempotencyKeyOption,
		{
			displayName: 'Recipient Name',
			name: 'recipientName',
			type: 'string',
			default: '',
			description: 'Name to use for the recipient in this message, instead of the one Mehery knows',
		},
	]),
];

export const sendFields: INodeProperties[] = [
	...recipientFields,
	...textAndMediaFields,
	...locationFields,
	...contactFields,
	...templateFields,
	...buttonFields,
];
