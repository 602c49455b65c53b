/**
 * The Wavy examples against an independent server written from specs/wavy-sinch-sessions.txt alone, deliberately
 * unlike the simulator: `GET /v1/session` with exactly the spec's query parameters and headers, a `file_url` on
 * another host (a CDN path without a file extension, served as application/octet-stream, refusing Wavy's
 * credentials), and for the trigger the spec's own MO batch, word for word.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { loadExamples, ourNodes } from './examples';
import { createCredentialStore, runWebhook, runWorkflow } from './harness';

const USER = 'strict-wavy-user';
const TOKEN = 'strict-wavy-token-5c1e';
const FILE_PATH = '/2019/02/13/633e33fc-3a3f-4ca5-a8b0-4b747fb67137/5bd46e2b-5990-4681-9b29-98ab6598960e';
const CSV = 'origin,session_created_at\n5519900000000,2019-02-13 10:15:00\n5519900000001,2019-02-13 10:20:30\n';

const listen = async (server: Server) => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
};
const close = async (server: Server) => await new Promise((resolve) => server.close(resolve));

/** Where a request departs from the spec; empty when it conforms. */
function sessionsProblems(request: IncomingMessage): string[] {
	const url = new URL(request.url ?? '/', 'http://strict');
	const problems: string[] = [];
	if (request.method !== 'GET' || url.pathname !== '/v1/session') problems.push(`${request.method} ${url.pathname} is not GET /v1/session`);
	if (request.headers.username !== USER || request.headers.authenticationtoken !== TOKEN) problems.push('UserName and AuthenticationToken headers are required');
	if (!/^\d+$/.test(url.searchParams.get('customerId') ?? '')) problems.push('customerId is required and numeric ("={customerId}" becomes "=42")');
	const sub = url.searchParams.get('subAccountId');
	if (sub !== null && !/^\d+$/.test(sub)) problems.push('subAccountId must be numeric');
	for (const name of url.searchParams.keys()) if (!['customerId', 'subAccountId'].includes(name)) problems.push(`${name} is not a parameter of the spec`);
	return problems;
}

test('wavy-session-get-many-open.json runs against an independent strict server and CDN', async () => {
	const seen: string[] = [];
	const cdn = createServer((request, response) => {
		const credentials = 'username' in request.headers || 'authenticationtoken' in request.headers;
		seen.push(`cdn ${request.url}${credentials ? ' WITH WAVY CREDENTIALS' : ''}`);
		if (credentials || request.url !== FILE_PATH) return void response.writeHead(403).end();
		response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(CSV);
	});
	const cdnPort = await listen(cdn);
	const api = createServer((request, response) => {
		const problems = sessionsProblems(request);
		seen.push(`api ${problems.join('; ') || 'ok'}`);
		if (problems.length > 0) return void response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ problems }));
		response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ file_url: `http://localhost:${cdnPort}${FILE_PATH}` }));
	});
	const apiPort = await listen(api);
	try {
		const { workflow } = loadExamples().find((example) => example.file === 'wavy-session-get-many-open.json')!;
		const store = await createCredentialStore({
			wavyApi: { baseUrl: `http://127.0.0.1:${apiPort}`, userName: USER, authenticationToken: TOKEN, customerId: '42', webhookSecret: 'unused' },
		});
		const result = await runWorkflow(workflow, store);
		const [node] = ourNodes(workflow);
		expect(result.error(node.name)).toBeUndefined();
		expect(result.output(node.name).map((item) => item.json)).toEqual([
			{ origin: '5519900000000', sessionCreatedAt: '2019-02-13T10:15:00.000Z' },
			{ origin: '5519900000001', sessionCreatedAt: '2019-02-13T10:20:30.000Z' },
		]);
		expect(seen).toEqual(['api ok', `cdn ${FILE_PATH}`]);
	} finally {
		await Promise.all([close(api), close(cdn)]);
	}
});

test("wavy-trigger-mo-messages.json's trigger takes the spec's own MO batch", async () => {
	const specBatch = {
		total: 1,
		data: [
			{
				id: 'ce425ffe-bc62-421f-9261-e6819a5eab43',
				source: '5519900000000',
				origin: '5519900000000',
				userProfile: { name: 'name of the user' },
				campaignId: 100,
				correlationId: '...',
				campaignAlias: '...',
				flowId: '....',
				extraInfo: '...',
				message: { type: 'TEXT', messageText: 'Hi, this is a message from the user' },
				receivedAt: 1513616971473,
				receivedDate: '2017-12-18T17:09:31.473Z',
			},
		],
	};
	const { workflow } = loadExamples().find((example) => example.file === 'wavy-trigger-mo-messages.json')!;
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.wavyTrigger'))!;
	const secret = 'strict-secret-3f9a';
	const store = await createCredentialStore({ wavyApi: { baseUrl: 'http://127.0.0.1:9', userName: USER, authenticationToken: TOKEN, customerId: '42', webhookSecret: secret } });
	const run = await runWebhook(trigger, { body: specBatch, query: { secret }, url: `/webhook/mo?secret=${secret}` }, { store, staticData: {}, workflowId: 'wavy-strict' });
	expect(run.response.status).toBe(200);
	expect(run.items.map((item) => item.json)).toEqual([
		expect.objectContaining({
			provider: 'wavy',
			messageId: 'ce425ffe-bc62-421f-9261-e6819a5eab43',
			from: '5519900000000',
			contactName: 'name of the user',
			type: 'text',
			text: 'Hi, this is a message from the user',
			timestamp: '2017-12-18T17:09:31.473Z',
		}),
	]);
});
