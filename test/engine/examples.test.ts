import { publishedNodes, webhookTriggerTypes } from '../package-manifest';
import { startSimulator, type Simulator } from '../simulator';
import { loadExamples, ourNodes, simulatorCredentials } from './examples';
import { createCredentialStore, loadPackage, runWorkflow } from './harness';

const webhookTriggers = webhookTriggerTypes();

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

const examples = loadExamples();

test('every node package.json publishes, trigger included, is used by an example workflow', () => {
	const used = new Set(examples.flatMap(({ workflow }) => ourNodes(workflow).map((node) => node.type)));
	const published = publishedNodes().map((node) => node.type);
	expect(published.length).toBeGreaterThan(0);
	expect(published.filter((type) => !used.has(type))).toEqual([]);
});

test('there is an example for every operation of every node', async () => {
	const covered = new Set(
		examples.flatMap(({ workflow }) => ourNodes(workflow).map((node) => `${node.type}:${node.parameters.resource}:${node.parameters.operation}`)),
	);
	const { loader } = await loadPackage();
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
		const properties = 'nodeVersions' in type ? [] : type.description.properties;
		for (const operation of properties.filter((property) => property.name === 'operation')) {
			const resources = (operation.displayOptions?.show?.resource ?? []) as string[];
			for (const resource of resources) {
				for (const option of (operation.options ?? []) as Array<{ value: string }>) {
					expect(covered).toContain(`n8n-nodes-chat-providers.${name}:${resource}:${option.value}`);
				}
			}
		}
	}
});

test.each(examples.map((example) => [example.file, example]))('%s runs against the simulator', async (_file, { workflow }) => {
	const credentials = simulatorCredentials(sim);
	const webhookTrigger = ourNodes(workflow).find((node) => webhookTriggers.has(node.type));
	if (webhookTrigger) {
		// A webhook trigger starts from a delivery, not a click: its provider's trigger tests fire deliveries at
		// it. Here: it loads, and its credentials are ones `npm start` creates.
		for (const type of Object.keys(webhookTrigger.credentials ?? {})) expect(Object.keys(credentials)).toContain(type);
		return;
	}
	const result = await runWorkflow(workflow, await createCredentialStore(credentials));
	for (const node of ourNodes(workflow)) {
		expect(result.error(node.name)).toBeUndefined();
		expect(result.output(node.name).length).toBeGreaterThan(0);
	}
});
