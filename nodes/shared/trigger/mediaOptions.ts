/**
 * The "Download Media" options every chat trigger offers, and their reader. A trigger puts
 * `...mediaDownloadOptions('images, documents, audio and video')` into its Options collection and passes
 * `media: readMediaDownload(this)` to receiveWebhook.
 */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_MEDIA_BYTES, type MediaDownloadOptions } from './media';

/**
 * The chat triggers' versions. 1.1 (the default) takes the media size limit in MB; a trigger saved at version 1
 * keeps its limit in bytes (the editor drops an option its version does not list, so the old one stays listed
 * for version 1). 1.1 also spares n8n an expression isolate per delivery: n8n evaluates a legacy Webhook option
 * with its engine for every start node of version 1 (webhook-helpers parseRequestBody).
 */
export const CHAT_TRIGGER_VERSIONS = [1, 1.1];
const BYTES_PER_MB = 1024 * 1024;
const DEFAULT_MAX_MEDIA_MB = DEFAULT_MAX_MEDIA_BYTES / BYTES_PER_MB;
const MEDIA_SIZE_DESCRIPTION = 'With Download Media: larger files are not downloaded; the item then carries a mediaError';

/** `what`: the kinds of media this provider sends, in words (e.g. "the image or document"). */
export function mediaDownloadOptions(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Download Media',
			name: 'downloadMedia',
			type: 'boolean',
			default: false,
			description: `Whether to download ${what} of inbound messages into the binary property "data" (a failed download keeps the message, with a mediaError)`,
		},
		{
			displayName: 'Max Media Size (MB)',
			name: 'maxMediaMb',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: DEFAULT_MAX_MEDIA_MB,
			description: MEDIA_SIZE_DESCRIPTION,
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
		{
			displayName: 'Max Media Size (Bytes)',
			name: 'maxMediaBytes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_MEDIA_BYTES,
			description: MEDIA_SIZE_DESCRIPTION,
			displayOptions: { show: { '@version': [1] } },
		},
	];
}

/** What receiveWebhook's `media` wants: undefined unless the user turned Download Media on. */
export function readMediaDownload(context: IWebhookFunctions): MediaDownloadOptions | undefined {
	if (context.getNodeParameter('options.downloadMedia', false) !== true) return undefined;
	const megabytes = Number(context.getNodeParameter('options.maxMediaMb', Number.NaN));
	const bytes = Number.isFinite(megabytes) ? Math.round(megabytes * BYTES_PER_MB) : Number(context.getNodeParameter('options.maxMediaBytes', DEFAULT_MAX_MEDIA_BYTES));
	return { maxBytes: Number.isInteger(bytes) && bytes > 0 ? bytes : DEFAULT_MAX_MEDIA_BYTES };
}
