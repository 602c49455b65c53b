/**
 * `npm run docs`: writes docs/<provider>.md for every provider from the built package, README.md and a run of
 * every example workflow against the simulator (test/docs/pages.ts). test/engine/docs.test.ts checks them.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import path from 'node:path';

import { renderDocsPages } from '../test/docs/pages';
import { startSimulator } from '../test/simulator';
import { PROJECT_ROOT } from './lib/stage';

async function main() {
	const sim = await startSimulator({ quiet: true });
	try {
		for (const { file, text } of await renderDocsPages(sim)) {
			fs.writeFileSync(file, text);
			process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, file)}\n`);
		}
	} finally {
		await sim.close();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`docs failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
