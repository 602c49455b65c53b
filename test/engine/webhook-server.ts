import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { forwardingResponse, parseIncoming, type ExpressLikeRequest } from './http-emulation';
import type { TestNode } from './trigger-workflow';
import { runWebhookOn, webhookEndpoint, type WebhookOptions, type WebhookRun } from './webhook';

export interface WebhookServer {
	/** Pass as `webhookBaseUrl` so nodes register (getNodeWebhookUrl) URLs that reach this server. */
	baseUrl: string;
	/** The node's production webhook URL on this server. */
	url: string;
	/** Every call the node handled, oldest first. */
	runs: WebhookRun[];
	/** Errors thrown by webhook() (answered 500, as n8n does). */
	errors: unknown[];
	close(): Promise<void>;
}

/**
 * Serves the node's webhook over real HTTP on 127.0.0.1, as n8n's webhook server would, so the simulator can call
 * it (`sim.sendWebhook`, or the simulator's own outbound webhooks). Each call goes through `runWebhook` with the
 * given options (same static data). Other paths or methods get 404, as unregistered webhooks do in n8n.
 */
export async function serveWebhook(node: TestNode, options: WebhookOptions): Promise<WebhookServer> {
	const runs: WebhookRun[] = [];
	const errors: unknown[] = [];
	let serving: WebhookOptions = options;
	let expected = { path: '', method: '' };
	const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
		const reply = (status: number, body: unknown) => {
			outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			outgoing.end(JSON.stringify(body));
		};
		const { pathname } = new URL(incoming.url ?? '/', 'http://127.0.0.1');
		if (pathname !== expected.path || incoming.method !== expected.method)
			return reply(404, { message: `The requested webhook "${incoming.method} ${pathname}" is not registered.` });
		let request: ExpressLikeRequest;
		try {
			request = await parseIncoming(incoming);
		} catch (error) {
			return reply(422, { message: 'Failed to parse request body', hint: (error as Error).message });
		}
		// Sent as soon as the node ends it, as Express does, even while webhook() goes on (collecting a burst).
		const response = forwardingResponse(outgoing);
		try {
			const { run } = await runWebhookOn(node, request, serving, response);
			runs.push(run);
		} catch (error) {
			errors.push(error);
			if (!response.finished) reply(500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
		}
	};
	const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	serving = { ...options, webhookBaseUrl: baseUrl };
	const endpoint = await webhookEndpoint(node, serving);
	expected = { path: new URL(endpoint.url).pathname, method: endpoint.method };
	return {
		baseUrl,
		url: endpoint.url,
		runs,
		errors,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		},
	};
}
