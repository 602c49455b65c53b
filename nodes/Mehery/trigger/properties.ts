import type { INodeProperties } from 'n8n-workflow';

import { combineMessagesOption, mediaDownloadOptions } from '../../shared/trigger';

/** The Mehery Trigger's parameters. */

const STATUS_CODES = [
	{ name: 'Deleted (DELTD)', value: 'DELTD' },
	{ name: 'Delivered (DLVRD)', value: 'DLVRD' },
	{ name: 'Failed (FAILD)', value: 'FAILD' },
	{ name: 'Read (READ)', value: 'READ' },
	{ name: 'Sent (SENT)', value: 'SENT' },
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Mehery keeps one webhook URL per account. Activating this workflow points it at this trigger, so a second active Mehery Trigger on the same account takes the deliveries over: use one trigger and a Switch on "notification". Mehery has no API to remove a webhook: after deactivation it keeps calling this URL, which n8n answers with 404, until another URL is set. "Listen for test event" points Mehery at the test URL; activate the workflow again afterwards.',
		name: 'oneWebhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Receive',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['message'],
		description: 'What starts the workflow; everything else is answered and dropped without an execution',
		options: [
			{ name: 'Agent Actions', value: 'action', description: 'Actions an agent or service triggered, e.g. SEND_INVOICE' },
			{ name: 'Contact Info Requests', value: 'contactInfo', description: 'Mehery asks who a contact is; answer with a ContactInfoUpdate' },
			{ name: 'Messages', value: 'message', description: 'Messages customers send' },
			{ name: 'Session Events', value: 'event', description: 'E.g. SESSION_ROUTED, when a session changes queue, agent or state.' },
			{ name: 'Status Updates', value: 'status', description: 'Delivery states of the messages you sent: SENT, DLVRD, READ, FAILD, DELTD' },
		],
	},
	{
		displayName: 'Only These Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		description: 'Start the workflow only for these delivery states (e.g. only Failed); empty means all',
		displayOptions: { show: { events: ['status'] } },
		options: STATUS_CODES,
	},
	{
		displayName: 'Only These Event Codes',
		name: 'eventCodes',
		type: 'string',
		default: '',
		placeholder: 'SESSION_ROUTED, SESSION_CLOSED',
		description: 'Comma-separated session event codes to receive; empty means all',
		displayOptions: { show: { events: ['event'] } },
	},
	{
		displayName: 'Answer Contact Info Requests',
		name: 'contactInfoResponse',
		type: 'options',
		default: 'empty',
		displayOptions: { show: { events: ['contactInfo'] } },
		options: [
			{ name: 'Immediately, With No Changes', value: 'empty', description: 'Answer {} at once; the workflow still runs' },
			{
				name: "With the Workflow's Last Node",
				value: 'workflow',
				description: 'Answer with the first item of the node that runs last: a ContactInfoUpdate such as {"name", "email", "mobile", "profileId", "labels"}',
			},
		],
	},
	{
		displayName:
			'End the workflow with a node (e.g. Edit Fields) whose first item is the answer, such as {"name": "John Doe", "email": "abc@xyz.com", "profileId": "C34567"}. Messages and other notifications are answered by the trigger itself. (n8n\'s Respond to Webhook node cannot be used: it only works after n8n\'s own Webhook trigger.)',
		name: 'respondNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { events: ['contactInfo'], contactInfoResponse: ['workflow'] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to output messages and statuses in the package's normalized chat-message shape (events and contact requests flattened), instead of Mehery's raw payload. Either way each item has a notification field.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [combineMessagesOption('messages one customer sends'), ...mediaDownloadOptions('images, documents, audio and video')],
	},
];
