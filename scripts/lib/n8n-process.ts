import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { n8nBin, nodeBin } from '../../runtime/ensure';
import { n8nEnv } from './n8n-env';
import { sleep } from './sleep';

// ---------------------------------------------------------------------------------------------------------
// Server process
// ---------------------------------------------------------------------------------------------------------

export interface StartN8nOptions {
	/** N8N_USER_FOLDER: n8n keeps its config, sqlite db and community packages in `<userFolder>/.n8n`. */
	userFolder: string;
	/** HTTP port (N8N_PORT), default 5678. The server listens on 127.0.0.1 only. */
	port?: number;
	/** Task runner broker port (N8N_RUNNERS_BROKER_PORT), default port + 1. */
	brokerPort?: number;
	/** More environment variables for n8n; they override the defaults set here. */
	extraEnv?: Record<string, string | undefined>;
	/** Receives each line n8n prints (stdout and stderr). Default: lines are only kept for error messages. */
	log?: (line: string) => void;
	/**
	 * `start` (default), or a queue-mode process: `webhook` serves production webhooks on `port`, `worker` runs
	 * executions from Redis and answers readiness on `port` (its QUEUE_HEALTH_CHECK_PORT).
	 */
	command?: 'start' | 'webhook' | 'worker';
	/** How long to wait for GET /healthz/readiness to answer 200, default 120 s. */
	readyTimeoutMs?: number;
}

export interface N8nServer {
	/** Base URL, e.g. http://127.0.0.1:5690 (no trailing slash). */
	url: string;
	process: ChildProcess;
	/** Seconds from spawn to readiness. */
	startupSeconds: number;
	/** The last lines n8n printed (up to 200). */
	output(): string[];
	/** SIGTERM, wait for exit (SIGKILL after 20 s); also SIGKILLs leftover task runner children. Idempotent. */
	stop(): Promise<void>;
}

const OUTPUT_LINES_KEPT = 200;

/** Resolves true when `promise` settles within `ms`, false otherwise; leaves no timer behind (jest). */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			promise.then(() => true),
			new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
		]);
	} finally {
		clearTimeout(timer);
	}
}

async function httpStatus(url: string, timeoutMs = 2_000): Promise<number | null> {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return null;
	}
}

/** Pids of the direct children of `pid` (Linux /proc), e.g. n8n's task runner processes. */
export function childPids(pid: number): number[] {
	const out: number[] = [];
	let entries: string[] = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return out;
	}
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid ...; comm may contain spaces/parentheses, so split after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) out.push(Number(entry));
		} catch {
			// process gone meanwhile
		}
	}
	return out;
}

/**
 * Spawns `[nodeBin, n8nBin, 'start']` (Node 24 + n8n from runtime/) and resolves once
 * GET /healthz/readiness answers 200. Call ensureRuntime() from runtime/ensure.js first.
 * Rejects (after killing n8n) if n8n exits or is not ready in time, with n8n's last output lines.
 */
