/**
 * `npm run test:queue`: this package in n8n 2.41.1's queue mode (Postgres, Redis, a main process, 2 webhook
 * processes, 2 workers, all on 127.0.0.1) against the provider simulator. Runs every case, prints what each
 * measured, writes the figures under `queueMode` in bench/results.json, stops everything it started (also on a
 * failure or Ctrl-C) and exits 1 when a case failed.
 *
 * QUEUE_CASES=<part of a name>[,...] runs only matching cases (their figures replace theirs); QUEUE_DELIVERIES /
 * QUEUE_SENDS / QUEUE_ITEMS shrink the load while developing (figures are then not written).
 */
import fs from 'node:fs';
import path from 'node:path';

import { ensureRuntime } from '../../runtime/ensure';
import { chooseCredentials } from '../../scripts/lib/credentials';
import { N8nClient } from '../../scripts/lib/n8n';
import { startQueueStack, type QueueStack } from '../../scripts/lib/queue-stack';
import { OWNER, PROJECT_ROOT } from '../../scripts/lib/stage';
import { startSimulator, type Simulator } from '../simulator';
import { examplesOnWorkers, sharedLogin } from './actions';
import { duplicatesAcrossProcesses } from './duplicates';
import type { QueueCase, QueueContext } from './harness';
import { pollingOnce } from './polling';
import { retryOnFail } from './retry-on-fail';
import { deliveriesAcrossProcesses } from './triggers';
import { workerKilled } from './worker-kill';

const PORTS = { n8n: 5770, postgres: 55432, redis: 56379, simulator: 4070 };
const DEFAULT_SIZES = { deliveries: 1000, sends: 1000, items: 100, concurrency: 8 };
// The worker kill comes last: the stack has one worker fewer after it.
const CASES: QueueCase[] = [examplesOnWorkers, sharedLogin, pollingOnce, deliveriesAcrossProcesses, duplicatesAcrossProcesses, retryOnFail, workerKilled];
const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'results.json');
const OUTPUT_LINES_KEPT = 5000;

const log = (line: string) => process.stdout.write(`${line}\n`);

function sizes() {
	const read = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
	return {
		deliveries: read('QUEUE_DELIVERIES', DEFAULT_SIZES.deliveries),
		sends: read('QUEUE_SENDS', DEFAULT_SIZES.sends),
		items: read('QUEUE_ITEMS', DEFAULT_SIZES.items),
		concurrency: DEFAULT_SIZES.concurrency,
	};
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms)))]);
	} finally {
		clearTimeout(timer);
	}
}

async function connect(stack: QueueStack, sim: Simulator): Promise<Pick<QueueContext, 'n8n' | 'credentialIds'>> {
	const n8n = new N8nClient(stack.main.server.url);
	await n8n.setupOwner(OWNER);
	await n8n.createApiKey();
	const credentialIds = new Map<string, { id: string; name: string }>();
	for (const spec of chooseCredentials(sim.providers, { root: PROJECT_ROOT, simulatorOnly: true })) {
		credentialIds.set(spec.type, { id: (await n8n.createCredential(spec)).id, name: spec.name });
	}
	return { n8n, credentialIds };
}

/** A full run replaces `queueMode`; a run of some cases (at full size) replaces only theirs. */
function writeResults(figures: Record<string, unknown>, full: boolean): void {
	const results = fs.existsSync(RESULTS_FILE) ? (JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
	const before = (results.queueMode ?? {}) as { cases?: Record<string, unknown> };
	results.queueMode = full ? figures : { ...before, cases: { ...before.cases, ...(figures.cases as Record<string, unknown>) } };
	fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
	fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, '\t')}\n`);
	log(`figures written to ${path.relative(PROJECT_ROOT, RESULTS_FILE)} (queueMode)`);
}

async function main(): Promise<number> {
	const started = Date.now();
	const only = process.env.QUEUE_CASES;
	const cases = CASES.filter((candidate) => !only || only.split(',').some((part) => candidate.name.includes(part)));
	await ensureRuntime(log);
	const output = new Map<string, string[]>();
	const sim = await startSimulator({ port: PORTS.simulator, quiet: true });
	let stack: QueueStack | undefined;
	const results: Record<string, unknown> = {};
	let failures = 0;
	try {
		stack = await startQueueStack({
			basePort: PORTS.n8n,
			postgresPort: PORTS.postgres,
			redisPort: PORTS.redis,
			webhookProcesses: 2,
			workers: 2,
			log,
			n8nLog: (name, line) => {
				const lines = output.get(name) ?? output.set(name, []).get(name)!;
				lines.push(line);
				if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
			},
		});
		const context: QueueContext = { stack, sim, output, sizes: sizes(), log, ...(await connect(stack, sim)) };
		for (const queueCase of cases) {
			const caseStarted = Date.now();
			log(`\n▶ ${queueCase.name}`);
			try {
				const figures = await withTimeout(queueCase.run(context), queueCase.timeoutMs, queueCase.name);
				const seconds = (Date.now() - caseStarted) / 1000;
				results[queueCase.name] = { ...figures, seconds };
				log(`✓ ${queueCase.name} (${seconds.toFixed(0)} s)`);
			} catch (error) {
				failures++;
				results[queueCase.name] = { failed: (error as Error).message };
				log(`✗ ${queueCase.name}\n    ${(error as Error).stack ?? error}`);
			}
		}
		if (JSON.stringify(context.sizes) === JSON.stringify(DEFAULT_SIZES)) {
			const measuredAt = new Date().toISOString();
			for (const figures of Object.values(results)) Object.assign(figures as object, { measuredAt });
			writeResults({
				measuredAt: new Date().toISOString(),
				machine: '2 cores shared, Node 24 (n8n 2.41.1), Postgres and Redis from Debian, all on 127.0.0.1',
				stack: { processes: 'main + 2 webhook + 2 workers', startupSeconds: stack.timings },
				cases: results,
				totalSeconds: (Date.now() - started) / 1000,
			}, cases.length === CASES.length);
		}
	} finally {
		await stack?.stop();
		await sim.close();
	}
	log(`\n${cases.length - failures} of ${cases.length} queue-mode cases passed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	return failures ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(`queue-mode run failed: ${error.stack ?? error}`);
		process.exit(1);
	},
);
