/**
 * Triggers under overload (issue 14): one real n8n 2.41.1 (n8n's default settings, the packed package installed
 * as a community package) takes 50 deliveries a second for 30 s, first on n8n's own Webhook node ("Respond:
 * Immediately", the baseline), then on the Wavy, Mehery and CTLive triggers, one after the other, each workflow
 * the trigger alone. Per run: deliveries sent, answered 200 / other statuses / no answer, executions started
 * (read from n8n's stored executions once the run has drained), lost (answered 200, no execution) and p50/p99
 * answer time. Goal: each trigger loses none, starts none twice, and starts at least as many executions and
 * answers at least as many deliveries 200 as its comparison row did: n8n's Webhook node when n8n lets a trigger
 * run without an expression isolate (N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true), else the Webhook node with an
 * expression in its options. Why: n8n 2.41 takes a fresh V8 isolate for every delivery to a start node that is
 * not its own Webhook node (webhooks/live-webhooks.js, webhookPhaseNeedsIsolate), whatever the node does; with
 * lazy acquisition it takes one only when an expression is evaluated, and our triggers evaluate none.
 *
 * Alone: `npm run build && node -r ts-node/register/transpile-only test/bench/overload.ts`. Settings:
 * OVERLOAD_SECONDS (30), OVERLOAD_RATE (50 a second), OVERLOAD_TARGETS (e.g. `wavy,ctlive`; the baseline
 * and the reference row always run), E2E_N8N_PORT (5760), OVERLOAD_N8N_ENV (`NAME=value,...`: n8n settings for the whole run),
 * OVERLOAD_TARBALL (another build of the package, e.g. an earlier commit's `npm pack`, to compare).
 * n8n's output goes to .tmp/bench-overload/n8n.log.
 */
import fs from 'node:fs';
import path from 'node:path';

import { ensureRuntime } from '../../runtime/ensure';
import type { N8nClient, N8nServer } from '../../scripts/lib/n8n';
import { PROJECT_ROOT } from '../../scripts/lib/stage';
import { startSimulator, type Simulator } from '../simulator';
import { startBenchN8n } from './bench-n8n';
import { fireDeliveries, settled, storedExecutions, tally, type Delivery, type Load, type Tally } from './overload-load';
import { overloadTargets, type OverloadTarget } from './overload-targets';

export interface OverloadRow {
	name: string;
	tally: Tally;
	/** n8n's database health check failures logged during the run ("Database ping failed"). */
	pingFailures: number;
	ok: boolean;
	/** 'baseline', 'reference' (beside it, no goal) or 'goal'. */
	role: 'baseline' | 'reference' | 'goal';
	problem?: string;
	/** The row a goal row was held to. */
	comparedWith?: string;
}

const WORK_DIR = path.join(PROJECT_ROOT, '.tmp', 'bench-overload');

/**
 * Posts one delivery until it is answered 200 (bounded): a just-activated webhook answers 404 for a moment, and an
 * n8n still busy with the previous run may answer 503 or not at all.
 */
async function warmUp(sim: Simulator, url: string, delivery: Delivery): Promise<string> {
	let outcome = '';
	for (let attempt = 0; outcome !== '200' && attempt < 60; attempt++) {
		if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
		outcome = await sim.sendWebhook(url, { body: delivery.body, headers: delivery.headers }).then(
			(response) => String(response.status),
			(error: Error) => error.message,
		);
	}
	return outcome;
}

const pingFailuresIn = (logPath: string, fromByte: number) =>
	(fs.readFileSync(logPath, 'utf8').slice(fromByte).match(/Database ping failed/g) ?? []).length;

async function measure(target: OverloadTarget, env: { sim: Simulator; server: N8nServer; n8n: N8nClient; credentials: Map<string, { id: string; name: string }>; logPath: string }, load: Load, baseline?: OverloadRow): Promise<OverloadRow> {
	const { sim, server, n8n, credentials, logPath } = env;
	const workflow = await n8n.createWorkflow(target.workflow(credentials));
	await n8n.activateWorkflow(workflow.id);
	const url = `${server.url}/webhook/${target.path}`;
	const warm = await warmUp(sim, url, target.delivery(-1));
	if (warm !== '200') throw new Error(`${target.name}: the warm-up delivery was not answered 200 (${warm})`);
	await settled(n8n, workflow.id, target.triggerName, 3000);
	const logBytes = fs.statSync(logPath).size;
	const fired = await fireDeliveries(sim, url, load, target.delivery);
	process.stdout.write(`  [bench] ${target.name}: ${fired.outcomes.length} deliveries sent in ${fired.sendSeconds.toFixed(1)} s; waiting for n8n to settle\n`);
	const quiet = await settled(n8n, workflow.id, target.triggerName);
	await n8n.deactivateWorkflow(workflow.id);
	const counts = tally(fired.outcomes, await storedExecutions(n8n, workflow.id, target.triggerName, target.keyOf));
	const pingFailures = pingFailuresIn(logPath, logBytes);
	const role = !baseline ? 'baseline' : target.reference ? 'reference' : 'goal';
	if (!quiet) return { name: target.name, tally: counts, pingFailures, role, ok: false, problem: 'n8n did not settle within 5 minutes' };
	return { name: target.name, tally: counts, pingFailures, role, ok: true };
}

/** n8n takes an expression isolate only when an expression is evaluated (our triggers evaluate none). */
export const isolatesAreLazy = (env: Record<string, string>) => env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE === 'true' || env.N8N_EXPRESSION_ENGINE === 'legacy';

