/**
 * The fault matrix: every action operation of every published node against every fault class, and every trigger
 * against wrong or missing auth, malformed and oversized bodies, replays and 1,000 concurrent deliveries. All
 * cells start at once (a bounded number side by side, each on a simulator of its own; the timeout cells all
 * together, so their 30 s pass once); each test then checks its own cell. The table is printed and written to
 * docs/fault-matrix.md (see table.ts).
 */
import { loadPackage } from '../harness';
import { runCell, semaphore, type CellOutcome } from './cells';
import { checkBaseline, checkCell } from './expectations';
import { FAULTS, injection } from './faults';
import { OPERATION_FIXTURES } from './fixtures';
import { actionOperations, operationsOf, triggerNodes } from './operations';
import { runPollCell } from './poll-cells';
import { writeMatrix, type CellResult } from './table';
import { CONCURRENT_DELIVERIES, CONNECTIONS, OVERSIZED_BYTES, TRIGGER_FAULTS, runTriggerCell, type TriggerFaultKey } from './trigger-cells';
import { WEBHOOK_TRIGGER_FIXTURES } from './trigger-fixtures';

const operations = actionOperations();
const triggers = triggerNodes();
/** Polling triggers and the cells of their row. */
const POLL_TRIGGER_CELLS: Record<string, (fault: TriggerFaultKey) => Promise<string>> = { netcoreBotTrigger: runPollCell };

/** Cells side by side: most of a cell's time is waiting for retries, not computing. */
const CONCURRENCY = 12;
/** The longest a cell takes: a timeout (30 s) and a retry after it, with room for a busy machine. */
const CELL_TIMEOUT_MS = 120_000;

const key = (row: string, column: string) => `${row}|${column}`;
const baselines = new Map<string, Promise<CellOutcome>>();
const actionCells = new Map<string, Promise<CellOutcome>>();
const triggerCells = new Map<string, Promise<string>>();
const results = new Map<string, CellResult>();

/** Started, never left unhandled: the cell's own test reports its failure. */
function started<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}

beforeAll(() => {
	const pool = semaphore(CONCURRENCY);
	// The trigger cells first: the 1,000 concurrent deliveries are the longest to compute.
	for (const trigger of triggers) {
		const webhook = WEBHOOK_TRIGGER_FIXTURES[trigger.key];
		const poll = POLL_TRIGGER_CELLS[trigger.key];
		for (const { key: fault } of TRIGGER_FAULTS) {
			if (webhook) triggerCells.set(key(trigger.key, fault), started(pool(async () => await runTriggerCell(webhook, fault))));
			else if (poll) triggerCells.set(key(trigger.key, fault), started(pool(async () => await poll(fault))));
		}
	}
	for (const operation of operations) {
		const fixture = OPERATION_FIXTURES[operation.key];
		if (!fixture || operation.sendsThrough) continue;
		baselines.set(operation.key, started(pool(async () => await runCell(operation, fixture, []))));
		for (const fault of FAULTS) {
			const run = async () => await runCell(operation, fixture, injection(fault, operation.kind, fixture));
			// Timeout cells only wait: all at once, outside the pool.
			actionCells.set(key(operation.key, fault.key), started(fault.key === 'timeout' ? run() : pool(run)));
		}
	}
});

afterAll(async () => {
	// Every cell closes its own simulator; wait for the ones a failed test left running.
	await Promise.allSettled([...baselines.values(), ...actionCells.values(), ...triggerCells.values()]);
	// A run filtered to some tests (-t) prints what it ran and leaves the committed table alone.
	const complete = results.size === operations.length * FAULTS.length + triggers.length * TRIGGER_FAULTS.length;
	const text = writeMatrix(complete,
		{ corner: 'Operation (kind)', columns: FAULTS, rows: operations.map((operation) => ({ key: operation.key, label: `${operation.label} (${operation.kind})` })), cell: (row, column) => results.get(key(row, column)) },
		{ corner: 'Trigger', columns: TRIGGER_FAULTS, rows: triggers, cell: (row, column) => results.get(key(row, column)) },
		TRIGGER_NOTES,
	);
	console.log(text);
}, CELL_TIMEOUT_MS);

