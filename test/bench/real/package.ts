/**
 * (f) The package as n8n gets it: runtime dependencies and packed size of the `npm pack` tarball, and the cold
 * load of every node and credential through n8n's own loader (the runtime's n8n-core PackageDirectoryLoader, on
 * its Node), each in a fresh process on the package installed as n8n installs it: the median of 3.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { nodeBin } from '../../../runtime/ensure';
import { installCommunityPackage } from '../../../scripts/lib/n8n';
import { PROJECT_ROOT } from '../../../scripts/lib/stage';
import { median } from './figures';

const RUNTIME_MODULES = path.join(PROJECT_ROOT, 'runtime', 'node_modules');

/**
 * Runs in the fresh process: n8n-core and n8n-workflow are loaded first (n8n has both loaded before it loads a
 * community package), then only our package is timed: our files and the zod they require.
 */
const LOAD = `
require('reflect-metadata');
const { PackageDirectoryLoader } = require('n8n-core');
require('n8n-workflow');
(async () => {
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(process.argv[1]);
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	process.stdout.write(JSON.stringify({ ms, nodes: Object.keys(loader.nodeTypes).length, credentials: Object.keys(loader.credentialTypes).length }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export interface PackageFigures {
	runtimeDependencies: number;
	packedKb: number;
	coldLoadMs: number;
	nodes: number;
	credentials: number;
}

export function packageFigures(tarball: string, workDir: string): PackageFigures {
	const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
	const installed = installCommunityPackage(tarball, path.join(workDir, 'cold-load'));
	const loads = [0, 1, 2].map(() => {
		// NODE_PATH as n8n sets it for community packages: n8n-workflow and zod resolve to n8n's own copies.
		const output = execFileSync(nodeBin, ['-e', LOAD, installed.dir], { encoding: 'utf8', env: { ...process.env, NODE_PATH: RUNTIME_MODULES } });
		return JSON.parse(output) as { ms: number; nodes: number; credentials: number };
	});
	const ms = median(loads.map((load) => load.ms));
	return {
		runtimeDependencies: Object.keys(manifest.dependencies ?? {}).length,
		packedKb: fs.statSync(tarball).size / 1024,
		coldLoadMs: ms,
		nodes: loads[0].nodes,
		credentials: loads[0].credentials,
	};
}