/** A trigger's row held to the row it is compared with. */
function judged(row: OverloadRow, comparedWith: OverloadRow): Pick<OverloadRow, 'ok' | 'problem' | 'comparedWith'> {
	if (!row.ok) return row;
	const counts = row.tally;
	const { tally: compared, name: comparedName } = comparedWith;
	const missed = [
		counts.lost > 0 ? `${counts.lost} lost` : '',
		counts.doubled > 0 ? `${counts.doubled} started twice` : '',
		counts.started < compared.started ? `fewer executions than ${comparedName} (${counts.started} < ${compared.started})` : '',
		counts.ok < compared.ok ? `fewer 200s than ${comparedName} (${counts.ok} < ${compared.ok})` : '',
	].filter(Boolean);
	return { ok: missed.length === 0, problem: missed.join(', ') || undefined, comparedWith: comparedName };
}

function envSettings(spec = ''): Record<string, string> {
	return Object.fromEntries(
		spec
			.split(',')
			.filter(Boolean)
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
	);
}

/** 50 deliveries a second for 30 s, callers giving up after 10 s; OVERLOAD_SECONDS / OVERLOAD_RATE change it. */
export const overloadLoad = (): Load => ({ seconds: Number(process.env.OVERLOAD_SECONDS ?? 30), perSecond: Number(process.env.OVERLOAD_RATE ?? 50), timeoutMs: 10_000 });

/** The whole comparison in one n8n: the baseline first, then each trigger. */
export async function overloadBenchmark(
	load: Load = overloadLoad(),
	options: { port?: number; only?: string[]; extraEnv?: Record<string, string>; tarball?: string } = {},
): Promise<OverloadRow[]> {
	const { port = Number(process.env.E2E_N8N_PORT ?? 5760), only = process.env.OVERLOAD_TARGETS?.split(','), extraEnv = envSettings(process.env.OVERLOAD_N8N_ENV), tarball = process.env.OVERLOAD_TARBALL } = options;
	await ensureRuntime((line) => process.stdout.write(`  [bench] ${line}\n`));
	fs.mkdirSync(WORK_DIR, { recursive: true });
	const logPath = path.join(WORK_DIR, 'n8n.log');
	const logFile = fs.createWriteStream(logPath);
	const sim = await startSimulator({ quiet: true });
	try {
		const { server, n8n, credentials } = await startBenchN8n({
			workDir: WORK_DIR,
			port,
			providers: sim.providers,
			extraEnv,
			log: (line) => logFile.write(`${line}\n`),
			tarball,
		});
		try {
			const [baseline, ...triggers] = overloadTargets(sim);
			const env = { sim, server, n8n, credentials, logPath };
			const rows = [await measure(baseline, env, load)];
			let compared = rows[0];
			for (const target of triggers.filter((candidate) => candidate.reference || !only || only.includes(candidate.id))) {
				const row = await measure(target, env, load, rows[0]);
				rows.push(row);
				// Without lazy isolates n8n charges every trigger but its Webhook node an isolate per delivery: the
				// reference row pays the same, so the triggers are held to it.
				if (row.role === 'reference' && !isolatesAreLazy(extraEnv)) compared = row;
				else if (row.role === 'goal') Object.assign(row, judged(row, compared));
			}
			return rows;
		} finally {
			await server.stop();
		}
	} finally {
		await sim.close();
		logFile.end();
	}
}

const count = (record: Record<string, number>) => Object.values(record).reduce((sum, value) => sum + value, 0);
const ms = (value?: number) => (value === undefined ? '-' : `${value.toFixed(0)} ms`);

/**
 * The n8n settings the comparison runs under: OVERLOAD_N8N_ENV alone when given; else n8n's defaults, then the
 * one setting that lets n8n skip the isolate for triggers that evaluate no expression.
 */
export function overloadSettings(): Array<Record<string, string>> {
	if (process.env.OVERLOAD_N8N_ENV) return [envSettings(process.env.OVERLOAD_N8N_ENV)];
	return [{}, { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' }];
}

export function printOverloadRows(rows: OverloadRow[], load: Load, extraEnv: Record<string, string> = {}): void {
	const named = Object.entries(extraEnv).map(([name, value]) => `${name}=${value}`);
	const settings = named.length > 0 ? `n8n's defaults and ${named.join(', ')}` : "n8n's default settings";
	process.stdout.write(`Triggers under overload in real n8n (${settings}): ${load.perSecond} deliveries/s for ${load.seconds} s, callers give up after ${load.timeoutMs / 1000} s\n`);
	const header = ['', 'sent', '200', 'other status', 'no answer', 'executions', 'never finished', 'lost', 'p50', 'p99', 'db ping failures', 'goal'];
	const lines = rows.map((row) => {
		const { tally: t } = row;
		const other = Object.entries(t.statuses).map(([status, n]) => `${n}×${status}`).join(' ') || '0';
		return [row.name, String(t.sent), String(t.ok), other, String(count(t.errors)), String(t.started), String(t.unfinished), String(t.lost), ms(t.p50), ms(t.p99), String(row.pingFailures), row.ok ? (row.role === 'goal' ? `ok (held to ${row.comparedWith ?? 'the baseline'})` : row.role) : `MISSED: ${row.problem}`];
	});
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
	for (const line of [header, ...lines]) process.stdout.write(line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd() + '\n');
}

if (require.main === module) {
	process.env.N8N_LOG_LEVEL = 'silent';
	void (async () => {
		const load = overloadLoad();
		let missed = 0;
		for (const extraEnv of overloadSettings()) {
			const rows = await overloadBenchmark(load, { extraEnv });
			printOverloadRows(rows, load, extraEnv);
			missed += rows.filter((row) => !row.ok).length;
		}
		process.exitCode = missed > 0 ? 1 : 0;
	})();
}