const MB = OVERSIZED_BYTES / 1024 / 1024;
const TRIGGER_NOTES = [
	"Each webhook trigger's `webhook()` runs in n8n-core's WebhookContext, each cell as a deployment of its own (its",
	'own workflow id and static data). Wrong or missing credentials get 401 whose answer holds no secret, a body that',
	`is not a delivery 400; neither starts an execution. An oversized body is a delivery of one ${MB} MB message (emitted`,
	`whole) or ${MB} MB that is no delivery (a short 400); above n8n's own payload limit (\`N8N_PAYLOAD_SIZE_MAX\`, 16 MiB)`,
	'n8n answers 413 before any node runs. A replayed id is the same delivery again, then 5 copies of another at once.',
	`The ${CONCURRENT_DELIVERIES.toLocaleString('en-US')} concurrent deliveries, each its own message, are fired at once over real HTTP (at most ${CONNECTIONS}`,
	'connections open, as a provider\'s client pools them) to the trigger served as n8n serves it. The polling Netcore',
	"Bot Trigger has no deliveries: its row holds each column's polling counterpart.",
].join('\n');

/** Runs a cell's checks and records its line for the table; a failed check fails the test and shows ❌. */
async function record(cell: string, check: () => Promise<string>) {
	try {
		const line = await check();
		results.set(cell, { passed: line.startsWith('n/a') ? 'n/a' : true, line });
	} catch (error) {
		results.set(cell, { passed: false, line: 'failed (see the test output)' });
		throw error;
	}
}

test('every action operation and every trigger the package publishes has a row', () => {
	expect(operations.length).toBeGreaterThan(0);
	expect(operations.filter((operation) => !operation.sendsThrough && !OPERATION_FIXTURES[operation.key]).map((operation) => operation.key)).toEqual([]);
	// A waiting operation's row is the one of the operation it sends through, which must have its fixture.
	expect(operations.filter((operation) => operation.sendsThrough && !OPERATION_FIXTURES[`${operation.key.split(':').slice(0, 2).join(':')}:${operation.sendsThrough}`])).toEqual([]);
	expect(Object.keys(OPERATION_FIXTURES).filter((fixture) => !operations.some((operation) => operation.key === fixture))).toEqual([]);
	expect(triggers.filter((trigger) => !WEBHOOK_TRIGGER_FIXTURES[trigger.key] && !POLL_TRIGGER_CELLS[trigger.key]).map((trigger) => trigger.key)).toEqual([]);
	expect(triggers.filter((trigger) => trigger.polling !== Boolean(POLL_TRIGGER_CELLS[trigger.key])).map((trigger) => trigger.key)).toEqual([]);
});

test('the rows are the operations of the built package as n8n loads it (dist/), not only of the sources', async () => {
	const { loader } = await loadPackage();
	const loaded = Object.values(loader.nodeTypes).flatMap(({ type }) =>
		'nodeVersions' in type ? [] : operationsOf(type.description).map(({ resource, operation }) => `${type.description.name}:${resource}:${operation}`),
	);
	expect(loaded.sort()).toEqual(operations.map((operation) => operation.key).sort());
});

describe.each(operations)('$label ($kind)', (operation) => {
	test.each(FAULTS)('$label', async (fault) => {
		await record(key(operation.key, fault.key), async () => {
			if (operation.sendsThrough) return `n/a: sends as ${operation.sendsThrough} (its row)`;
			const fixture = OPERATION_FIXTURES[operation.key];
			if (!fixture) throw new Error(`${operation.key} has no fixture in test/engine/fault-matrix/fixtures.ts`);
			const baseline = await baselines.get(operation.key)!;
			checkBaseline(baseline, operation);
			return checkCell(operation, fixture, fault, await actionCells.get(key(operation.key, fault.key))!, baseline);
		});
	}, CELL_TIMEOUT_MS);
});

describe.each(triggers)('$label', (trigger) => {
	test.each(TRIGGER_FAULTS)('$label', async ({ key: fault }) => {
		await record(key(trigger.key, fault), async () => {
			const cell = triggerCells.get(key(trigger.key, fault));
			if (!cell) throw new Error(`${trigger.key} has no fixture in test/engine/fault-matrix/trigger-fixtures.ts`);
			return await cell;
		});
	}, CELL_TIMEOUT_MS);
});
