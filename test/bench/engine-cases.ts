/**
 * The benchmarks that run in n8n-core's WorkflowExecute rather than the server: IrisEngage memory and throughput
 * at volume, the Wavy 100,000-row CSV, and combining bursts (through the engine's stand-in for n8n's server). Each
 * becomes a case of bench/results.json.
 */
import type { INodeParameters } from 'n8n-workflow';

import { irisNode, irisStore, AUTH_ROUTE } from '../engine/irisengage.fixture';
import { runNode } from '../engine/harness';
import { startSimulator } from '../simulator';
import type { CaseResult, Goal } from './real/figures';
import { burstCase } from './bursts';
import { benchWavyCsv } from './wavy';

interface MemoryCase {
	name: string;
	items: number;
	latencyMs: number;
	parameters: INodeParameters;
	maxMs: number;
	maxHeapMb: number;
}

const numbers = (count: number) => Array.from({ length: count }, (_, index) => ({ phone: `9715${String(index).padStart(8, '0')}` }));

const memoryCases: MemoryCase[] = [
	{ name: 'Conversation → Get Many, 1,000 items, 0 ms latency', items: 1000, latencyMs: 0, parameters: { resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 5 }, maxMs: 15_000, maxHeapMb: 200 },
	{ name: 'Conversation → Get History, 100 numbers, 20 ms latency', items: 100, latencyMs: 20, parameters: { resource: 'conversation', operation: 'getHistory', mobileNumber: '={{ $json.phone }}', returnAll: true, options: { output: 'message' } }, maxMs: 15_000, maxHeapMb: 300 },
];

export async function engineCases(): Promise<CaseResult[]> {
	const sim = await startSimulator({ quiet: true });
	const memory: CaseResult = { id: 'engine-iris', title: 'IrisEngage at volume in n8n-core (time and heap growth)', rows: [], goals: [] };
	try {
		for (const benchCase of memoryCases) {
			sim.reset();
			sim.setLatency(benchCase.latencyMs);
			const store = await irisStore(sim);
			global.gc?.();
			const heapBefore = process.memoryUsage().heapUsed;
			const started = process.hrtime.bigint();
			const result = await runNode(irisNode(benchCase.parameters), numbers(benchCase.items), store);
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
			const error = result.error('IrisEngage')?.message;
			memory.rows.push({ runner: benchCase.name, wallMs: ms, requests: sim.count(), logins: sim.count({ route: AUTH_ROUTE }), items: result.output('IrisEngage').length, note: error ?? `heap growth ${heapMb.toFixed(1)} MB` });
			memory.goals.push({ goal: `${benchCase.name}: at most ${benchCase.maxMs} ms and ${benchCase.maxHeapMb} MB`, measured: `${ms.toFixed(0)} ms, ${heapMb.toFixed(1)} MB${error ? `; ${error}` : ''}`, ok: !error && ms <= benchCase.maxMs && heapMb <= benchCase.maxHeapMb });
		}
	} finally {
		await sim.close();
	}
	const wavy = await benchWavyCsv();
	const csvGoal: Goal = { goal: 'Every row an item', measured: wavy.figures, ok: wavy.ok };
	return [memory, { id: 'engine-wavy', title: wavy.name, rows: [], goals: [csvGoal] }, await burstCase()];
}
