import type { INodeProperties } from 'n8n-workflow';

import { entry, forTypes, typeField } from './sendDisplay';

/** Message → Send, type Contact Card: one card with name, organization, phones, emails, URLs and addresses. */
export const contactFields: INodeProperties[] = [
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

