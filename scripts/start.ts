/**
 * `npm start`: n8n at http://127.0.0.1:5678 with this package installed as a community package, the provider
 * simulator running, one credential per provider and the example workflows imported. Ctrl-C stops it all.
 * Environment: N8N_PORT (5678), SIMULATOR_PORT (4010); provider overrides: see scripts/lib/credentials.ts.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { ensureRuntime } from '../runtime/ensure';
import { startSimulator } from '../test/simulator';
import { chooseCredentials } from './lib/credentials';
import { OWNER, PROJECT_ROOT, stageN8n } from './lib/stage';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const USER_FOLDER = path.join(PROJECT_ROOT, '.n8n-user');
const FIRST_EXAMPLE = 'irisengage-conversation-get-history.json';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
	await ensureRuntime(say);
	say('Building the package…');
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

	const sim = await startSimulator({ port: SIMULATOR_PORT, quiet: false });
	say(`Provider simulator: ${sim.url} (admin API: ${sim.url}/_sim/health)`);
	const credentials = chooseCredentials(sim.providers, { root: PROJECT_ROOT, env: process.env });
	// n8n's own launcher stops n8n on a signal during start-up; from here on we stop both.
	const stage = await stageN8n({ userFolder: USER_FOLDER, port: N8N_PORT, credentials, log: say });
	const stop = async () => {
		say('\nStopping n8n and the simulator…');
		await stage.server.stop();
		await sim.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop());
	process.once('SIGTERM', () => void stop());
	const firstId = stage.workflowIds.get(FIRST_EXAMPLE);
	say('');
	say('────────────────────────────────────────────────────────────────────────');
	say(` n8n:        ${stage.server.url}`);
	say(` login:      ${OWNER.email}  /  ${OWNER.password}`);
	say(` open first: ${stage.server.url}/workflow/${firstId}  ("IrisEngage: full conversation history of a customer"), then Execute workflow`);
	for (const credential of credentials) say(` credential: ${credential.name} → ${credential.source}`);
	say(` simulator:  ${sim.url}  (requests are logged below; faults: POST ${sim.url}/_sim/faults)`);
	say(' Ctrl-C stops everything.');
	say('────────────────────────────────────────────────────────────────────────');
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
