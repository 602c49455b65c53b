import { startSimulator, IRIS_SAMPLE_MOBILE_NO, type Simulator } from '../simulator';
import { createCredentialStore, runNode } from './harness';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

async function irisStore() {
	const { baseUrl, credentials } = sim.providers.irisengage;
	return await createCredentialStore({ irisEngageApi: { baseUrl, apiPath: '/IrisEngage_API/api', name: credentials.name, password: credentials.password, sessionToken: '' } });
}

const irisNode = (parameters: Record<string, unknown>) => ({
	name: 'IrisEngage',
	type: 'n8n-nodes-chat-providers.irisEngage',
	parameters,
	credentials: { irisEngageApi: { id: 'irisEngageApi', name: 'IrisEngage account' } },
});

test('smoke: conversation get many', async () => {
	const store = await irisStore();
	const result = await runNode(irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: IRIS_SAMPLE_MOBILE_NO, sessionCount: 2 }), [{}], store);
	console.log(JSON.stringify(result.error('IrisEngage'), null, 1), JSON.stringify(result.output('IrisEngage'), null, 1));
	expect(result.output('IrisEngage').length).toBe(2);
});
