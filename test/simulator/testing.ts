/** Small helpers shared by the simulator's own tests. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './types';

export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<Response> {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

/** IrisEngage calls against a running simulator. */
export function irisClient(simulator: Simulator) {
	const api = `${simulator.providers.irisengage.baseUrl}/IrisEngage_API/api`;
	const { name, password } = simulator.providers.irisengage.credentials;
	return {
		api,
		login: async (): Promise<string> => {
			const response = await postJson(`${api}/Users/authenticate`, {
				Name: name,
				Password: password,
			});
			return ((await response.json()) as { token: string }).token;
		},
		call: async (path: string, body: unknown, token?: string): Promise<Response> =>
			await postJson(`${api}${path}`, body, token ? { authorization: `Bearer ${token}` } : {}),
	};
}

export interface ReceivedCall {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * A customer's webhook endpoint for outbound tests: records each call and answers as `answer` says;
 * 'hang' never answers (for timeouts). close() also cuts hanging connections.
 */
export async function startReceiver(
	answer: { status: number; body?: string; headers?: Record<string, string> } | 'hang' = {
		status: 200,
		body: '{"received":true}',
		headers: { 'content-type': 'application/json' },
	},
) {
	const calls: ReceivedCall[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			calls.push({
				method: request.method ?? '',
				path: request.url ?? '',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			if (answer === 'hang') return;
			response.writeHead(answer.status, answer.headers);
			response.end(answer.body ?? '');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
