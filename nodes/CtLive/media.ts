import type { IBinaryData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

const DOWNLOAD_TIMEOUT_MS = 10_000;

function fileNameOf(url: string, caption: string | undefined, kind: string): string {
	if (kind === 'document' && caption) return caption;
	const last = new URL(url).pathname.split('/').filter(Boolean).pop();
	return last ? decodeURIComponent(last) : kind;
}

/**
 * Downloads the image or document of a delivery once and attaches it to every item of it as binary "data".
 * A failed download does not drop the message: the items keep the link and say why in `mediaDownloadError`.
 */
export async function downloadMedia(context: IWebhookFunctions, items: INodeExecutionData[]): Promise<void> {
	const media = items[0]?.json.media as IDataObject | undefined;
	if (!media?.url) return;
	const url = String(media.url);
	let binary: IBinaryData;
	try {
		const answer = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: DOWNLOAD_TIMEOUT_MS,
		})) as { body: Buffer | ArrayBuffer; headers: Record<string, string | undefined> };
		const body = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
		const mimeType = answer.headers['content-type']?.split(';')[0].trim() || undefined;
		binary = await context.helpers.prepareBinaryData(body, fileNameOf(url, media.caption as string | undefined, String(media.kind)), mimeType);
	} catch (error) {
		const reason = (error as Error).message ?? 'unknown error';
		for (const item of items) item.json.mediaDownloadError = `Could not download ${url}: ${reason}`;
		return;
	}
	for (const item of items) item.binary = { data: binary };
}
