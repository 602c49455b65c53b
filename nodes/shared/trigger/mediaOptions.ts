/**
 * The "Download Media" options every chat trigger offers, and their reader. A trigger puts
 * `...mediaDownloadOptions('images, documents, audio and video')` into its Options collection and passes
 * `media: readMediaDownload(this)` to receiveWebhook.
 */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_MEDIA_BYTES, type MediaDownloadOptions } from './media';

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
			displayName: 'Max Media Size (Bytes)',
			name: 'maxMediaBytes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_MEDIA_BYTES,
			description: 'With Download Media: larger files are not downloaded; the item then carries a mediaError',
		},
	];
}

/** What receiveWebhook's `media` wants: undefined unless the user turned Download Media on. */
export function readMediaDownload(context: IWebhookFunctions): MediaDownloadOptions | undefined {
	if (context.getNodeParameter('options.downloadMedia', false) !== true) return undefined;
	const maxBytes = Number(context.getNodeParameter('options.maxMediaBytes', DEFAULT_MAX_MEDIA_BYTES));
	return { maxBytes: Number.isInteger(maxBytes) && maxBytes > 0 ? maxBytes : DEFAULT_MAX_MEDIA_BYTES };
}
