import type { ICredentialDataDecryptedObject, IWorkflowBase } from 'n8n-workflow';

import { chooseCredentials } from '../../scripts/lib/credentials';
import { loadExampleWorkflows, PROJECT_ROOT } from '../../scripts/lib/stage';
import type { Simulator } from '../simulator';

export interface Example {
	file: string;
	workflow: IWorkflowBase;
}

/** Every importable example workflow in examples/ (the same list `npm start` and the e2e suite import). */
export function loadExamples(): Example[] {
	return loadExampleWorkflows().map(({ file, json }) => ({ file, workflow: json as unknown as IWorkflowBase }));
}

/** The nodes of ours in a workflow (the package's own node types). */
export function ourNodes(workflow: IWorkflowBase) {
	return workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-chat-providers.'));
}

/** Credential data per credential type pointing every provider at the simulator, as `npm start` creates them. */
export function simulatorCredentials(sim: Pick<Simulator, 'providers'>): Record<string, ICredentialDataDecryptedObject> {
	const choices = chooseCredentials(sim.providers, { root: PROJECT_ROOT, simulatorOnly: true });
	return Object.fromEntries(choices.map((choice) => [choice.type, choice.data as ICredentialDataDecryptedObject]));
}
