/**
 * The provider simulator: one HTTP server on 127.0.0.1 that mounts every provider module under `/<name>`
 * and lets tests shape its answers (faults, latency, token expiry) and inspect what it received. The same
 * controls are served as JSON under /_sim/ (admin.ts) for tests in another process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAdmin, isAdminPath, type AdminContext } from './admin';
import type { AdminLogFilter } from './admin-input';
import { dispatch } from './dispatch';
import { FaultRules } from './faults';
import { InFlightLimits } from './in-flight';
import { sendReply } from './http-io';
import { cancellableDelays, listen } from './lifecycle';
import { pushBounded } from './log-limit';
import { WebhookCaller } from './outbound';
import { json, type SimulatorSizes } from './provider';
import { providerFactories } from './providers';
import { matches, mountRoutes, type MatchTarget, type MountedRoute } from './routing';
import { messageSink } from './sink';
import { TokenIssuer } from './tokens';
import type { ProviderInfo, RequestLogEntry, Simulator, SimulatorOptions } from './types';
import { WebhookRegistry } from './webhooks';

/** Upper bound for every configured size: enough for benchmarks, small enough to generate per request. */
const MAX_SIZE = 10_000;
/** Sizes that need to be larger (Wavy's open-sessions CSV is measured at 100,000 rows). */
const MAX_SIZE_OF: Partial<Record<keyof SimulatorSizes, number>> = {
	wavyOpenSessions: 100_000,
	// One more than IrisEngage's Return All returns, to prove it says so instead of cutting.
	irisConversationsPerNumber: 10_001,
};

function checkSizes(sizes: SimulatorSizes): SimulatorSizes {
	for (const [name, value] of Object.entries(sizes)) {
		const max = MAX_SIZE_OF[name as keyof SimulatorSizes] ?? MAX_SIZE;
		if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= max)) {
			throw new RangeError(`sizes.${name} must be an integer from 0 to ${max}, got ${value}`);
		}
	}
	return sizes;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const seed = options.seed ?? 1;
	const sizes = checkSizes(options.sizes ?? {});
	const log: RequestLogEntry[] = [];
	/** What `count()` matches each entry on; kept off the entries so the log stays plain data. */
	const targets = new WeakMap<RequestLogEntry, MatchTarget>();
	const rules = new FaultRules();
	const limits = new InFlightLimits();
	const delays = cancellableDelays();
	const routes = new Map<string, MountedRoute[]>();
	const issuers = new Map<string, TokenIssuer>();
	const caller = new WebhookCaller();
	const webhooks = new WebhookRegistry();
	/** Set once the providers exist; admin requests that arrive earlier get a 503. */
	let admin: AdminContext | undefined = undefined;

	const context = {
		routes,
		rules,
		limits,
		wait: delays.wait,
		expireTokens: (provider: string) => issuers.get(provider)?.expireAll(),
		quiet: options.quiet ?? true,
		record: (entry: RequestLogEntry, target: MatchTarget) => {
			targets.set(entry, target);
			pushBounded(log, entry);
		},
	};
	const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
		if (!isAdminPath((incoming.url ?? '/').split('?', 1)[0]))
			return await dispatch(context, incoming, outgoing);
		if (admin) return await handleAdmin(admin, incoming, outgoing);
		sendReply(outgoing, json(503, { message: 'Simulator is starting' }));
	};
	const server = createServer((incoming, outgoing) => {
		handle(incoming, outgoing).catch((error: Error) => {
			// A simulator bug must fail this request, not crash the test run with an unhandled rejection.
			if (outgoing.headersSent) outgoing.destroy();
			else sendReply(outgoing, json(500, { message: `Simulator error: ${error.message}` }));
		});
	});
	const port = await listen(server, options.port ?? 0);
	const url = `http://127.0.0.1:${port}`;
	const closeServer = () =>
		new Promise<void>((resolve, reject) => {
			delays.cancelAll();
			caller.abortAll();
			server.close((error) => (error ? reject(error) : resolve()));
			server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
		});

	// Providers are created after listening because some hand out links to the simulator's own URL.
	const providers: Record<string, ProviderInfo> = {};
	try {
		for (const createProvider of [...providerFactories, messageSink]) {
			const tokens = new TokenIssuer(options.tokenTtlSeconds ?? 3600);
			let name = ''; // known once the factory returns; its sendWebhook only runs later
			const provider = createProvider({
				seed,
				sizes,
				variants: options.variants ?? {},
				strict: options.strict ?? true,
				tokens,
				simulatorUrl: url,
				webhooks,
				sendWebhook: (target, send) => caller.send(target, { provider: name, ...send }),
			});
			name = provider.name;
			if (provider.routes.some((route) => route.auth) && !provider.authenticate) {
				throw new Error(
					`Provider '${provider.name}' has routes with auth but no authenticate hook`,
				);
			}
			routes.set(provider.name, mountRoutes(provider));
			issuers.set(provider.name, tokens);
			providers[provider.name] = {
				baseUrl: `${url}/${provider.name}`,
				credentials: provider.credentials,
			};
		}
	} catch (error) {
		await closeServer();
		throw error;
	}

	const select = (filter: AdminLogFilter) =>
		log.filter(
			(entry) =>
				(filter.status === undefined || entry.status === filter.status) &&
				(filter.since === undefined || entry.at >= filter.since) &&
				matches(filter, targets.get(entry)!),
		);
	const simulator: Simulator = {
		url,
		providers,
		log,
		count: (filter = {}) => select(filter).length,
		clearLog: () => {
			log.length = 0; // keep the array: callers may hold `sim.log`
		},
		injectFault: (fault) => rules.inject(fault),
		clearFaults: () => rules.clearFaults(),
		setLatency: (ms, match, latencyOptions) => rules.setLatency(ms, match, latencyOptions),
		setInFlightLimit: (limit, match) => limits.set(limit, match),
		issuedTokens: (provider) => {
			const issuer = issuers.get(provider);
			if (!issuer) throw new Error(`No simulated provider named '${provider}'`);
			return issuer.issuedTokens();
		},
		expireTokens: (provider) => {
			if (provider !== undefined && !issuers.has(provider)) {
				throw new Error(`No simulated provider named '${provider}'`);
			}
			for (const [name, issuer] of issuers) {
				if (provider === undefined || provider === name) issuer.expireAll();
			}
		},
		sendWebhook: (target, send) => caller.send(target, send),
		outbound: caller.log,
		clearOutbound: () => {
			caller.log.length = 0;
		},
		webhooks: {
			register: (provider, registration) => webhooks.register(provider, registration),
			unregister: (provider, id) => webhooks.unregister(provider, id),
			list: (provider) => webhooks.list(provider),
		},
		reset: () => {
			log.length = 0;
			caller.log.length = 0;
			rules.clear();
			limits.clear();
			webhooks.clear();
			for (const issuer of issuers.values()) issuer.clear();
		},
		close: closeServer,
	};
	admin = { simulator, select };
	return simulator;
}
