import { inspect } from 'node:util';
import { NodeApiError, NodeOperationError, type JsonObject } from 'n8n-workflow';

import {
	invalidParameter,
	loginFailed,
	providerApiError,
	providerMessage,
	unexpectedAnswerError,
} from '../../nodes/shared/errors';
import { describeFailure } from '../../nodes/shared/failure';
import { testNode, closedPort, provokeFailure, SECRETS, type Way } from './support';
import { startSimulator, type Simulator } from '../simulator';

const node = testNode;

let sim: Simulator;
let closedPortUrl: string;

const provoke = async (way: Way) => await provokeFailure(sim, closedPortUrl, way);

async function apiErrorFor(way: Way, context: { attempts?: number; itemIndex?: number } = {}) {
	return providerApiError(node, describeFailure(await provoke(way)), { provider: 'IrisEngage', ...context });
}

beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
	closedPortUrl = `http://127.0.0.1:${await closedPort()}/GetContent`;
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

describe('providerMessage', () => {
	it.each([
		[{ message: ' RequestId is required ' }, 'RequestId is required'],
		[{ error: 'invalid_grant', error_description: 'Token expired' }, 'Token expired'],
		[{ error: { code: 131047, message: 'Re-engagement message' } }, 'Re-engagement message'],
		[{ errorMessage: 'Template not approved' }, 'Template not approved'],
		[{ status: 'error', detail: 'Number not on WhatsApp' }, 'Number not on WhatsApp'],
		[{ message: '   ', title: 'Bad Request' }, 'Bad Request'],
		[{ requestError: { serviceException: { messageId: 'BAD_REQUEST', text: 'Invalid destination' } } }, 'Invalid destination'],
	])('finds the message in %j', (body, message) => {
		expect(providerMessage(body)).toBe(message);
	});

	it.each([[undefined], [null], ['plain text'], [{ code: 42 }], [[1, 2]]])('finds none in %j', (body) => {
		expect(providerMessage(body)).toBeUndefined();
	});
});

describe('providerApiError', () => {
	it("carries the provider's own message and the HTTP status", async () => {
		const body = { error: { message: 'RequestId is required' } };
		const error = await apiErrorFor({ kind: 'status', status: 400, body });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('IrisEngage');
		expect(error.message).toContain('RequestId is required');
		expect(error.message).toMatch(/\b400\b/);
		expect(error.httpCode).toBe('400');
	});

	it('names the status and shows a text answer when the provider gave no message', async () => {
		const error = await apiErrorFor({ kind: 'status', status: 503, body: 'Down for maintenance until 14:00' });
		expect(error.message).toBe('IrisEngage answered HTTP 503');
		expect(error.description).toBe('Down for maintenance until 14:00');
		expect(error.httpCode).toBe('503');
	});

	it("turns a proxy's HTML page into a clean message and a tag-free description", async () => {
		const error = await apiErrorFor({ kind: 'html', status: 502 });
		expect(error.message).toBe('IrisEngage answered HTTP 502 with an HTML page instead of JSON');
		expect(error.description).toContain('502 Bad Gateway');
		expect(`${error.message} ${error.description}`).not.toMatch(/[<>]/);
		expect(error.httpCode).toBe('502');
	});

	it.each([
		[{ kind: 'reset' }, 'the connection was reset before an answer arrived', 'econnreset'],
		['refused', 'the connection was refused (is the base URL right and the server up?)', 'econnrefused'],
		[{ kind: 'delay', ms: 500 }, 'the request timed out', 'econnaborted'],
	] as Array<[Way, string, string]>)('explains a transport failure (%j)', async (way, explanation, code) => {
		const error = await apiErrorFor(way);
		expect(error.message).toBe(`IrisEngage could not be reached: ${explanation}`);
		expect(error.description).toBe(`Network error code ${code}.`);
		expect(error.httpCode).toBeNull();
	});

	it('says how many attempts were made and which item failed', async () => {
		const error = await apiErrorFor({ kind: 'status', status: 503 }, { attempts: 4, itemIndex: 2 });
		expect(error.description).toMatch(/Gave up after 4 attempts\.$/);
		expect(error.context.itemIndex).toBe(2);
	});

	it('falls back to the original message when nothing else is known', () => {
		const error = providerApiError(node, {}, { provider: 'IrisEngage', fallbackMessage: 'socket hang up' });
		expect(error.message).toBe('IrisEngage request failed: socket hang up');
	});

	it.each([
		{ kind: 'status', status: 429, retryAfter: 5 },
		{ kind: 'status', status: 400, body: { message: 'RequestId is required' } },
		{ kind: 'html', status: 502 },
		{ kind: 'reset' },
		{ kind: 'delay', ms: 500 },
		'refused',
	] as Way[])('never carries a credential from the request (%j)', async (way) => {
		const wrapped = await provoke(way);
		// The error n8n hands us does carry them, so the check below is not vacuous.
		expect(inspect(wrapped, { depth: null })).toContain(SECRETS[0]);

		const error = providerApiError(node, describeFailure(wrapped), {
			provider: 'IrisEngage',
			attempts: 2,
			fallbackMessage: wrapped.message,
		});
		const views = [error, error.message, error.description, error.context, error.cause, error.errorResponse];
		const exposed = [...views.map((view) => JSON.stringify(view) ?? ''), inspect(error, { depth: null })].join('\n');
		for (const secret of SECRETS) expect(exposed).not.toContain(secret);
	});
});

describe('unexpectedAnswerError', () => {
	it('names the documented shape and lists the problems', () => {
		const error = unexpectedAnswerError(node, 'IrisEngage', 'GetContent answer', 'message is not an array', 1);
		expect(error.message).toBe('IrisEngage sent an answer that is not the documented GetContent answer');
		expect(error.description).toBe('message is not an array');
		expect(error.httpCode).toBe('200');
		expect(error.context.itemIndex).toBe(1);
	});
});

describe('invalidParameter', () => {
	it('names the field, the problem and the item (counted from 1)', () => {
		const error = invalidParameter(node, 'Mobile Number', 'must contain only digits', 2);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Mobile Number: must contain only digits');
		expect(error.description).toBe('Fix the "Mobile Number" parameter of item 3.');
		expect(error.context.itemIndex).toBe(2);
	});
});

describe('loginFailed (a credential preAuthentication that failed)', () => {
	it("says the provider's own words and status, and n8n's wrapping keeps them", async () => {
		const error = loginFailed('IrisEngage', await provoke({ kind: 'status', status: 400, body: { message: 'Username or password is incorrect' } }));
		expect(error.message).toBe('IrisEngage login failed: Username or password is incorrect (HTTP 400)');
		const wrapped = new NodeApiError(node, error as unknown as JsonObject);
		expect(wrapped.message).toBe(error.message);
		expect(providerApiError(node, describeFailure(wrapped), { provider: 'IrisEngage' }).message).toBe(
			'IrisEngage: Username or password is incorrect (HTTP 400)',
		);
		for (const secret of SECRETS) expect(inspect(wrapped, { depth: 10 })).not.toContain(secret);
	});

	it('names a network failure', async () => {
		expect(loginFailed('IrisEngage', await provoke('refused')).message).toMatch(/^IrisEngage login failed: the connection was refused/);
	});
});
