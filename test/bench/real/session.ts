/**
 * The side-by-side bench's setting: the provider simulator in its own process (a provider runs on another machine:
 * its CPU is not charged to n8n) and one real n8n with the packed package, in which every workflow runs as the
 * editor's "Execute workflow" does. Both are stopped by `close()`, also after a failure.
 */
import fs from 'node:fs';
import path from 'node:path';

import { ensureRuntime } from '../../../runtime/ensure';
import { N8nHttpError, nodeItems, type N8nClient, type N8nExecution } from '../../../scripts/lib/n8n';
import { sleep } from '../../../scripts/lib/sleep';
import { PROJECT_ROOT } from '../../../scripts/lib/stage';
import { startBenchN8n, type BenchN8n } from '../bench-n8n';
import { startRemoteSimulator, type RemoteSimulator } from '../remote-simulator';
import { untilIdle } from './quiet';
import { TRIGGER, type BenchWorkflow } from './workflows';

export const WORK_DIR = path.join(PROJECT_ROOT, '.tmp', 'bench-real');

export interface WorkflowRun {
	execution: N8nExecution;
	/** The run time of the workflow's timed nodes, summed (n8n's own executionTime of each). */
	ms: number;
	/** How many items a node output. */
	items(node: string): number;
	/** When the first timed node started (epoch ms, n8n's own startTime). */
	startedAt?: number;
	/** The node's error message, if it failed. */
	error?: string;
}

export interface BenchSession {
	sim: RemoteSimulator;
	bench: BenchN8n;
	credential(type: string): { type: string; id: string; name: string };
	/** Waits until n8n is idle (quiet.ts), for a measurement that runs outside n8n. */
	idle(): Promise<number>;
	/** Saves and runs a workflow once, when n8n is idle, waiting up to 5 minutes for it to end. */
	run(workflow: BenchWorkflow): Promise<WorkflowRun>;
	close(): Promise<void>;
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Polls an execution until it ends (at most 5 minutes). n8n on a busy machine answers 503 "Database is not ready!"
 * while its database health check fails, and a just-started execution can be 404 for a moment: both are asked again.
 */
async function finished(n8n: N8nClient, executionId: string): Promise<N8nExecution> {
	for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(250)) {
		try {
			const execution = await n8n.getExecution(executionId);
			if (ENDED.has(execution.status)) return execution;
		} catch (error) {
			if (!(error instanceof N8nHttpError && (error.status === 503 || error.status === 404)) && (error as Error).name !== 'TimeoutError') throw error;
		}
	}
	throw new Error(`Execution ${executionId} did not end within 5 minutes`);
}

export async function startBenchSession(options: { n8nPort: number; simulatorPort: number; tarball: string; log: (line: string) => void; extraEnv?: Record<string, string> }): Promise<BenchSession> {
	await ensureRuntime(options.log);
	fs.mkdirSync(WORK_DIR, { recursive: true });
	const n8nLog = fs.createWriteStream(path.join(WORK_DIR, 'n8n.log'));
	const sim = await startRemoteSimulator({ port: options.simulatorPort, sizes: { netcoreTranscriptsPerUser: 10_000 } });
	let bench: BenchN8n;
	try {
		bench = await startBenchN8n({ workDir: WORK_DIR, port: options.n8nPort, providers: sim.providers, tarball: options.tarball, extraEnv: options.extraEnv, log: (line) => n8nLog.write(`${line}\n`) });
	} catch (error) {
		await sim.close();
		n8nLog.end();
		throw error;
	}
	const saved = new Map<string, string>();
	return {
		sim,
		bench,
		credential: (type) => {
			const found = bench.credentials.get(type);
			if (!found) throw new Error(`No ${type} credential was created`);
			return { type, ...found };
		},
		idle: async () => await untilIdle(bench.server.process.pid),
		run: async (workflow) => {
			// One saved workflow per name: repeated runs of a case are executions of the same workflow, as for a user.
			let id = saved.get(workflow.name);
			if (!id) {
				id = (await bench.n8n.createWorkflow({ name: workflow.name, nodes: workflow.nodes, connections: workflow.connections })).id;
				saved.set(workflow.name, id);
			}
			await untilIdle(bench.server.process.pid);
			const executionId = await bench.n8n.runWorkflowManually(id, TRIGGER);
			const execution = await finished(bench.n8n, executionId);
			const runData = execution.data?.resultData.runData ?? {};
			const ms = workflow.timed.reduce((sum, node) => sum + (runData[node]?.[0]?.executionTime ?? 0), 0);
			const error = execution.data?.resultData.error?.message;
			const startedAt = runData[workflow.timed[0]]?.[0]?.startTime;
			return { execution, ms, error, startedAt, items: (node) => (runData[node] ? nodeItems(execution, node).length : 0) };
		},
		close: async () => {
			try {
				await bench.server.stop();
			} finally {
				await sim.close();
				n8nLog.end();
			}
		},
	};
}
