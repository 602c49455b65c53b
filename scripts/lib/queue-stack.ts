/**
 * n8n 2.41.1 in queue mode on one machine: Postgres + Redis (queue-services.ts), then a main process, webhook
 * processes and workers, each with its own user folder holding this package installed from its `npm pack`
 * tarball as n8n installs a community package, all sharing the database, Redis and the encryption key.
 * `stop()` ends everything started, in reverse order; a signal or exit ends it too (process groups, handlers).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { installCommunityPackage, startN8n, type N8nServer } from './n8n';
import { installServices, serviceDataRoot, startPostgres, startRedis, type Service } from './queue-services';
import { packPackage } from './stage';

export interface QueueStackOptions {
	/** First of the ports for n8n: main, then each webhook process, then each worker (2 ports each). */
	basePort: number;
	postgresPort: number;
	redisPort: number;
	webhookProcesses: number;
	workers: number;
	log: (line: string) => void;
	/** Lines n8n prints, with the process name. Default: kept for error messages only. */
	n8nLog?: (name: string, line: string) => void;
}

export interface QueueProcess {
	/** main, webhook-1, webhook-2, worker-1, ... also the value of QUEUE_PROCESS_NAME in its environment. */
	name: string;
	server: N8nServer;
}

export interface QueueStack {
	main: QueueProcess;
	webhooks: QueueProcess[];
	workers: QueueProcess[];
	tarball: string;
	/** Seconds: apt-get installs (0 when nothing was missing), services up, main ready, all ready. */
	timings: { aptInstall: number; services: number; main: number; all: number };
	stop(): Promise<void>;
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const started = Date.now();
	const { log } = options;
	const aptInstall = installServices(log);
	const dataRoot = serviceDataRoot();
	const services: Service[] = [];
	const processes: QueueProcess[] = [];
	let stopping: Promise<void> | undefined;
	const removeData = () => fs.rmSync(dataRoot, { recursive: true, force: true });
	const onSignal = () => removeData();
	process.once('exit', removeData);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
	const stop = () =>
		(stopping ??= (async () => {
			await Promise.all(processes.map(async ({ server }) => await server.stop()));
			for (const service of services.reverse()) await service.stop();
			removeData();
			process.removeListener('exit', removeData);
			for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(signal, onSignal);
		})());

	try {
		services.push(await startPostgres({ port: options.postgresPort, dataRoot, log }));
		services.push(await startRedis({ port: options.redisPort, dataRoot, log }));
		const servicesUp = (Date.now() - started) / 1000;
		log(`postgres on 127.0.0.1:${options.postgresPort}, redis on 127.0.0.1:${options.redisPort} (${servicesUp.toFixed(1)} s)`);
		const tarball = packPackage(path.join(dataRoot, 'pack'));
		const shared = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(options.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(options.postgresPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// Manual runs too go to the workers (n8n 3 makes this the only way).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// So that a test workflow can record, with {{ $env.QUEUE_PROCESS_NAME }}, which worker ran it.
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		};
		const start = async (name: string, command: 'start' | 'webhook' | 'worker', index: number): Promise<QueueProcess> => {
			const userFolder = path.join(dataRoot, name);
			installCommunityPackage(tarball, userFolder);
			const port = options.basePort + index * 2;
			const server = await startN8n({
				userFolder,
				command,
				port,
				brokerPort: port + 1,
				extraEnv: { ...shared, QUEUE_PROCESS_NAME: name },
				log: options.n8nLog ? (line) => options.n8nLog!(name, line) : undefined,
				readyTimeoutMs: 180_000,
			});
			const process = { name, server };
			processes.push(process);
			log(`${name}: n8n ${command} ready at ${server.url} (${server.startupSeconds.toFixed(1)} s)`);
			return process;
		};
		// Main first: it runs the database migrations the others wait for.
		const main = await start('main', 'start', 0);
		const mainReady = (Date.now() - started) / 1000;
		const webhookNames = Array.from({ length: options.webhookProcesses }, (_, i) => `webhook-${i + 1}`);
		const workerNames = Array.from({ length: options.workers }, (_, i) => `worker-${i + 1}`);
		// allSettled: when one fails, the others have started (and are in `processes`) before stop() runs.
		const others = await Promise.allSettled([
			...webhookNames.map(async (name, i) => await start(name, 'webhook', 1 + i)),
			...workerNames.map(async (name, i) => await start(name, 'worker', 1 + webhookNames.length + i)),
		]);
		const failed = others.find((result) => result.status === 'rejected');
		if (failed) throw failed.reason;
		const ready = others.map((result) => (result as PromiseFulfilledResult<QueueProcess>).value);
		const [webhooks, workers] = [ready.slice(0, webhookNames.length), ready.slice(webhookNames.length)];
		const all = (Date.now() - started) / 1000;
		return { main, webhooks, workers, tarball, timings: { aptInstall, services: servicesUp, main: mainReady, all }, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
