/**
 * "Works against any server that follows the spec strictly": every request the Mehery examples and every message
 * type make is checked against the spec's own request side (mehery-spec.ts, extracted mechanically from the spec
 * text), not against the simulator's semantic checks: known method and path, both auth headers, only documented
 * query parameters of the documented types, and bodies that use only the spec's field names with the spec's
 * types and enumerated values and carry every field the spec marks required, except the departures
 * mehery-deviations.ts lists with their reasons, each of which some request must exercise.
 */
import type { INode } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { loadExamples, ourNodes, simulatorCredentials } from './examples';
import { createCredentialStore, runWorkflow } from './harness';
import { runMehery, sendParameters } from './mehery.fixture';
import { bodyDepartures, requestDepartures } from './mehery-conformance';
import { deviationLabel, MEHERY_DEVIATIONS, type MeheryDeviation } from './mehery-deviations';
import { MEHERY_SPEC } from './mehery-spec';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

const SENDS: Array<INode['parameters']> = [
	sendParameters({ buttons: { button: [{ type: 'QUICK_REPLY', name: 'y', label: 'Yes' }, { type: 'URL', name: 'u', url: 'https://x.example' }, { type: 'PHONE_NUMBER', name: 'c', phone: '+91 9988776655' }] } }),
	sendParameters({ recipientType: 'email', recipient: 'a@b.example', options: { mask: true, recipientName: 'A' } }),
	sendParameters({ messageType: 'image', mediaUrl: 'https://x.example/a.png', caption: 'c' }),
	sendParameters({ messageType: 'video', mediaUrl: 'https://x.example/a.mp4' }),
	sendParameters({ messageType: 'audio', mediaUrl: 'https://x.example/a.mp3' }),
	sendParameters({ messageType: 'document', mediaUrl: 'https://x.example/a.pdf', fileName: 'a.pdf' }),
	sendParameters({ messageType: 'location', latitude: 1.5, longitude: 2.5, locationDetails: { name: 'n', address: 'a', url: 'https://x.example' } }),
	sendParameters({ messageType: 'location', latitude: -33.9, longitude: 151.2 }),
	sendParameters({
		messageType: 'contacts',
		contactName: 'J S',
		contactDetails: { firstName: 'J', lastName: 'S', company: 'C', department: 'D', title: 'T', birthday: '2000-01-01' },
		contactEntries: {
			phones: [{ phone: '1', type: 'HOME', waId: '1' }],
			emails: [{ email: 'a@b.example', type: 'WORK' }],
			urls: [{ url: 'https://x.example', type: 'WORK' }],
			addresses: [{ street: 'S', city: 'X', state: 'Y', zip: '1', country: 'Z', countryCode: 'us', type: 'HOME' }],
		},
	}),
	sendParameters({
		messageType: 'contacts',
		contactName: 'Only A Name',
		contactDetails: { company: 'C' },
		contactEntries: { phones: [{ phone: '2' }], emails: [{ email: 'b@b.example' }], urls: [{ url: 'https://y.example' }], addresses: [{ street: 'S' }, { city: 'X' }] },
	}),
	sendParameters({ messageType: 'contacts', contactName: 'Name Alone' }),
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
	const exercised = new Set<MeheryDeviation>();
	const problems = requests.flatMap((entry) => {
		const [path, query = ''] = entry.path.replace(/^\/mehery/, '').split('?');
		const found = requestDepartures(entry.method, path, new URLSearchParams(query), entry.body, (deviation) => exercised.add(deviation));
		const described = found.map(({ field, problem }) => `${entry.method} ${path} ${field}: ${problem}`);
		if (!entry.headers['x-api-key'] || !entry.headers['x-api-id']) described.push(`${path}: x-api-key and x-api-id headers are required`);
		return described;
	});
	expect(problems).toEqual([]);
	const covered = new Set(requests.map((entry) => `${entry.method} ${entry.path.replace(/^\/mehery/, '').split('?')[0]}`));
	expect([...covered].sort()).toEqual(Object.keys(MEHERY_SPEC.endpoints).sort());
	// A listed departure no request makes any more is a stale entry (and a stale README line).
	expect(MEHERY_DEVIATIONS.filter((deviation) => !exercised.has(deviation)).map(deviationLabel)).toEqual([]);
});

describe('the check itself', () => {
	const text = { channelId: 'c', to: { phone: '1' }, type: 'text', mask: false, text: { body: 'x' } };

	test('catches a field the spec does not have, a number where it says string and a value outside its enum', () => {
		expect(bodyDepartures({ ...text, to: { phone: 1 }, txt: {}, type: 'fax' }, 'OutBoundMsg')).toEqual([
			{ field: 'txt', problem: 'is not a field of OutBoundMsg' },
			{ field: 'to.phone', problem: 'must be a string, not 1' },
			{ field: 'type', problem: expect.stringMatching(/^must be one of audio, document, image, location/) },
		]);
	});

	test('catches a missing required field, at any depth', () => {
		const { mask: _mask, ...noMask } = text;
		expect(bodyDepartures(noMask, 'OutBoundMsg')).toEqual([{ field: 'mask', problem: 'is required by OutBoundMsg' }]);
		const template = { ...text, text: undefined, type: 'template', template: { code: 'FEEDBACK' } };
		expect(bodyDepartures(template, 'OutBoundMsg')).toEqual([{ field: 'template.linked', problem: 'is required by CommonTemplateMeta' }]);
		expect(bodyDepartures({ id: 'e', eventName: 'E', links: [{ linkName: 'a', linkType: 'b' }] }, 'DigitalEventDto')).toEqual([
			{ field: 'links[0].linkValue', problem: 'is required by DigitalObjectLink' },
		]);
	});

	test('a listed omission is allowed only where its condition holds: a location message needs its location', () => {
		expect(bodyDepartures(text, 'OutBoundMsg')).toEqual([]);
		expect(bodyDepartures({ ...text, text: undefined, type: 'location' }, 'OutBoundMsg')).toEqual([{ field: 'location', problem: 'is required by OutBoundMsg' }]);
	});

	test('catches undocumented paths, query parameters and bodies', () => {
		expect(requestDepartures('GET', '/api/v1/config/channel', new URLSearchParams(), undefined)).toEqual([
			{ field: '(path)', problem: 'GET /api/v1/config/channel is not an endpoint of the spec' },
		]);
		expect(requestDepartures('GET', '/api/v1/config/channels', new URLSearchParams('sabdnox=1&limit=5'), undefined)).toEqual([
			{ field: '?sabdnox', problem: 'must be true or false' },
			{ field: '?limit', problem: 'is not a parameter of GET /api/v1/config/channels' },
		]);
		expect(requestDepartures('POST', '/api/v1/session/close', new URLSearchParams(), undefined)).toEqual([{ field: '(body)', problem: 'is required: a SessionStatusClose' }]);
	});
});
