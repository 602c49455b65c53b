/**
 * Reads in n8n-core, side by side in one run: 200 IrisEngage Conversation → Get Many items at 50 ms latency with
 * no limit, against firing the same 200 requests all at once as n8n's HTTP Request node does (a fixture node in
 * the same engine, returning the same raw answers); the Simplify-on and raw-HTTP (no engine) figures beside it.
 * Sends are measured in real n8n (./real/sends.ts).
 */
import axios from 'axios';

import type { RemoteSimulator } from './remote-simulator';
import { ALL_AT_ONCE_TYPE } from '../engine/fixtures/all-at-once';
import { runNode } from '../engine/harness';
import { irisNode, irisStore } from '../engine/irisengage.fixture';

export interface ThroughputResult {
	name: string;
	detail: string;
	ms: number;
	referenceName: string;
	referenceMs: number;
	maxRatio: number;
	problem?: string;
}

const LATENCY_MS = 50;
const READS = 200;

const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/** The same 200 reads fired all at once with a token fetched beforehand, by raw HTTP: no engine at all. */
async function rawAllAtOnce(sim: RemoteSimulator, phones: string[]): Promise<number> {
	const api = `${sim.providers.irisengage.baseUrl}/IrisEngage_API/api`;
	const { name, password } = sim.providers.irisengage.credentials;
	const { token } = (await axios.post(`${api}/Users/authenticate`, { Name: name, Password: password })).data as { token: string };
	const started = process.hrtime.bigint();
	await Promise.all(
		phones.map(async (phone) =>
			await axios.post(`${api}/EngageAPIRequestDetails`, { MobileNo: phone, SessionCount: 5 }, { headers: { Authorization: `Bearer ${token}` } }),
		),
	);
	return elapsedMs(started);
}

export async function readBenchmark(sim: RemoteSimulator): Promise<ThroughputResult> {
	const phones = Array.from({ length: READS }, (_, index) => `9715${String(index).padStart(8, '0')}`);
	const items = phones.map((phone) => ({ phone }));
	await sim.client.reset();
	await sim.client.setLatency(LATENCY_MS);
	const rawMs = await rawAllAtOnce(sim, phones);

	await sim.client.reset();
	await sim.client.setLatency(LATENCY_MS);
	const store = await irisStore(sim);
	// Both runs reuse a session token fetched beforehand (one login, as every later execution does), so the
	// comparison is about concurrency alone.
	await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: phones[0], sessionCount: 1 }), [{}], store);
	await sim.client.clearLog();
	// Simplify off: the same raw answers the reference returns, so the ratio measures concurrency alone. The
	// Simplify-on time (parsing markup and dates costs CPU, not waiting) is printed beside it.
	const read = async (simplify: boolean) => {
		const started = process.hrtime.bigint();
		const result = await runNode(
			irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 5, simplify }),
			items,
			store,
		);
		return { result, ms: elapsedMs(started) };
	};
	const { result, ms } = await read(false);
	const error = result.error('IrisEngage')?.message;
	const outputs = result.output('IrisEngage').length;
	const requests = await sim.client.count();
	const simplified = await read(true);

	const started = process.hrtime.bigint();
	const reference = await runNode(
		{ name: 'All At Once', type: ALL_AT_ONCE_TYPE, parameters: { mobileNumber: '={{ $json.phone }}', sessionCount: 5 }, credentials: { irisEngageApi: { id: 'irisEngageApi', name: 'IrisEngage account' } } },
		items,
		store,
	);
	const referenceMs = elapsedMs(started);
	return {
		name: `Read, ${READS} × Conversation → Get Many (Simplify off), ${LATENCY_MS} ms, no provider limit`,
		detail: `${outputs} items, ${requests} requests; Simplify on: ${simplified.ms.toFixed(0)} ms; raw HTTP all at once, no engine: ${rawMs.toFixed(0)} ms`,
		ms,
		referenceName: `HTTP Request node style: all ${READS} at once in the same engine`,
		referenceMs,
		maxRatio: 1.5,
		problem: error ?? simplified.result.error('IrisEngage')?.message ?? reference.error('All At Once')?.message,
	};
}

/**
 * Runs a benchmark once to warm up (JIT, connection pools; a long-running n8n is warm), then `runs` times, and
 * reports the median run by ratio (this machine is shared, one run can be slowed by anything); a problem in any
 * run, the warm-up included, is reported.
 */
export async function medianOf(runs: number, benchmark: () => Promise<ThroughputResult>): Promise<ThroughputResult> {
	const warmUp = await benchmark();
	const results: ThroughputResult[] = [];
	for (let run = 0; run < runs; run++) {
		global.gc?.();
		results.push(await benchmark());
	}
	results.sort((a, b) => a.ms / a.referenceMs - b.ms / b.referenceMs);
	const median = results[Math.floor(results.length / 2)];
	const ratios = results.map((result) => (result.ms / result.referenceMs).toFixed(2)).join(', ');
	const problem = [warmUp, ...results].find((result) => result.problem !== undefined)?.problem;
	return { ...median, name: `${median.name} (median of ${runs} after a warm-up: ${ratios})`, problem };
}
