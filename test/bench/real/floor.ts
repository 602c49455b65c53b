/**
 * The floors of a send case on this machine, measured in a fresh process of their own (the bench process has
 * n8n-core loaded and has run for a while; raw HTTP from there cost twice the CPU of a clean process):
 * - raw HTTP, no n8n: the same messages posted `limit` recipients at a time, each recipient's messages one after
 *   another in order. What it takes beyond the provider's ideal (sends × latency / limit) is loopback HTTP and the
 *   simulator's own work on the same cores, which every runner pays too;
 * - n8n's request helper alone: the same schedule through n8n's authenticated request helper in n8n-core, one
 *   fixture node and nothing else (no parameters, checks, limiter or retries): the floor of any n8n node, whose
 *   helper builds new HTTP agents and a new connection for every request.
 * Each: a warm-up, then the median of three.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { simulatorCredentials } from '../../engine/examples';
import type { BenchSession } from './session';

export interface FloorJob {
	simulatorUrl: string;
	baseUrl: string;
	credentials: Record<string, string>;
	/** The Mehery credential as the engine's store takes it. */
	credential: Record<string, unknown>;
	messages: Array<{ to: string; body: unknown }>;
	limit: number;
}

export interface Floors {
	rawMs: number;
	helperMs: number;
}

const CHILD = path.join(__dirname, 'floor-child.ts');
const LIMIT_MS = 300_000;

export async function measureFloors(session: BenchSession, messages: FloorJob['messages'], limit: number): Promise<Floors> {
	const mehery = session.sim.providers.mehery;
	const job: FloorJob = { simulatorUrl: session.sim.url, baseUrl: mehery.baseUrl, credentials: mehery.credentials as Record<string, string>, credential: simulatorCredentials(session.sim).meheryXmsApi, messages, limit };
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stdin.end(JSON.stringify(job));
	const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	clearTimeout(timer);
	const line = output.trim().split('\n').at(-1) ?? '';
	if (code !== 0) throw new Error(`The floor measurement exited with ${String(code)}: ${line}`);
	return JSON.parse(line) as Floors;
}
