/**
 * Driver for a real n8n 2.41.1 server (installed by runtime/ensure.js), shared by `npm start` and the
 * end-to-end jest suite. Node built-ins and global fetch only.
 *
 *   await ensureRuntime();                                  // runtime/ensure.js
 *   installCommunityPackage(tarball, userFolder);           // before start: n8n loads packages at boot
 *   const n8n = await startN8n({ userFolder, port: 5690, brokerPort: 5691 });
 *   const client = new N8nClient(n8n.url);
 *   await client.setupOwner(OWNER);                         // owner + login cookie
 *   await client.createApiKey();                            // public API key
 *   const wf = await client.createWorkflow(json);
 *   const execId = await client.runWorkflowManually(wf.id, 'Manual');
 *   const exec = await client.waitForExecution(execId);
 *   nodeOutput(exec, 'Set');                                // [{...json}]
 *   await n8n.stop();
 *
 * REST shapes verified against n8n 2.41.1 (see the methods). Two kinds of auth: the editor's `/rest/*` routes
 * take the `n8n-auth` login cookie, the public `/api/v1/*` routes take the `X-N8N-API-KEY` header.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { n8nBin, nodeBin } from '../../runtime/ensure';

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

/**
 * Environment for n8n: isolated user folder and sqlite, loopback only, and everything that would call the
 * internet switched off (telemetry, version checks, templates, license renewal, MCP registry).
 */
