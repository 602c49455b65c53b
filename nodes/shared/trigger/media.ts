/**
 * Downloads a message's media (image, document, audio...) into n8n binary data, for triggers whose users ask for
 * it. Bounded: the body is streamed and abandoned past `maxBytes`; one retry for a transient failure. A failed
 * download never loses the message: the trigger emits it with a `mediaError` instead.
 */
import type { IBinaryData, IDataObject, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { describeFailure, isTransient } from '../failure';

export interface MediaToDownload {
	url: string;
	/** Used when the server names none (Content-Disposition); else the URL's last path segment. */
	fileName?: string;
	/** Used when the server sends no Content-Type. */
	mimeType?: string;
	/** A credential type whose authentication the download needs (e.g. the provider's API key). */
	credentialType?: string;
}

export interface MediaDownloadOptions {
	maxBytes: number;
	/** Default 30 s. */
	timeoutMs?: number;
	/** Pause before the one retry. Default 500 ms. */
	retryDelayMs?: number;
}

export const DEFAULT_MAX_MEDIA_BYTES = 16 * 1024 * 1024;

class MediaTooLarge extends Error {}

/** The streamed body n8n's request helper returns for `encoding: 'stream'`. */
type ByteStream = AsyncIterable<Buffer> & { destroy?: () => void };

function headerOf(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return typeof value === 'string' ? value : undefined;
}

function fileNameOf(media: MediaToDownload, headers: IDataObject | undefined): string | undefined {
	const disposition = headerOf(headers, 'content-disposition');
	const named = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
	if (named) return decodeURIComponent(named);
	if (media.fileName) return media.fileName;
	const last = new URL(media.url).pathname.split('/').filter(Boolean).pop();
	return last ? decodeURIComponent(last) : undefined;
}

async function readBounded(stream: ByteStream, maxBytes: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) {
			stream.destroy?.();
			throw new MediaTooLarge(`larger than the limit of ${maxBytes} bytes`);
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

async function fetchOnce(context: IWebhookFunctions, media: MediaToDownload, options: MediaDownloadOptions) {
	const request = { url: media.url, encoding: 'stream' as const, returnFullResponse: true, timeout: options.timeoutMs ?? 30_000 };
	const response = (media.credentialType
		? await context.helpers.httpRequestWithAuthentication.call(context, media.credentialType, request)
		: await context.helpers.httpRequest(request)) as IN8nHttpFullResponse;
	const declared = Number(headerOf(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > options.maxBytes) {
		(response.body as ByteStream).destroy?.();
		throw new MediaTooLarge(`${declared} bytes, larger than the limit of ${options.maxBytes} bytes`);
	}
	return { data: await readBounded(response.body as ByteStream, options.maxBytes), headers: response.headers };
}

type Attempt = { fetched: Awaited<ReturnType<typeof fetchOnce>> } | { error: unknown };

async function attempt(context: IWebhookFunctions, media: MediaToDownload, options: MediaDownloadOptions): Promise<Attempt> {
	try {
		return { fetched: await fetchOnce(context, media, options) };
	} catch (error) {
		return { error };
	}
}

async function fetchWithOneRetry(context: IWebhookFunctions, media: MediaToDownload, options: MediaDownloadOptions): Promise<Attempt> {
	const first = await attempt(context, media, options);
	if ('fetched' in first || first.error instanceof MediaTooLarge || !isTransient(describeFailure(first.error))) return first;
	await sleep(options.retryDelayMs ?? 500);
	return await attempt(context, media, options);
}

/**
 * The media as n8n binary data, with the server's MIME type and file name (or the provider's). Throws a
 * NodeOperationError saying why it could not be had (no headers, no credentials).
 */
export async function downloadMedia(context: IWebhookFunctions, media: MediaToDownload, options: MediaDownloadOptions): Promise<IBinaryData> {
	const result = await fetchWithOneRetry(context, media, options);
	if ('error' in result) throw new NodeOperationError(context.getNode(), mediaFailure(result.error));
	const { fetched } = result;
	const mimeType = headerOf(fetched.headers, 'content-type')?.split(';')[0].trim() || media.mimeType;
	return await context.helpers.prepareBinaryData(fetched.data, fileNameOf(media, fetched.headers), mimeType);
}

/** Why a download failed, in words for the emitted item (no headers, no credentials). */
function mediaFailure(error: unknown): string {
	if (error instanceof MediaTooLarge) return `Media not downloaded: ${error.message}`;
	const failure = describeFailure(error);
	if (failure.status !== undefined) return `Media not downloaded: the server answered HTTP ${failure.status}`;
	if (failure.code) return `Media not downloaded: network error ${failure.code}`;
	return `Media not downloaded: ${(error as Error)?.message ?? 'unknown error'}`;
}
