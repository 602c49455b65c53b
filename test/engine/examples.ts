import fs from 'node:fs';
import path from 'node:path';

import type { IWorkflowBase } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { PACKAGE_ROOT } from './harness';

export const EXAMPLES_DIR = path.join(PACKAGE_ROOT, 'examples');

export interface Example {
	file: string;
	workflow: IWorkflowBase;
}

/** Every importable example workflow in examples/. */
export function loadExamples(): Example[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as IWorkflowBase }));
}

/** The nodes of ours in a workflow (the package's own node types). */
export function ourNodes(workflow: IWorkflowBase) {
	return workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-chat-providers.'));
}

/** Credential data per credential type that points every provider at the simulator. */
export function simulatorCredentials(sim: Simulator) {
	const iris = sim.providers.irisengage;
	return {
		irisEngageApi: { baseUrl: iris.baseUrl, apiPath: '/IrisEngage_API/api', name: iris.credentials.name, password: iris.credentials.password, sessionToken: '' },
	};
}
