/**
 * Runs the simulator until Ctrl-C, so every node can be tried in a local n8n without provider accounts:
 *   node -r ts-node/register/transpile-only test/simulator/cli.ts [--port 4010] [--seed 1] [--quiet] [--lenient]
 *     [--size netcoreTranscriptsPerUser=10000 ...] (any SimulatorSizes field, repeatable)
 */
import { ADMIN_PREFIX } from './admin';
import { startSimulator } from './server';
import type { SimulatorSizes } from './types';

function numberOption(args: string[], name: string, fallback: number): number {
	const position = args.indexOf(`--${name}`);
	if (position === -1) return fallback;
	const value = Number(args[position + 1]);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`--${name} needs a non-negative integer`);
	return value;
}

/** `--size name=value`, repeatable: the simulator checks names and ranges itself. */
function sizeOptions(args: string[]): SimulatorSizes {
	const sizes: Record<string, number> = {};
	args.forEach((arg, position) => {
		if (arg !== '--size') return;
		const [name, value] = (args[position + 1] ?? '').split('=');
		if (!name || !/^\d+$/.test(value ?? '')) throw new Error('--size needs name=value, e.g. --size netcoreTranscriptsPerUser=10000');
		sizes[name] = Number(value);
	});
	return sizes as SimulatorSizes;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const simulator = await startSimulator({
		port: numberOption(args, 'port', 4010),
		seed: numberOption(args, 'seed', 1),
		sizes: sizeOptions(args),
		// --quiet: no line per request (benchmarks run it as a child process).
		quiet: args.includes('--quiet'),
		// --lenient: relax what only the spec's literal reading requires (strict is the default).
		strict: !args.includes('--lenient'),
	});

	console.log(`Provider simulator listening on ${simulator.url}`);
	console.log(`Admin API (health, log, faults, webhooks): ${simulator.url}${ADMIN_PREFIX}/health\n`);
	for (const [name, provider] of Object.entries(simulator.providers)) {
		console.log(`${name}\n  base URL:    ${provider.baseUrl}`);
		for (const [field, value] of Object.entries(provider.credentials))
			console.log(`  ${field.padEnd(12)} ${value}`);
	}
	console.log('\nPress Ctrl-C to stop.\n');

	const stop = () => void simulator.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
