import type { INodeProperties } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import { channelField, keyValueOrJsonFields, type KeyValueOrJson } from '../../fields';

/** The parameters of Message → Send, by message type, and when the editor shows each. */

// Send and Send and Wait for Reply share every parameter of the message.
const show = { resource: ['message'], operation: ['send', 'sendAndWaitForReply'] };
const forTypes = (...messageType: string[]) => ({ show: { ...show, messageType } });
export const MEDIA_TYPES = ['image', 'video', 'audio', 'document'] as const;
const entry = (name: string, displayName: string, fields: INodeProperties[]) => ({ name, displayName, values: fields });
const typeField = (placeholder: string): INodeProperties => ({ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder });


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

/** Type Contact Card: one card with name, organization, phones, emails, URLs and addresses. */
const contactFields: INodeProperties[] = [
	{
		displayName: 'Contact Name',
		name: 'contactName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'John Smith',
		description: 'Full name shown on the contact card',
		displayOptions: forTypes('contacts'),
	},
	{
		displayName: 'Contact Details',
		name: 'contactDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: forTypes('contacts'),
		options: [
			{ displayName: 'Birthday', name: 'birthday', type: 'string', default: '', placeholder: '1990-05-21' },
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{ displayName: 'Department', name: 'department', type: 'string', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Job Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Contact Phones, Emails, URLs and Addresses',
		name: 'contactEntries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		default: {},
		displayOptions: forTypes('contacts'),
		options: [
			entry('phones', 'Phone', [
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+1 (940) 555-1234' },
				typeField('HOME, WORK'),
				{ displayName: 'WhatsApp ID', name: 'waId', type: 'string', default: '', placeholder: '16505551234' },
			]),
			entry('emails', 'Email', [{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' }, typeField('HOME, WORK')]),
			entry('urls', 'URL', [{ displayName: 'URL', name: 'url', type: 'string', default: '' }, typeField('HOME, WORK')]),
			entry('addresses', 'Address', [
				{ displayName: 'Street', name: 'street', type: 'string', default: '' },
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{ displayName: 'State', name: 'state', type: 'string', default: '' },
				{ displayName: 'ZIP', name: 'zip', type: 'string', default: '' },
				{ displayName: 'Country', name: 'country', type: 'string', default: '' },
				{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: '', placeholder: 'us' },
				typeField('HOME, WORK'),
			]),
		],
	},
];

/** Type Template: an approved HSM template, its language and its placeholder values (pairs: text; JSON: types kept). */
/** The template's placeholder values: pairs (text) or JSON (types kept). */
export const TEMPLATE_DATA: KeyValueOrJson = {
	displayName: 'Template Data',
	modeName: 'templateDataMode',
	description: 'Values for the template placeholders',
	pairsDisplayName: 'Template Values',
	pairsName: 'templateData',
	keyPlaceholder: 'amount',
	jsonDisplayName: 'Template Data (JSON)',
	jsonName: 'templateDataJson',
	jsonDescription: 'An object whose keys are the template placeholders, e.g. {"amount": 10, "currency": "INR"}',
};

const templateFields: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'An HSM template approved for the channel',
		displayOptions: forTypes('template'),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTemplates', searchable: true } },
			{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'FEEDBACK' },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '60d236c6142e53561cb7716c' },
		],
	},
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'string',
		default: '',
		placeholder: 'en_US',
		description: 'Which language version of the template to send; empty lets Mehery pick',
		displayOptions: forTypes('template'),
	},
	...keyValueOrJsonFields(forTypes('template').show, TEMPLATE_DATA),
	{
		displayName: 'Linked',
		name: 'templateLinked',
		type: 'string',
		default: '',
		description:
			"Sent as the template's linked field, which Mehery's API requires but does not describe, so it always goes out: empty unless you set it. Leave it empty unless Mehery gives you a value.",
		displayOptions: forTypes('template'),
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
