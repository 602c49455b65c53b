import axios from 'axios';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError, type IExecuteFunctions, type IHttpRequestOptions, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { z } from 'zod';

import { callProvider, describeIssues } from '../../nodes/shared/call';
import { testNode } from './support';

interface Received {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** What the server answers next: status, content type and raw body text. */
interface Answer {
	status?: number;
	type?: string;
	body: string;
}

let server: Server;
let base: string;
let received: Received[];
let answers: Answer[];

beforeAll(async () => {
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
			const answer = answers.shift() ?? { body: '{}' };
			response.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json' });
			response.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
	received = [];
	answers = [];
});
afterAll(async () => await new Promise((resolve) => server.close(resolve)));

/**
 * n8n's authenticated request helper, played by a real axios request that adds a credential header and, like
 * n8n, parses JSON when it can (text otherwise) and rethrows failures as a NodeApiError.
 */
const helpers = {
	httpRequestWithAuthentication: async (_credentialType: string, options: IHttpRequestOptions) => {
		try {
			const response = await axios.request({
				url: options.url,
				method: options.method,
				params: options.qs,
				data: options.body,
				headers: { ...options.headers, 'x-api-key': 'SECRET-KEY' },
			});
			return response.data;
		} catch (error) {
			throw new NodeApiError(testNode, error as JsonObject);
		}
	},
};
const executeContext = { getNode: () => testNode, getInputData: () => [{ json: {} }], helpers } as unknown as IExecuteFunctions;
const pollContext = { getNode: () => testNode, helpers } as unknown as IPollFunctions;

const user = z.object({ id: z.string(), name: z.string() }).passthrough();
const userList = z.object({ users: z.array(user) });
const call = { provider: 'Acme', credentialType: 'acmeApi', schema: userList, expected: 'user list', retry: { baseDelayMs: 1, maxDelayMs: 2 } };

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('callProvider', () => {
	it('sends method, URL, query, body and headers as given and returns the parsed answer, extra fields kept', async () => {
		answers.push({ body: JSON.stringify({ users: [{ id: 'u1', name: 'Ann', team: 'blue' }], next: null }) });
		const answer = await callProvider(
			executeContext,
			{ method: 'PUT', url: `${base}/v1/users`, qs: { page: 2 }, body: { filter: 'all' }, headers: { 'x-trace': 't1' } },
			{ ...call, itemIndex: 0 },
		);
		expect(answer).toEqual({ users: [{ id: 'u1', name: 'Ann', team: 'blue' }] });
		expect(received).toHaveLength(1);
		expect(received[0]).toMatchObject({ method: 'PUT', url: '/v1/users?page=2', body: '{"filter":"all"}' });
		expect(received[0].headers).toMatchObject({ 'x-trace': 't1', 'x-api-key': 'SECRET-KEY' });
	});

	it('works in a trigger context too (poll, hook, webhook and load options have no items)', async () => {
		answers.push({ body: '{"users":[]}' });
		await expect(callProvider(pollContext, { method: 'GET', url: `${base}/v1/users` }, call)).resolves.toEqual({ users: [] });
		expect(received[0].method).toBe('GET');
	});

	it('names what was expected and every problem of a wrongly shaped answer', async () => {
		answers.push({ body: JSON.stringify({ users: [{ id: 7 }] }) });
		const error = await failure(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users` }, { ...call, itemIndex: 3 }));
		expect(error.message).toBe('Acme sent an answer that is not the documented user list');
		expect(error.description).toBe('users.0.id: Expected string, received number; users.0.name: Required');
		expect(error.httpCode).toBe('200');
		expect(error.context.itemIndex).toBe(3);
	});

	it('quotes the start of an answer that is not JSON, and says when it is empty', async () => {
		answers.push({ type: 'text/plain', body: 'Service temporarily in maintenance' }, { body: '' });
		const notJson = await failure(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users` }, call));
		expect(notJson.description).toBe('The body is not valid JSON: Service temporarily in maintenance');
		const empty = await failure(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users` }, call));
		expect(empty.description).toBe('The body is empty');
	});

	it('after a send answered 2xx in a shape it cannot read, says the message may have arrived and was not resent', async () => {
		answers.push({ body: '{"receipt": ' }, { body: JSON.stringify({ users: [{ id: 7 }] }) });
		const sent = await failure(callProvider(executeContext, { method: 'POST', url: `${base}/v1/messages`, body: { text: 'hi' } }, { ...call, kind: 'send' }));
		expect(sent.description).toContain('Acme may have received this message: its answer does not say whether it was taken, so it was not sent again');
		const read = await failure(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users` }, call));
		expect(read.description).not.toContain('may have received');
		expect(received).toHaveLength(2);
	});

	it("passes the provider's error on with its status, and never the credential", async () => {
		answers.push({ status: 404, body: JSON.stringify({ message: 'No such user' }) });
		const error = await failure(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users/x` }, call));
		expect(error.message).toBe('Acme: No such user (HTTP 404)');
		expect(error.httpCode).toBe('404');
		expect(JSON.stringify(error)).not.toContain('SECRET-KEY');
	});

	it('passes the request kind through: a read is retried after a 502, a send is not', async () => {
		answers.push({ status: 502, body: '{}' }, { body: '{"users":[]}' });
		await expect(callProvider(executeContext, { method: 'GET', url: `${base}/v1/users` }, { ...call, kind: 'read' })).resolves.toEqual({
			users: [],
		});
		expect(received).toHaveLength(2);

		received = [];
		answers.push({ status: 502, body: '{}' }, { body: '{"users":[]}' });
		const send = { ...call, kind: 'send' as const };
		await failure(callProvider(executeContext, { method: 'POST', url: `${base}/v1/messages`, body: { text: 'hi' } }, send));
		expect(received).toHaveLength(1);
	});
});

describe('describeIssues', () => {
	const failing = (value: unknown) => {
		const result = z.object({ a: z.string(), b: z.number(), c: z.boolean() }).safeParse(value);
		if (result.success) throw new Error('expected a failure');
		return result.error;
	};

	test('one `path: message` per problem; the whole value named by root', () => {
		expect(describeIssues(failing({ a: 1, b: 2, c: true }))).toBe('a: Expected string, received number');
		expect(describeIssues(failing('x'), { root: '(body)' })).toBe('(body): Expected object, received string');
	});

	test('beyond max, problems are only counted', () => {
		expect(describeIssues(failing({}), { max: 1 })).toBe('a: Required (and 2 more)');
		expect(describeIssues(failing({}))).toBe('a: Required; b: Required; c: Required');
	});
});
