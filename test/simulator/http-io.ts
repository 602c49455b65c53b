/** Reading requests and writing replies, kept apart from the dispatch logic in server.ts. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './provider';

/** Bodies above this are refused: nothing any provider spec sends comes close. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Node's header object with repeated headers joined, as plain strings for logs and JSON. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(', ') : (value ?? ''),
		]),
	);
}

export async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES)
			throw new BodyTooLargeError(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export type ParsedBody = { ok: true; body: unknown } | { ok: false; error: string };

/** JSON is parsed only when the client says it sent JSON, as the real APIs (ASP.NET, Spring) do. */
export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
	if (raw === '') return { ok: true, body: undefined };
	if (!contentType?.toLowerCase().includes('json')) return { ok: true, body: raw };
	try {
		return { ok: true, body: JSON.parse(raw) };
	} catch (error) {
		return { ok: false, error: `Request body is not valid JSON: ${(error as Error).message}` };
	}
}

export function sendReply(response: ServerResponse, reply: Reply): void {
	const [contentType, payload] =
		'json' in reply
			? ['application/json; charset=utf-8', JSON.stringify(reply.json) ?? '']
			: [reply.contentType, reply.text];
	response.writeHead(reply.status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(payload),
		...reply.headers,
	});
	response.end(payload);
}
