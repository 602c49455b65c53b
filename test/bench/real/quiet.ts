/**
 * Waits until n8n is idle before a measured run: n8n keeps working after an execution reports its end (saving
 * and pruning executions, its task runner), and that CPU would be charged to whatever runs next on these 2 cores,
 * ours, the HTTP Request node's or a floor's. Idle: n8n and its child processes used under 5% of a core over
 * 300 ms. Bounded: after 10 s the run starts anyway (and the wait is reported).
 */
import fs from 'node:fs';

import { childPids } from '../../../scripts/lib/n8n-process';
import { sleep } from '../../../scripts/lib/sleep';

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux
const WINDOW_MS = 300;
const IDLE_SHARE = 0.05;
const LIMIT_MS = 10_000;

function cpuMs(pid: number): number {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
	} catch {
		return 0; // gone, or not Linux: nothing to wait for
	}
}

const treeCpuMs = (pid: number) => [pid, ...childPids(pid)].reduce((sum, each) => sum + cpuMs(each), 0);

/** Milliseconds waited; `undefined` pid (no process) waits for nothing. */
export async function untilIdle(pid: number | undefined): Promise<number> {
	if (pid === undefined) return 0;
	const started = Date.now();
	for (let before = treeCpuMs(pid); Date.now() - started < LIMIT_MS; ) {
		await sleep(WINDOW_MS);
		const after = treeCpuMs(pid);
		if (after - before < WINDOW_MS * IDLE_SHARE) break;
		before = after;
	}
	return Date.now() - started;
}