export async function startN8n(opts: StartN8nOptions): Promise<N8nServer> {
	const port = opts.port ?? 5678;
	const brokerPort = opts.brokerPort ?? port + 1;
	const url = `http://127.0.0.1:${port}`;
	const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
	const userFolder = path.resolve(opts.userFolder);
	if (!fs.existsSync(nodeBin) || !fs.existsSync(n8nBin)) {
		throw new Error(`n8n runtime not installed (${nodeBin}); run \`node runtime/ensure.js\` first`);
	}
	if ((await httpStatus(`${url}/healthz`, 1_000)) !== null) {
		throw new Error(`port ${port} is already in use (something answers on ${url}); stop it or pick another port`);
	}
	fs.mkdirSync(userFolder, { recursive: true });

	// Nothing of the parent's Node/npm/n8n setup leaks into n8n's Node 24 process: ts-node or jest options, a
	// developer's own N8N_* settings (use extraEnv), and above all NODE_ENV: jest sets NODE_ENV=test, with
	// which n8n 2.41.1 exits with code 1 at once without printing anything.
	const env: Record<string, string | undefined> = { ...process.env };
	for (const k of Object.keys(env)) {
		if (/^(NODE_ENV|NODE_OPTIONS|NODE_PATH|TS_NODE_.*|JEST_WORKER_ID|npm_.*|INIT_CWD|N8N_.*|DB_.*|WEBHOOK_URL|EXECUTIONS_.*)$/i.test(k)) {
			delete env[k];
		}
	}
	// n8n spawns its JS task runner (Code node) as plain `node` from PATH: make that Node 24 too.
	env.PATH = [path.dirname(nodeBin), env.PATH].filter(Boolean).join(path.delimiter);
	Object.assign(env, n8nEnv({ userFolder, port, brokerPort }), opts.extraEnv ?? {});
	if (opts.command === 'worker') Object.assign(env, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

	const t0 = Date.now();
	const child = spawn(nodeBin, [n8nBin, opts.command ?? 'start'], {
		cwd: userFolder,
		env: env as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines: string[] = [];
	const onLine = (line: string) => {
		if (!line.trim()) return;
		lines.push(line);
		if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
		opts.log?.(line);
	};
	// Chunks can end mid-line: keep the unfinished part per stream.
	const lineReader = () => {
		let partial = '';
		return {
			data: (buf: Buffer) => {
				const parts = (partial + buf.toString()).split(/\r?\n/);
				partial = parts.pop() ?? '';
				parts.forEach(onLine);
			},
			end: () => onLine(partial),
		};
	};
	for (const stream of [child.stdout!, child.stderr!]) {
		const reader = lineReader();
		stream.on('data', reader.data);
		stream.on('end', reader.end);
	}

	let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	const exitPromise = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exited = { code, signal };
			resolve();
		});
	});
	// 'close' comes once stdout/stderr are drained too (so the output tail is complete).
	const closePromise = new Promise<void>((resolve) => child.once('close', () => resolve()));
	// If our process ends without stop() (crash, process.exit), do not leave n8n behind.
	const killOnExit = () => {
		if (!exited) child.kill('SIGKILL');
	};
	process.once('exit', killOnExit);
	// Same when we are killed by a signal (Ctrl-C, CI timeout): 'exit' handlers do not run then. Kill n8n
	// and its task runner, then let the signal do what it would have done without this handler.
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const onSignal = (sig: NodeJS.Signals) => {
		if (!exited && child.pid) {
			for (const pid of childPids(child.pid)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
			child.kill('SIGKILL');
		}
		for (const s of signals) process.removeListener(s, onSignal);
		if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
	};
	for (const s of signals) process.on(s, onSignal);

	let stopping: Promise<void> | null = null;
	const stop = (): Promise<void> => {
		stopping ??= (async () => {
			if (!exited) {
				const children = child.pid ? childPids(child.pid) : [];
				child.kill('SIGTERM');
				const timedOut = !(await withTimeout(exitPromise, 20_000));
				// After a clean shutdown the task runners are gone already; otherwise do not leave them behind.
				for (const pid of children) {
					try {
						process.kill(pid, 'SIGKILL');
					} catch {
						// already gone
					}
				}
				if (timedOut) {
					child.kill('SIGKILL');
					await exitPromise;
				}
			}
			process.removeListener('exit', killOnExit);
			for (const s of signals) process.removeListener(s, onSignal);
		})();
		return stopping;
	};

	const tail = () => lines.slice(-40).join('\n');
	const deadline = t0 + readyTimeoutMs;
	for (;;) {
		if (exited) {
			const { code, signal } = exited;
			await withTimeout(closePromise, 2_000);
			await stop();
			throw new Error(`n8n exited before it was ready (${signal ?? `code ${code}`}). Last output:\n${tail()}`);
		}
		if ((await httpStatus(`${url}/healthz/readiness`)) === 200) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n not ready on ${url} after ${readyTimeoutMs / 1000} s. Last output:\n${tail()}`);
		}
		await sleep(250);
	}
	return {
		url,
		process: child,
		startupSeconds: (Date.now() - t0) / 1000,
		output: () => [...lines],
		stop,
	};
}
