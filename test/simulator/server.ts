/**
 * The provider simulator: one HTTP server on 127.0.0.1 that mounts every provider module under `/<name>`
 * and lets tests shape its answers (faults, latency, token expiry) and inspect what it received.
 */
import { createServer, type Server } from 'node:http';
import { dispatch } from './dispatch';
import { FaultRules } from './faults';
import { sendReply } from './http-io';
import { json, type SimulatorSizes } from './provider';
import { providerFactories } from './providers';
import { matches, mountRoutes, type MatchTarget, type MountedRoute } from './routing';
import { TokenIssuer } from './tokens';
import type {
	LogFilter,
	ProviderInfo,
	RequestLogEntry,
	Simulator,
	SimulatorOptions,
} from './types';

/** The log drops its oldest entries beyond this, so a long `npm start` session stays bounded. */
const MAX_LOG_ENTRIES = 20_000;
/** Upper bound for every configured size: enough for benchmarks, small enough to generate per request. */
const MAX_SIZE = 10_000;

function checkSizes(sizes: SimulatorSizes): SimulatorSizes {
	for (const [name, value] of Object.entries(sizes)) {
		if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= MAX_SIZE)) {
			throw new RangeError(`sizes.${name} must be an integer from 0 to ${MAX_SIZE}, got ${value}`);
		}
	}
	return sizes;
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}

/** Delays that can all be cancelled at once, so `close()` leaves no timer behind. */
function cancellableDelays() {
	const timers = new Set<NodeJS.Timeout>();
	return {
		wait: (ms: number) =>
			new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, ms);
				timers.add(timer);
			}),
		cancelAll: () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const seed = options.seed ?? 1;
	const sizes = checkSizes(options.sizes ?? {});
	const log: RequestLogEntry[] = [];
	/** What `count()` matches each entry on; kept off the entries so the log stays plain data. */
	const targets = new WeakMap<RequestLogEntry, MatchTarget>();
	const rules = new FaultRules();
	const delays = cancellableDelays();
	const routes = new Map<string, MountedRoute[]>();
	const issuers = new Map<string, TokenIssuer>();

	const context = {
		routes,
		rules,
		wait: delays.wait,
		quiet: options.quiet ?? true,
		record: (entry: RequestLogEntry, target: MatchTarget) => {
			targets.set(entry, target);
			log.push(entry);
			if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
		},
	};
	const server = createServer((incoming, outgoing) => {
		dispatch(context, incoming, outgoing).catch((error: Error) => {
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
			server.close((error) => (error ? reject(error) : resolve()));
			server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
		});

	// Providers are created after listening because some hand out links to the simulator's own URL.
	const providers: Record<string, ProviderInfo> = {};
	try {
		for (const createProvider of providerFactories) {
			const tokens = new TokenIssuer(options.tokenTtlSeconds ?? 3600);
			const provider = createProvider({ seed, sizes, tokens, simulatorUrl: url });
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

	return {
		url,
		providers,
		log,
		count: (filter: LogFilter = {}) =>
			log.filter(
				(entry) =>
					(filter.status === undefined || entry.status === filter.status) &&
					matches(filter, targets.get(entry)!),
			).length,
		clearLog: () => {
			log.length = 0; // keep the array: callers may hold `sim.log`
		},
		injectFault: (fault) => rules.inject(fault),
		clearFaults: () => rules.clearFaults(),
		setLatency: (ms, match) => rules.setLatency(ms, match),
		expireTokens: (provider) => {
			if (provider !== undefined && !issuers.has(provider)) {
				throw new Error(`No simulated provider named '${provider}'`);
			}
			for (const [name, issuer] of issuers) {
				if (provider === undefined || provider === name) issuer.expireAll();
			}
		},
		reset: () => {
			log.length = 0;
			rules.clear();
			for (const issuer of issuers.values()) issuer.clear();
		},
		close: closeServer,
	};
}
