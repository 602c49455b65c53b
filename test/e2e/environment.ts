/**
 * The end-to-end environment: one real n8n server (the npm pack tarball installed as a community package)
 * and one provider simulator, started once for the whole suite by global-setup.ts. Test files reach both
 * over HTTP: n8n through N8nClient, the simulator through its admin API.
 */
import fs from 'node:fs';
import path from 'node:path';

import { N8nClient } from '../../scripts/lib/n8n';
import { OWNER, PROJECT_ROOT } from '../../scripts/lib/stage';
import { SimulatorClient } from '../simulator';

export const E2E_DIR = path.join(PROJECT_ROOT, '.tmp', 'e2e');
const STATE_FILE = path.join(E2E_DIR, 'state.json');

export interface E2EState {
	n8nUrl: string;
	simulatorUrl: string;
	apiKey: string;
	/** The installed package's folder inside n8n's user folder. */
	packageDir: string;
	credentialIds: Record<string, { id: string; name: string }>;
	workflowIds: Record<string, string>;
}

export function saveState(state: E2EState): void {
	fs.mkdirSync(E2E_DIR, { recursive: true });
	fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function loadState(): E2EState {
	return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2EState;
}

/** Clients for the running n8n (logged in, with an API key) and the simulator. */
export async function connect() {
	const state = loadState();
	const n8n = new N8nClient(state.n8nUrl);
	await n8n.login(OWNER.email, OWNER.password);
	n8n.apiKey = state.apiKey;
	return { state, n8n, sim: new SimulatorClient(state.simulatorUrl) };
}
