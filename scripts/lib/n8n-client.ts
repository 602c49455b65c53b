import type { N8nExecution } from './n8n-execution';
import { sleep } from './sleep';

// ---------------------------------------------------------------------------------------------------------
// REST client
// ---------------------------------------------------------------------------------------------------------

export interface OwnerInfo {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
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

/**
 * Small client for the n8n editor REST API (`/rest`, login cookie) and the public API (`/api/v1`, API key).
 * Typical use: setupOwner() then createApiKey(); both are needed by the methods below.
 */
/** Calls refused while n8n's database health check fails are made again, once a second, this many times at most. */
const DATABASE_NOT_READY_TRIES = 30;

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
		// A fresh connection per call: reusing a kept-alive one races n8n closing it when idle, and the request then
		// fails with "other side closed" before n8n read it (seen in e2e runs on a loaded machine).
		const headers: Record<string, string> = { accept: 'application/json', connection: 'close' };
		if (opts.body !== undefined) headers['content-type'] = 'application/json';
		if (opts.auth === 'cookie') {
			if (!this.cookie) throw new Error(`${method} ${pathname} needs a login: call setupOwner() or login() first`);
			headers.cookie = this.cookie;
		} else if (opts.auth === 'apiKey') {
			if (!this.apiKey) throw new Error(`${method} ${pathname} needs an API key: call createApiKey() first`);
			headers['x-n8n-api-key'] = this.apiKey;
		}
		const url = this.url + pathname;
		let res: Response;
		let text: string;
		// n8n refuses every call with 503 "Database is not ready!" while its database health check fails (a machine
		// under load): the call was not handled, so it is safe to make again, a bounded number of times.
		for (let attempt = 1; ; attempt++) {
			res = await fetch(url, {
				method,
				headers,
				body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
				signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
			});
			text = await res.text();
			if (res.status !== 503 || !text.includes('Database is not ready') || attempt >= DATABASE_NOT_READY_TRIES) break;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
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

	/**
	 * The executions list's "Retry" (POST /rest/executions/{id}/retry): a new execution that reuses the failed
	 * one's data and runs its failed node again, with the workflow as it was (`loadWorkflow: false`) or as saved.
	 * Answers once the retry has finished.
	 */
	async retryExecution(id: string, loadWorkflow = false): Promise<unknown> {
		return this.rest('POST', `/executions/${encodeURIComponent(id)}/retry`, { loadWorkflow });
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