export function n8nEnv(opts: { userFolder: string; port: number; brokerPort: number }): Record<string, string> {
	const url = `http://127.0.0.1:${opts.port}`;
	return {
		N8N_USER_FOLDER: opts.userFolder,
		DB_TYPE: 'sqlite',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(opts.port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url,
		N8N_WEBHOOK_URL: `${url}/`,
		N8N_SECURE_COOKIE: 'false',
		// Task runners (Code node) run as internal child processes; no Python runner (no venv here).
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PYTHON_ENABLED: 'false',
		// No outbound calls.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Quieter start (these only silence deprecation notices) and executions kept for inspection.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

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
function childPids(pid: number): number[] {
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
	for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

	const t0 = Date.now();
	const child = spawn(nodeBin, [n8nBin, 'start'], {
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

// ---------------------------------------------------------------------------------------------------------
// Community package install (what n8n 2.41.1 does, minus npm)
// ---------------------------------------------------------------------------------------------------------

export interface InstalledPackage {
	name: string;
	version: string;
	/** `<userFolder>/.n8n/nodes/node_modules/<name>` */
	dir: string;
	/** Node types n8n will list: `<name>.<node name>` is how they appear in /types/nodes.json. */
	nodeFiles: string[];
}

/**
 * Installs an `npm pack` tarball the way n8n 2.41.1 installs a community package: unpack it into
 * `<userFolder>/.n8n/nodes/node_modules/<name>` and delete devDependencies, peerDependencies and
 * optionalDependencies from its package.json. n8n would then run a shallow `npm install` there; we require
 * the package to have no runtime `dependencies`, so there is nothing to install (throws otherwise).
 * Do this while n8n is stopped: it loads community packages at start.
 */
export function installCommunityPackage(tarballPath: string, userFolder: string): InstalledPackage {
	const tarball = path.resolve(tarballPath);
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
	const name: string = manifest.name;
	if (!/^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[\w.-]+$/.test(name ?? '')) {
		throw new Error(`${tarball}: package name "${name}" is not n8n-nodes-* or @scope/n8n-nodes-*; n8n would not load it`);
	}
	const deps = Object.keys(manifest.dependencies ?? {});
	if (deps.length) {
		throw new Error(`${name} has runtime dependencies (${deps.join(', ')}); installCommunityPackage does not run npm install`);
	}
	const nodesDir = path.join(path.resolve(userFolder), '.n8n', 'nodes', 'node_modules');
	const dir = path.join(nodesDir, ...name.split('/'));
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	const pkgFile = path.join(dir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	delete pkg.optionalDependencies;
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
	const nodeFiles: string[] = pkg.n8n?.nodes ?? [];
	for (const f of [...nodeFiles, ...(pkg.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(dir, f))) throw new Error(`${name}: package.json n8n entry ${f} is not in the tarball`);
	}
	return { name, version: pkg.version, dir, nodeFiles };
}

// ---------------------------------------------------------------------------------------------------------
// REST client
// ---------------------------------------------------------------------------------------------------------

export interface OwnerInfo {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** An execution as GET /api/v1/executions/{id}?includeData=true returns it (fields used here). */
export interface N8nExecution {
	id: string;
	finished: boolean;
	mode: string;
	/** new | running | waiting | success | error | crashed | canceled */
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, Array<N8nTaskRun>>;
			error?: { message: string; [k: string]: unknown };
			lastNodeExecuted?: string;
		};
		[k: string]: unknown;
	};
	[k: string]: unknown;
}

export interface N8nTaskRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	error?: { message: string; description?: string; [k: string]: unknown };
	data?: { main: Array<Array<{ json: Record<string, unknown>; [k: string]: unknown }> | null> };
	[k: string]: unknown;
}

export interface N8nWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[k: string]: unknown;
}

/** Result of POST /rest/credentials/test, e.g. { status: 'OK', message: 'Connection successful!' }. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${url} -> HTTP ${status}: ${body.slice(0, 500)}`);
		this.name = 'N8nHttpError';
	}
}

const TERMINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled', 'waiting']);

/** The items a node output in an execution: runData[node][runIndex].data.main[outputIndex]. */
export function nodeItems(
	execution: N8nExecution,
	nodeName: string,
	runIndex = 0,
	outputIndex = 0,
): Array<{ json: Record<string, unknown>; pairedItem?: unknown }> {
	const run = execution.data?.resultData.runData[nodeName]?.[runIndex];
	if (!run) throw new Error(`execution ${execution.id}: node "${nodeName}" has no run ${runIndex}`);
	return run.data?.main[outputIndex] ?? [];
}

/** The json of a node's output items (see nodeItems for the whole items, with pairedItem). */
export function nodeOutput(execution: N8nExecution, nodeName: string, runIndex = 0, outputIndex = 0): Array<Record<string, unknown>> {
	return nodeItems(execution, nodeName, runIndex, outputIndex).map((item) => item.json);
}

/**
 * Small client for the n8n editor REST API (`/rest`, login cookie) and the public API (`/api/v1`, API key).
 * Typical use: setupOwner() then createApiKey(); both are needed by the methods below.
 */
export class N8nClient {
	private cookie: string | null = null;
	private owner: OwnerInfo | null = null;
	apiKey: string | null = null;

	/** The login cookie (`n8n-auth=…`), e.g. to hand to a browser; null before a login. */
	get authCookie(): string | null {
		return this.cookie;
	}

	/** @param url base URL of the server, e.g. `http://127.0.0.1:5690` */
	constructor(readonly url: string) {
		this.url = url.replace(/\/+$/, '');
	}

	private async request(
		method: string,
		pathname: string,
		opts: { body?: unknown; auth: 'cookie' | 'apiKey' | 'none'; timeoutMs?: number },
	): Promise<{ status: number; json: unknown; headers: Headers }> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (opts.body !== undefined) headers['content-type'] = 'application/json';
		if (opts.auth === 'cookie') {
			if (!this.cookie) throw new Error(`${method} ${pathname} needs a login: call setupOwner() or login() first`);
			headers.cookie = this.cookie;
		} else if (opts.auth === 'apiKey') {
			if (!this.apiKey) throw new Error(`${method} ${pathname} needs an API key: call createApiKey() first`);
			headers['x-n8n-api-key'] = this.apiKey;
		}
		const url = this.url + pathname;
		const res = await fetch(url, {
			method,
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
			signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
		});
		const text = await res.text();
		if (!res.ok) throw new N8nHttpError(method, url, res.status, text);
		return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
	}

	/** Editor REST call with the login cookie; returns the `data` field n8n wraps responses in. */
	async rest<T = unknown>(method: string, pathname: string, body?: unknown): Promise<T> {
		const { json } = await this.request(method, `/rest${pathname}`, { body, auth: 'cookie' });
		return (json as { data?: T } | null)?.data as T;
	}

	/** Public API call (`/api/v1...`) with the API key; returns the parsed body as is. */
	async api<T = unknown>(method: string, pathname: string, body?: unknown): Promise<T> {
		const { json } = await this.request(method, `/api/v1${pathname}`, { body, auth: 'apiKey' });
		return json as T;
	}

	private keepCookie(headers: Headers): void {
		const auth = headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('n8n did not set the n8n-auth cookie');
		this.cookie = auth.split(';')[0];
	}

	/**
	 * Creates the instance owner (POST /rest/owner/setup) on a fresh instance, or just logs in when
	 * GET /rest/settings says the setup is done (data.userManagement.showSetupOnFirstLoad === false).
	 * Either way the login cookie is kept.
	 */
	async setupOwner(owner: OwnerInfo): Promise<{ created: boolean }> {
		this.owner = owner;
		const { json } = await this.request('GET', '/rest/settings', { auth: 'none' });
		const settings = json as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } };
		if (settings.data?.userManagement?.showSetupOnFirstLoad === false) {
			await this.login();
			return { created: false };
		}
		const { headers } = await this.request('POST', '/rest/owner/setup', { body: owner, auth: 'none' });
		this.keepCookie(headers);
		return { created: true };
	}

	/** POST /rest/login { emailOrLdapLoginId, password } and keep the `n8n-auth` cookie. */
	async login(email = this.owner?.email, password = this.owner?.password): Promise<void> {
		if (!email || !password) throw new Error('login() needs an email and password (or setupOwner() first)');
		const { headers } = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: email, password },
			auth: 'none',
		});
		this.keepCookie(headers);
	}

	/**
	 * Creates a public API key with every scope GET /rest/api-keys/scopes offers
	 * (POST /rest/api-keys { label, scopes, expiresAt: null }), keeps and returns its data.rawApiKey.
	 */
	async createApiKey(label = `e2e-${Date.now()}`): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', { label, scopes, expiresAt: null });
		if (!created?.rawApiKey) throw new Error('POST /rest/api-keys returned no rawApiKey');
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** GET /types/nodes.json: every loaded node type description (`name` is e.g. `n8n-nodes-foo.bar`). */
	async listNodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; [k: string]: unknown }>> {
		return (await this.request('GET', '/types/nodes.json', { auth: 'cookie' })).json as Array<{ name: string; displayName: string; version: number | number[] }>;
	}

	/** GET /types/credentials.json: every loaded credential type (`name`, `properties`, `test`, ...). */
	async listCredentialTypes(): Promise<Array<{ name: string; displayName: string; [k: string]: unknown }>> {
		return (await this.request('GET', '/types/credentials.json', { auth: 'cookie' })).json as Array<{ name: string; displayName: string }>;
	}

	/** Public API POST /api/v1/credentials { name, type, data }; returns { id, name, type, ... }. */
	async createCredential(cred: { name: string; type: string; data: Record<string, unknown> }): Promise<{ id: string; name: string; type: string }> {
		return this.api('POST', '/credentials', cred);
	}

	/**
	 * Tests a credential the way the editor's "Test" button does: POST /rest/credentials/test with
	 * `{ credentials: { id, name, type, data } }`, answered with `{ data: { status: 'OK' | 'Error', message } }`.
	 * - Saved credential: pass `id` (and `type`); without `data` the stored data is fetched with
	 *   GET /rest/credentials/{id}?includeData=true (secrets come back as n8n's blank placeholder, which the
	 *   server swaps for the stored values), as the editor does. n8n tests the `data` sent, not the stored one.
	 * - Unsaved data: omit `id` (sent as ''): allowed for the owner (global credential:manageInstance scope).
	 */
	async testCredential(cred: { id?: string; name?: string; type: string; data?: Record<string, unknown> }): Promise<CredentialTestResult> {
		let { data, name } = cred;
		if (cred.id && !data) {
			const stored = await this.rest<{ name: string; data: Record<string, unknown> }>(
				'GET',
				`/credentials/${encodeURIComponent(cred.id)}?includeData=true`,
			);
			data = stored.data;
			name ??= stored.name;
		}
		return this.rest<CredentialTestResult>('POST', '/credentials/test', {
			credentials: { id: cred.id ?? '', name: name ?? '', type: cred.type, data: data ?? {} },
		});
	}

	/**
	 * Public API POST /api/v1/workflows. Accepts an exported workflow JSON: only the fields the public API
	 * allows are sent (name, nodes, connections, settings, staticData); settings default to executionOrder v1.
	 */
	async createWorkflow(json: { name: string; nodes: unknown[]; connections: Record<string, unknown>; settings?: Record<string, unknown>; staticData?: unknown; [k: string]: unknown }): Promise<N8nWorkflow> {
		const body: Record<string, unknown> = {
			name: json.name,
			nodes: json.nodes,
			connections: json.connections,
			settings: json.settings ?? { executionOrder: 'v1' },
		};
		if (json.staticData != null) body.staticData = json.staticData;
		return this.api('POST', '/workflows', body);
	}

	/**
	 * Public API POST /api/v1/workflows/{id}/activate. Takes effect asynchronously: a webhook can answer 404
	 * for up to about a second afterwards (see callWebhook's retry).
	 */
	async activateWorkflow(id: string): Promise<N8nWorkflow> {
		return this.api('POST', `/workflows/${encodeURIComponent(id)}/activate`);
	}

	/** Public API POST /api/v1/workflows/{id}/deactivate. Also asynchronous: the webhook can still answer once. */
	async deactivateWorkflow(id: string): Promise<N8nWorkflow> {
		return this.api('POST', `/workflows/${encodeURIComponent(id)}/deactivate`);
	}

	/**
	 * Runs the saved workflow inside the server like the editor's "Execute workflow" button:
	 * POST /rest/workflows/{id}/run with `{ triggerToStartFrom: { name: triggerNodeName } }` (n8n 2.41 runs the
	 * stored workflow; the body only picks the start). Answers `{ data: { executionId } }`; returns the id.
	 */
	async runWorkflowManually(id: string, triggerNodeName: string): Promise<string> {
		const result = await this.rest<{ executionId?: string; [k: string]: unknown }>(
			'POST',
			`/workflows/${encodeURIComponent(id)}/run`,
			{ triggerToStartFrom: { name: triggerNodeName } },
		);
		if (!result?.executionId) {
			throw new Error(`POST /rest/workflows/${id}/run started no execution: ${JSON.stringify(result)}`);
		}
		return String(result.executionId);
	}

	/** Public API GET /api/v1/executions/{id}?includeData=true. */
	async getExecution(id: string): Promise<N8nExecution> {
		return this.api('GET', `/executions/${encodeURIComponent(id)}?includeData=true`);
	}

	/** Public API GET /api/v1/executions?workflowId=..&includeData=..: newest first. */
	async listExecutions(workflowId: string, opts: { includeData?: boolean; limit?: number } = {}): Promise<N8nExecution[]> {
		const q = new URLSearchParams({
			workflowId,
			includeData: String(opts.includeData ?? true),
			limit: String(opts.limit ?? 20),
		});
		return (await this.api<{ data: N8nExecution[] }>('GET', `/executions?${q}`)).data;
	}

	/**
	 * Polls until an execution has ended (status success | error | crashed | canceled | waiting) and returns
	 * it with its data. Pass an execution id, or `{ workflowId, after }` to wait for the first execution of that
	 * workflow started at or after `after` (e.g. one a webhook call started). Throws after `timeoutMs` (30 s).
	 */
	async waitForExecution(
		target: string | { workflowId: string; after: Date | number | string },
		opts: { timeoutMs?: number; intervalMs?: number } = {},
	): Promise<N8nExecution> {
		const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
		const interval = opts.intervalMs ?? 250;
		let last: N8nExecution | null = null;
		for (;;) {
			if (typeof target === 'string') {
				try {
					last = await this.getExecution(target);
				} catch (err) {
					if (!(err instanceof N8nHttpError && err.status === 404)) throw err;
				}
			} else {
				const after = new Date(target.after).getTime();
				const list = await this.listExecutions(target.workflowId, { includeData: true, limit: 20 });
				const matching = list.filter((e) => new Date(e.startedAt ?? 0).getTime() >= after);
				last = matching.length ? matching[matching.length - 1] : null;
			}
			if (last && TERMINAL_STATUSES.has(last.status)) return last;
			if (Date.now() > deadline) {
				const what = typeof target === 'string' ? `execution ${target}` : `an execution of workflow ${target.workflowId}`;
				throw new Error(`timed out waiting for ${what}; last seen: ${last ? `status ${last.status}` : 'none'}`);
			}
			await sleep(interval);
		}
	}

	/**
	 * Calls a production webhook (`<url>/webhook/<path>`). Retries while n8n answers 404 (a just-activated
	 * workflow's webhook is registered asynchronously), up to `retryMs` (default 10 s). Returns the response.
	 */
	async callWebhook(
		webhookPath: string,
		init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
		retryMs = 10_000,
	): Promise<Response> {
		const deadline = Date.now() + retryMs;
		const url = `${this.url}/webhook/${webhookPath.replace(/^\/+/, '')}`;
		for (;;) {
			const res = await fetch(url, {
				method: init.method ?? 'POST',
				headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
				body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
				signal: AbortSignal.timeout(60_000),
			});
			if (res.status !== 404 || Date.now() > deadline) return res;
			await res.arrayBuffer();
			await sleep(200);
		}
	}
}
