/**
 * The trigger rows: each webhook trigger's `webhook()` in n8n-core's WebhookContext (over real HTTP for the
 * concurrent deliveries), each deployment with its own workflow id and static data, as n8n keeps them.
 */
import { Agent, request } from 'node:http';
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../simulator';
import { runWebhook, serveWebhook, type TriggerOptions, type WebhookRun } from '../harness';
import { secretValues, triggerStore, type Auth, type WebhookTriggerFixture } from './trigger-fixtures';

export type TriggerFaultKey = 'wrongAuth' | 'missingAuth' | 'malformed' | 'oversized' | 'replay' | 'concurrent';

export const TRIGGER_FAULTS: Array<{ key: TriggerFaultKey; label: string }> = [
	{ key: 'wrongAuth', label: 'wrong auth' },
	{ key: 'missingAuth', label: 'missing auth' },
	{ key: 'malformed', label: 'malformed body' },
	{ key: 'oversized', label: 'oversized body' },
	{ key: 'replay', label: 'replayed id' },
	{ key: 'concurrent', label: '1,000 concurrent' },
];

/** Well past any one message a provider sends, well under n8n's own 16 MiB payload limit (which answers 413 itself). */
export const OVERSIZED_BYTES = 5 * 1024 * 1024;
export const CONCURRENT_DELIVERIES = 1000;

let deployments = 0;

interface Cell {
	sim: Simulator;
	fixture: WebhookTriggerFixture;
	deployment: TriggerOptions & { staticData: IDataObject };
	call(body: unknown, auth?: Auth): Promise<WebhookRun>;
}

const textsOf = (run: WebhookRun) => run.items.map((item) => String(item.json.text));

function expectNoExecution(run: WebhookRun, status: number) {
	expect(run.response.status).toBe(status);
	expect(run.workflowData).toBeUndefined();
}

function expectNoSecret(cell: Cell, run: WebhookRun) {
	const answer = JSON.stringify(run.response);
	for (const secret of secretValues(cell.sim, cell.fixture)) expect(answer).not.toContain(secret);
}

async function refusedAuth(cell: Cell, auth: Auth) {
	const run = await cell.call(cell.fixture.delivery(1, 'hello'), auth);
	expectNoExecution(run, 401);
	expectNoSecret(cell, run);
	return `401 ${JSON.stringify((run.response.body as { message?: string }).message)}, no execution`;
}

async function malformed(cell: Cell) {
	const shape = await cell.call({ hello: 'world' });
	const text = await cell.call('this is not JSON');
	for (const run of [shape, text]) expectNoExecution(run, 400);
	expect((shape.response.body as { message: string }).message).toMatch(new RegExp(`^Not a ${cell.fixture.provider} delivery: `));
	return 'wrong shape or not JSON: 400 naming the problem, no execution';
}

async function oversized(cell: Cell) {
	const long = `start ${'x'.repeat(OVERSIZED_BYTES)} end`;
	const big = await cell.call(cell.fixture.delivery(1, long));
	expect(big.response.status).toBe(200);
	expect(textsOf(big)).toEqual([long]);
	const junk = await cell.call({ junk: 'x'.repeat(OVERSIZED_BYTES) });
	expectNoExecution(junk, 400);
	// The refusal says what is wrong without echoing megabytes back.
	expect(JSON.stringify(junk.response.body).length).toBeLessThan(1024);
	return '5 MB message: 1 item, whole; 5 MB of junk: short 400';
}

async function replay(cell: Cell) {
	const first = await cell.call(cell.fixture.delivery(1, 'first'));
	const resent = await cell.call(cell.fixture.delivery(1, 'first'));
	expect(textsOf(first)).toEqual(['first']);
	expectNoExecution(resent, 200);
	// Five copies of another delivery at once, each with its own copy of static data as n8n hands them out.
	const copies = await Promise.all(Array.from({ length: 5 }, async () => await cell.call(cell.fixture.delivery(2, 'second'))));
	expect(copies.map((run) => run.response.status)).toEqual([200, 200, 200, 200, 200]);
	expect(copies.flatMap(textsOf)).toEqual(['second']);
	return 'resent, and 5 copies at once: answered 200, 1 execution';
}

/**
 * The provider's side: all deliveries fired at once, at most this many connections open (1,000 connects at the
 * same instant overflow the listen backlog of any Node server, n8n's included). One connection per call: a
 * kept-alive one can be closed by the server's idle timer just as the next call goes out on it.
 */
export const CONNECTIONS = 100;

async function post(agent: Agent, url: string, body: string, headers: Record<string, string>): Promise<number> {
	return await new Promise((resolve, reject) => {
		const call = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
			response.on('error', reject);
		});
		call.on('error', reject);
		call.end(body);
	});
}

async function concurrent(cell: Cell) {
	const server = await serveWebhook(cell.fixture.node, cell.deployment);
	const agent = new Agent({ keepAlive: false, maxSockets: CONNECTIONS });
	try {
		const { headers = {}, query = {} } = cell.fixture.auth(cell.sim, 'right');
		const search = new URLSearchParams(query as Record<string, string>).toString();
		const url = search ? `${server.url}?${search}` : server.url;
		const texts = Array.from({ length: CONCURRENT_DELIVERIES }, (_, index) => `concurrent ${index}`);
		const statuses = await Promise.all(
			texts.map(async (text, index) => await post(agent, url, JSON.stringify(cell.fixture.delivery(index + 10, text)), headers as Record<string, string>)),
		);
		expect(server.errors).toEqual([]);
		expect(statuses.filter((status) => status !== 200)).toEqual([]);
		const handled = server.runs.flatMap(textsOf).sort();
		expect(handled).toEqual([...texts].sort());
		return `${CONCURRENT_DELIVERIES.toLocaleString('en-US')} at once: all answered 200, each message in 1 execution`;
	} finally {
		agent.destroy();
		await server.close();
	}
}

/** One cell of a webhook trigger's row, on a simulator and a deployment of its own. */
export async function runTriggerCell(fixture: WebhookTriggerFixture, fault: TriggerFaultKey): Promise<string> {
	const sim = await startSimulator({ quiet: true });
	try {
		const deployment = { store: await triggerStore(sim, fixture), staticData: {} as IDataObject, workflowId: `fault-matrix-${++deployments}` };
		const cell: Cell = {
			sim,
			fixture,
			deployment,
			call: async (body, auth = 'right') => await runWebhook(fixture.node, { ...fixture.auth(sim, auth), body }, deployment),
		};
		switch (fault) {
			case 'wrongAuth':
				return await refusedAuth(cell, 'wrong');
			case 'missingAuth':
				return await refusedAuth(cell, 'missing');
			case 'malformed':
				return await malformed(cell);
			case 'oversized':
				return await oversized(cell);
			case 'replay':
				return await replay(cell);
			case 'concurrent':
				return await concurrent(cell);
		}
	} finally {
		await sim.close();
	}
}
