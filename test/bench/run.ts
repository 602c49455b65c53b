/**
 * `npm run bench`: every benchmark, side by side with its baseline from the same run, written to
 * bench/results.json and the README's benchmark section. Exits 1 when a goal is missed (a missed goal is printed
 * as missed, never hidden). About 20 to 30 minutes on a 2-core machine, most of it real n8n.
 *
 * In order: reads against firing them all at once in n8n-core; the package (size, cold load through n8n's
 * loader); the trigger's cost per delivery against JSON.parse; cases (a) to (d) in one real n8n against n8n's
 * HTTP Request node (./real); the triggers under overload against n8n's Webhook node (./overload.ts), in a second
 * n8n. Ports: BENCH_N8N_PORT (5790; the overload n8n takes the next two), BENCH_SIMULATOR_PORT (4090, and the
 * next one). BENCH_CASES (e.g. `a,sends`) runs only some of a–d; OVERLOAD_SECONDS / OVERLOAD_RATE shorten (e).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PROJECT_ROOT, packPackage } from '../../scripts/lib/stage';
import { engineCases } from './engine-cases';
import { overloadBenchmark, overloadLoad, overloadSettings } from './overload';
import type { CaseResult } from './real/figures';
import { realBench } from './real';
import { packageFigures } from './real/package';
import { WORK_DIR } from './real/session';
import { triggerCost } from './real/trigger-cost';
import { triggerCase } from './trigger-case';
import { startRemoteSimulator } from './remote-simulator';
import { medianOf, readBenchmark } from './throughput';
import { machine, readmeWithResults, renderBenchSection, README_FILE, writeResults, type BenchResults } from './results';

process.env.N8N_LOG_LEVEL = 'silent';

const log = (line: string) => process.stdout.write(`  [bench] ${line}\n`);
const n8nPort = Number(process.env.BENCH_N8N_PORT ?? 5790);
const simulatorPort = Number(process.env.BENCH_SIMULATOR_PORT ?? 4090);

function packageCase(tarball: string): CaseResult {
	const figures = packageFigures(tarball, WORK_DIR);
	const row = { runner: `${figures.nodes} nodes, ${figures.credentials} credentials`, wallMs: figures.coldLoadMs, note: `packed ${figures.packedKb.toFixed(1)} KB, ${figures.runtimeDependencies} runtime dependencies` };
	return {
		id: 'f',
		title: "(f) The package: runtime dependencies, packed size, cold load of every node and credential through n8n's loader (median of 3 fresh processes)",
		rows: [row],
		goals: [
			{ goal: '0 runtime dependencies', measured: String(figures.runtimeDependencies), ok: figures.runtimeDependencies === 0 },
			{ goal: 'Packed size under 150 KB', measured: `${figures.packedKb.toFixed(1)} KB`, ok: figures.packedKb < 150 },
			{ goal: 'Cold load under 150 ms', measured: `${figures.coldLoadMs.toFixed(0)} ms`, ok: figures.coldLoadMs < 150 },
		],
	};
}

async function main() {
	const loadAtStart = os.loadavg()[0];
	const cases: CaseResult[] = [];
	log('reads against all at once, in n8n-core…');
	const remote = await startRemoteSimulator({ port: simulatorPort + 1 });
	let allAtOnce;
	try {
		allAtOnce = await medianOf(3, async () => await readBenchmark(remote));
	} finally {
		await remote.close();
	}
	cases.push(...(await engineCases()));
	const tarball = packPackage(path.join(WORK_DIR, 'pack'));
	cases.push(packageCase(tarball));
	const cost = triggerCost();
	cases.push(...(await realBench({ n8nPort, simulatorPort, tarball, allAtOnce, log })));
	log('triggers under overload, in a second n8n…');
	const load = overloadLoad();
	// Twice: n8n's defaults, then lazy isolates (the one n8n setting that decides a trigger's throughput).
	for (const [index, extraEnv] of overloadSettings().entries()) {
		const overload = await overloadBenchmark(load, { port: n8nPort + 2, tarball, extraEnv });
		cases.push(triggerCase(index === 0 ? cost : undefined, overload, load, extraEnv));
	}
	const n8nVersion = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'runtime', 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
	const results: BenchResults = { machine: machine(n8nVersion, loadAtStart), cases };
	process.stdout.write(`\n${renderBenchSection(results)}\n`);
	if (process.env.BENCH_CASES || process.env.OVERLOAD_SECONDS || process.env.OVERLOAD_RATE) {
		log('a partial run (BENCH_CASES / OVERLOAD_*): bench/results.json and the README are left as they are');
	} else {
		writeResults(results);
		fs.writeFileSync(README_FILE, readmeWithResults(fs.readFileSync(README_FILE, 'utf8'), results));
		log('bench/results.json and the README benchmark section written');
	}
	process.exitCode = cases.some((result) => result.goals.some((goal) => !goal.ok)) ? 1 : 0;
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
