import 'reflect-metadata';

import fs from 'node:fs';
import path from 'node:path';

import { ensureRuntime } from '../../runtime/ensure';
import { chooseCredentials } from '../../scripts/lib/credentials';
import { PROJECT_ROOT, stageN8n } from '../../scripts/lib/stage';
import { startSimulator } from '../simulator';
import { E2E_DIR, saveState } from './environment';
import { clearRanTests } from './ran';

/** Free ports chosen away from `npm start`'s 5678/4010, so both can run at once. */
const N8N_PORT = Number(process.env.E2E_N8N_PORT ?? 5690);

export default async function globalSetup(): Promise<void> {
	const log = (line: string) => process.stdout.write(`  [e2e] ${line}\n`);
	await ensureRuntime(log);
	clearRanTests();
	const sim = await startSimulator({ quiet: true });
	const userFolder = path.join(E2E_DIR, 'n8n-user');
	const credentials = chooseCredentials(sim.providers, { root: PROJECT_ROOT, simulatorOnly: true });
	const stage = await stageN8n({ userFolder: fresh(userFolder), port: N8N_PORT, credentials, log });
	saveState({
		n8nUrl: stage.server.url,
		simulatorUrl: sim.url,
		apiKey: String(stage.client.apiKey),
		packageDir: path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-chat-providers'),
		credentialIds: Object.fromEntries(stage.credentialIds),
		workflowIds: Object.fromEntries(stage.workflowIds),
	});
	Object.assign(globalThis, { __e2e: { stop: async () => Promise.all([stage.server.stop(), sim.close()]) } });
}

/** Every run starts from an empty n8n: no state from an earlier run can make a test pass. */
function fresh(folder: string): string {
	fs.rmSync(folder, { recursive: true, force: true });
	return folder;
}
