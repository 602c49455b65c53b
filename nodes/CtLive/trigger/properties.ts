import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { combineMessagesOption, mediaDownloadOptions } from '../../shared/trigger';

/** The CTLive Trigger's parameters. */

const DEFAULT_RESEND_WINDOW_SECONDS = 300;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"In CTLive, set this node's Production URL as the channel's outbound URL, with the user and password of the credential (HTTP Basic)",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		// Top level, where the Mehery and Wavy triggers (and most n8n nodes) have it.
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to emit the normalized chat message (with scenarioKey) instead of CTLive's own fields for each destination",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			combineMessagesOption('answers an agent sends one customer'),
			...mediaDownloadOptions('the image or document'),
			{
				displayName: 'Resend Window (Seconds)',
				name: 'resendWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_RESEND_WINDOW_SECONDS,
				description:
					'CTLive resends a call it got no answer to. A call with exactly the same content within this time is that resend: it gets the first answer (the same message IDs) and starts no execution. 0 treats every call as new.',
			},
		],
	},
];

/** Options → Resend Window in milliseconds (0: every call is new). */
export function readResendWindowMs(context: IWebhookFunctions): number {
	const options = context.getNodeParameter('options', {}) as { resendWindowSeconds?: number };
	return Math.max(0, Number(options.resendWindowSeconds ?? DEFAULT_RESEND_WINDOW_SECONDS)) * 1000;
}
