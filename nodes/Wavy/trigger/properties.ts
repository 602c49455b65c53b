import type { INodeProperties } from 'n8n-workflow';

import { combineMessagesOption, mediaDownloadOptions } from '../../shared/trigger';

/** The Wavy Trigger's parameters. */

const SETUP =
	'Wavy (Sinch) posts every batch of messages your customers send to one callback URL, with no auth header, so ' +
	'the secret goes into the URL. Set a Webhook Secret in the Wavy API credential, activate this workflow, then ask ' +
	'Wavy (portal or support) to set your number\'s MO callback URL to this node\'s Production URL followed by ' +
	'<code>?secret=</code> and that secret (or, with Secret In = Path Segment, the URL with <code>:secret</code> replaced by ' +
	'it). Other calls get 401. The node answers 200 before the workflow runs: Wavy retries answers slower than ~200 ms.';

export const triggerProperties: INodeProperties[] = [
	{ displayName: SETUP, name: 'setupNotice', type: 'notice', default: '' },
	{
		displayName: 'Secret In',
		name: 'secretIn',
		type: 'options',
		options: [
			{ name: 'Query Parameter', value: 'query', description: 'The callback URL is the Production URL followed by ?secret= and the Webhook Secret' },
			{ name: 'Path Segment', value: 'path', description: 'The callback URL is the Production URL with :secret replaced by the Webhook Secret' },
		],
		default: 'query',
		description: 'Where the callback URL you give Wavy carries the Webhook Secret of the credential',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to emit each message in the normalized chat-message shape (ISO 8601 timestamp) instead of as Wavy sent it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [combineMessagesOption('messages one number sends'), ...mediaDownloadOptions('the image, audio, video or document (the answer to Wavy is sent first)')],
	},
];
