/**
 * An independent CTLive message endpoint, written from the spec alone (not the simulator): the spec's literal path
 * `/imchanne/message` only, HTTP Basic, JSON, and `{ results: [...] }` with at least one entry (the spec never
 * shows an empty list), each exactly one of the spec's documented shapes (zod, strict: no field the spec does not
 * show). A good post gets an empty 200. The examples must work against it too.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const USER = 'strict-user';
const PASSWORD = 'strict-password-9';
const PATH = '/imchanne/message';

// 2019-07-19T11:21:27.861+0000, as every example in the spec writes dates.
const timestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
const text = z.string().min(1);
const newMessage = z
	.object({
		from: text,
		to: text,
		integrationType: text,
		receivedAt: timestamp,
		messageId: text,
		pairedMessageId: z.string().nullable().optional(),
		message: z.discriminatedUnion('type', [
			z.object({ type: z.literal('TEXT'), text }).strict(),
			z.object({ type: z.literal('IMAGE'), caption: z.string().optional(), url: z.string().url() }).strict(),
			z.object({ type: z.literal('DOCUMENT'), caption: z.string().optional(), url: z.string().url() }).strict(),
		]),
		contact: z.object({ name: text }).strict().optional(),
	})
	.strict();
const deliveryReport = z
	.object({
		bulkId: z.string(),
		status: z.object({ id: z.number().int(), groupId: z.number().int().min(1).max(5), groupName: text, name: text, description: z.string().optional() }).strict(),
		messageId: text,
		doneAt: timestamp,
		sentAt: timestamp,
		to: text,
		channel: z.string().optional(),
	})
	.strict();
const seenReport = z.object({ messageId: text, to: text, sentAt: timestamp, seenAt: timestamp }).strict();
const body = z.object({ results: z.array(z.union([newMessage, deliveryReport, seenReport])).min(1) }).strict();

export interface StrictRequest {
	path: string;
	status: number;
	body: unknown;
}

async function read(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startStrictServer() {
	const requests: StrictRequest[] = [];
	const server = createServer((request, response) => {
		void read(request).then((raw) => {
			const answer = (status: number, message?: string) => {
				requests.push({ path: request.url ?? '', status, body: raw === '' ? undefined : JSON.parse(raw) });
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(message === undefined ? '' : JSON.stringify({ requestError: { serviceException: { messageId: 'ERROR', text: message } } }));
			};
			if (request.method !== 'POST' || request.url !== PATH) return answer(404, `No ${request.method} ${request.url}`);
			if (request.headers.authorization !== `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`) return answer(401, 'Unauthorized');
			if (!request.headers['content-type']?.startsWith('application/json')) return answer(415, 'JSON only');
			let parsed: unknown;
			try {
				parsed = JSON.parse(raw);
			} catch {
				return answer(400, 'Not JSON');
			}
			const checked = body.safeParse(parsed);
			if (!checked.success) return answer(400, checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
			answer(200);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		requests,
		credentials: { baseUrl: url, messagePath: PATH, authType: 'basic', user: USER, password: PASSWORD },
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
