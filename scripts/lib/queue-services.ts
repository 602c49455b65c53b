/**
 * Postgres and Redis for n8n's queue mode, from Debian's packages: installed with apt-get when missing, started
 * as child processes with their data in a temporary folder, listening on 127.0.0.1 only, and stopped with their
 * whole process group (also when we exit, fail or get Ctrl-C). Postgres refuses to run as root: as root, its
 * folder belongs to the `postgres` system user the Debian package creates and it runs through `runuser`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sleep } from './sleep';

export interface Service {
	name: string;
	port: number;
	stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** The highest Postgres installed under /usr/lib/postgresql, e.g. /usr/lib/postgresql/15/bin. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

const hasRedis = () => spawnSync('redis-server', ['--version']).status === 0;

/** apt-get install of whatever is missing (postgresql, redis-server); returns the seconds it took (0: nothing). */
export function installServices(log: (line: string) => void): number {
	const missing = [...(postgresBinDir() ? [] : ['postgresql']), ...(hasRedis() ? [] : ['redis-server'])];
	if (!missing.length) return 0;
	if (!isRoot()) throw new Error(`missing Debian packages ${missing.join(' ')}: run \`sudo apt-get install -y ${missing.join(' ')}\``);
	const started = Date.now();
	log(`apt-get install -y ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
	// The package's own cluster and service are not used (and policy-rc.d is absent in CI containers): ours run
	// from a temporary folder.
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'ignore', env });
	return (Date.now() - started) / 1000;
}

/** Kills a child started with `detached: true` and everything in its process group. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** Spawns `command` in its own process group; SIGKILLs the group if this process ends or is signalled first. */
function spawnGroup(name: string, command: string, args: string[], log: (line: string) => void, stopSignal: NodeJS.Signals = 'SIGTERM'): { child: ChildProcess; stop: () => Promise<void> } {
	const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const tail: string[] = [];
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.on('data', (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n').filter(Boolean)) {
				tail.push(line);
				if (tail.length > 40) tail.shift();
			}
		});
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.once('exit', (code, signal) => {
		if (!stopping) log(`${name} exited (${signal ?? code}):\n${tail.join('\n')}`);
	});
	const killNow = () => killGroup(child, 'SIGKILL');
	process.once('exit', killNow);
	// A signal ends us without 'exit' handlers: kill the group, then let the signal do what it would have done
	// (the last of such handlers re-raises it, as n8n-process.ts does).
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const onSignal = (signal: NodeJS.Signals) => {
		killNow();
		for (const s of signals) process.removeListener(s, onSignal);
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	};
	for (const s of signals) process.on(s, onSignal);
	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			killGroup(child, stopSignal);
			const timer = setTimeout(killNow, 10_000);
			await exited;
			clearTimeout(timer);
			process.removeListener('exit', killNow);
			for (const s of signals) process.removeListener(s, onSignal);
		})());
	return { child, stop };
}

async function waitUntil(what: string, ready: () => boolean, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
	for (const deadline = Date.now() + timeoutMs; !ready(); await sleep(200)) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready`);
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
	}
}

/** As the `postgres` user when we are root (initdb and postgres refuse root). */
const asPostgres = (command: string, args: string[]): [string, string[]] => (isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);

/** A fresh Postgres cluster in `dataRoot`, trust auth for user `n8n` on 127.0.0.1:`port`, database `n8n`. */
export async function startPostgres(opts: { port: number; dataRoot: string; log: (line: string) => void }): Promise<Service> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('Postgres is not installed (/usr/lib/postgresql/<version>/bin)');
	const dir = path.join(opts.dataRoot, 'postgres');
	fs.mkdirSync(dir, { recursive: true });
	if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const data = path.join(dir, 'data');
	const [initCommand, initArgs] = asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	execFileSync(initCommand, initArgs, { stdio: 'ignore' });
	const [command, args] = asPostgres(path.join(bin, 'postgres'), [
		'-D', data, '-p', String(opts.port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200',
	]);
	// SIGINT: Postgres' fast shutdown (SIGTERM would wait for every client to disconnect).
	const { child, stop } = spawnGroup('postgres', command, args, opts.log, 'SIGINT');
	const isReady = () => spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(opts.port), '-U', 'n8n']).status === 0;
	try {
		await waitUntil('postgres', isReady, child);
		execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(opts.port), '-U', 'n8n', 'n8n']);
	} catch (error) {
		await stop();
		throw error;
	}
	return { name: 'postgres', port: opts.port, stop };
}

/** Redis on 127.0.0.1:`port`, no persistence, working folder in `dataRoot`. */
export async function startRedis(opts: { port: number; dataRoot: string; log: (line: string) => void }): Promise<Service> {
	const dir = path.join(opts.dataRoot, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const { child, stop } = spawnGroup('redis', 'redis-server', args, opts.log);
	const isReady = () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(opts.port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
	try {
		await waitUntil('redis', isReady, child);
	} catch (error) {
		await stop();
		throw error;
	}
	return { name: 'redis', port: opts.port, stop };
}

/** A temporary folder for the services' data (removed by the caller). */
export function serviceDataRoot(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	fs.chmodSync(dir, 0o755);
	return dir;
}
