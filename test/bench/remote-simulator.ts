/**
 * The simulator in a child process, for throughput benchmarks. A real provider runs on another machine: sharing
 * one Node.js event loop (and this 2-core machine's CPU) with the node under test would charge the provider's work
 * to the node. Controlled and read through the simulator's admin HTTP API, like the e2e suite does.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { SimulatorClient, type ProviderInfo } from '../simulator';

export interface RemoteSimulator {
	url: string;
	providers: Record<string, ProviderInfo>;
	client: SimulatorClient;
	close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');
const STARTUP_LIMIT_MS = 60_000;

/** `port` 0 (default) picks a free one; `sizes` as the CLI's `--size name=value`. */
export async function startRemoteSimulator(options: { port?: number; sizes?: Record<string, number> } = {}): Promise<RemoteSimulator> {
	const sizeArgs = Object.entries(options.sizes ?? {}).flatMap(([name, value]) => ['--size', `${name}=${value}`]);
	const args = ['-r', 'ts-node/register/transpile-only', 'test/simulator/cli.ts', '--port', String(options.port ?? 0), '--quiet', ...sizeArgs];
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error('The simulator did not start within 60 s')), STARTUP_LIMIT_MS);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.once('exit', (code) => reject(new Error(`The simulator exited with code ${String(code)} before it listened`)));
	});
	child.stdout.resume();
	const client = new SimulatorClient(url);
	return {
		url,
		providers: await client.providers(),
		client,
		close: async () => {
			if (child.exitCode !== null) return;
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
	};
}
