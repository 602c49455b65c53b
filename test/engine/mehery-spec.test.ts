/**
 * "Works against any server that follows the spec strictly": every request the Mehery examples and every message
 * type make is checked against the spec's own request schemas (mehery-spec.ts, extracted from the spec text),
 * not against the simulator's checks: known method and path, both auth headers, only documented query
 * parameters, and bodies that use only the spec's field names with the spec's types.
 */
import type { INode } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { loadExamples, ourNodes, simulatorCredentials } from './examples';
import { createCredentialStore, runWorkflow } from './harness';
import { runMehery, sendParameters } from './mehery.fixture';
import { ENDPOINTS, REQUEST_SCHEMAS } from './mehery-spec';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where `value` departs from the spec's `type`; empty when it conforms. */
function departures(value: unknown, type: string, path: string): string[] {
	if (type.startsWith('[')) {
		if (!Array.isArray(value)) return [`${path}: expected an array of ${type.slice(1, -1)}`];
		return value.flatMap((entry, index) => departures(entry, type.slice(1, -1), `${path}[${index}]`));
	}
	if (type === 'string') return typeof value === 'string' ? [] : [`${path}: expected a string, got ${JSON.stringify(value)}`];
	if (type === 'boolean') return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
	if (type.startsWith('integer')) return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
	if (type === 'object') return isObject(value) ? [] : [`${path}: expected an object`];
	const schema = REQUEST_SCHEMAS[type];
	if (!schema) return [`${path}: the spec has no schema ${type}`];
	if (!isObject(value)) return [`${path}: expected a ${type} object`];
	return Object.entries(value).flatMap(([key, field]) =>
		key in schema ? departures(field, schema[key], `${path}.${key}`) : [`${path}.${key}: not a field of ${type}`],
	);
}

const SENDS: Array<INode['parameters']> = [
	sendParameters({ buttons: { button: [{ type: 'QUICK_REPLY', name: 'y', label: 'Yes' }, { type: 'URL', name: 'u', url: 'https://x.example' }, { type: 'PHONE_NUMBER', name: 'c', phone: '+91 9988776655' }] } }),
	sendParameters({ recipientType: 'email', recipient: 'a@b.example', options: { mask: true, recipientName: 'A' } }),
	sendParameters({ messageType: 'image', mediaUrl: 'https://x.example/a.png', caption: 'c' }),
	sendParameters({ messageType: 'video', mediaUrl: 'https://x.example/a.mp4' }),
	sendParameters({ messageType: 'audio', mediaUrl: 'https://x.example/a.mp3' }),
	sendParameters({ messageType: 'document', mediaUrl: 'https://x.example/a.pdf', fileName: 'a.pdf' }),
	sendParameters({ messageType: 'location', latitude: 1.5, longitude: 2.5, locationDetails: { name: 'n', address: 'a', url: 'https://x.example' } }),
	sendParameters({
		messageType: 'contacts',
		contactName: 'J S',
		contactDetails: { firstName: 'J', lastName: 'S', company: 'C', department: 'D', title: 'T', birthday: '2000-01-01' },
		contactEntries: { phones: [{ phone: '1', type: 'HOME', waId: '1' }], emails: [{ email: 'a@b.example' }], urls: [{ url: 'https://x.example' }], addresses: [{ city: 'X', zip: '1', countryCode: 'us' }] },
	}),
	sendParameters({ messageType: 'template', template: { __rl: true, mode: 'code', value: 'FEEDBACK' }, templateLanguage: 'en_US', templateDataMode: 'json', templateDataJson: '{"amount": 10}' }),
];

test('every request of every Mehery example and message type is one a strict server of the spec accepts', async () => {
	const store = await createCredentialStore(simulatorCredentials(sim));
	for (const { workflow } of loadExamples()) {
		const nodes = ourNodes(workflow);
		if (!nodes.some((node) => node.type.endsWith('.mehery')) || nodes.some((node) => node.type.endsWith('Trigger'))) continue;
		const result = await runWorkflow(workflow, store);
		for (const node of nodes) expect(result.error(node.name)).toBeUndefined();
	}
	for (const parameters of SENDS) expect((await runMehery(sim, parameters)).error).toBeUndefined();

	const requests = sim.log.filter((entry) => entry.provider === 'mehery');
	expect(requests.length).toBeGreaterThanOrEqual(12 + SENDS.length);
	const problems = requests.flatMap((entry) => {
		const [path, query = ''] = entry.path.replace(/^\/mehery/, '').split('?');
		const endpoint = ENDPOINTS[`${entry.method} ${path}`];
		if (!endpoint) return [`${entry.method} ${path}: not an endpoint of the spec`];
		const found: string[] = [];
		if (!entry.headers['x-api-key'] || !entry.headers['x-api-id']) found.push(`${path}: x-api-key and x-api-id headers are required`);
		for (const name of new URLSearchParams(query).keys()) if (!endpoint.query.includes(name)) found.push(`${path}?${name}: not a parameter of the spec`);
		if (endpoint.body) found.push(...departures(entry.body, endpoint.body, `${path} body`));
		else if (entry.body !== undefined) found.push(`${path}: the spec defines no body`);
		return found;
	});
	expect(problems).toEqual([]);
	const covered = new Set(requests.map((entry) => `${entry.method} ${entry.path.replace(/^\/mehery/, '').split('?')[0]}`));
	expect([...covered].sort()).toEqual(Object.keys(ENDPOINTS).sort());
});

test('the check itself catches a field the spec does not have and a number where it says string', () => {
	expect(departures({ channelId: 'c', to: { phone: 1 }, txt: {} }, 'OutBoundMsg', 'body')).toEqual([
		'body.to.phone: expected a string, got 1',
		'body.txt: not a field of OutBoundMsg',
	]);
});
