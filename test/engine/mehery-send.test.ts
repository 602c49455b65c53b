import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { inDeliveryOrder, peakInFlight } from './fixtures/send-log';
import { bodiesOf, CHANNEL, runMehery, SEND_ROUTE, sendParameters } from './mehery.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const TO = { phone: '919988776655' };

/** Sends one message and returns the OutBoundMsg body the simulator received. */
async function sentBody(overrides: INodeParameters) {
	const { items, error } = await runMehery(sim, sendParameters(overrides));
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json.receiptId).toMatch(/^[\w-]{27}$/);
	const bodies = bodiesOf(sim, SEND_ROUTE);
	expect(bodies).toHaveLength(1);
	return bodies[0];
}

describe('Message → Send: the OutBoundMsg body per type', () => {
	test('text, with the phone number reduced to digits and the receipt id returned', async () => {
		const { items } = await runMehery(sim, sendParameters());
		expect(items).toEqual([{ json: { receiptId: expect.any(String), channelId: CHANNEL, to: TO, type: 'text' }, pairedItem: { item: 0 } }]);
		expect(bodiesOf(sim, SEND_ROUTE)).toEqual([{ channelId: CHANNEL, to: TO, type: 'text', mask: false, text: { body: 'Hello' } }]);
	});

	test('image with caption', async () => {
		expect(await sentBody({ messageType: 'image', mediaUrl: 'https://cdn.example.com/a.png', caption: 'Your receipt' })).toEqual({
			channelId: CHANNEL, to: TO, type: 'image', mask: false, image: { link: 'https://cdn.example.com/a.png', caption: 'Your receipt' },
		});
	});

	test.each(['video', 'audio'])('%s by link only', async (type) => {
		expect(await sentBody({ messageType: type, mediaUrl: `https://cdn.example.com/a.${type}` })).toEqual({
			channelId: CHANNEL, to: TO, type, mask: false, [type]: { link: `https://cdn.example.com/a.${type}` },
		});
	});

	test('document with link, caption and file name', async () => {
		expect(await sentBody({ messageType: 'document', mediaUrl: 'https://cdn.example.com/r.pdf', caption: 'Invoice', fileName: 'invoice-42.pdf' })).toEqual({
			channelId: CHANNEL, to: TO, type: 'document', mask: false,
			document: { link: 'https://cdn.example.com/r.pdf', caption: 'Invoice', filename: 'invoice-42.pdf' },
		});
	});

	test('location with coordinates as strings, as CommonMsgLocation types them', async () => {
		expect(await sentBody({ messageType: 'location', latitude: 12.90909, longitude: 6.90808, locationDetails: { name: 'Main Building', address: '1 Hacker Way' } })).toEqual({
			channelId: CHANNEL, to: TO, type: 'location', mask: false,
			location: { latitude: '12.90909', longitude: '6.90808', name: 'Main Building', address: '1 Hacker Way' },
		});
	});

	test('a contact card with name, org, phones, emails, urls and addresses (ims, required by the spec, empty)', async () => {
		const body = await sentBody({
			messageType: 'contacts',
			contactName: 'John Smith',
			contactDetails: { firstName: 'John', lastName: 'Smith', company: 'WhatsApp', title: 'Manager' },
			contactEntries: {
				phones: [{ phone: '+1 (940) 555-1234', type: 'HOME', waId: '16505551234' }],
				emails: [{ email: 'test@whatsapp.com', type: 'WORK' }],
				urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
				addresses: [{ street: '1 Hacker Way', city: 'Menlo Park', zip: '94025', countryCode: 'us' }],
			},
		});
		expect(body).toEqual({
			channelId: CHANNEL, to: TO, type: 'contacts', mask: false,
			contacts: [
				{
					name: { formatted_name: 'John Smith', first_name: 'John', last_name: 'Smith' },
					org: { company: 'WhatsApp', title: 'Manager' },
					phones: [{ phone: '+1 (940) 555-1234', type: 'HOME', wa_id: '16505551234' }],
					emails: [{ email: 'test@whatsapp.com', type: 'WORK' }],
					urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
					addresses: [{ street: '1 Hacker Way', city: 'Menlo Park', zip: '94025', country_code: 'us' }],
					ims: [],
				},
			],
		});
	});

	test('a contact card with only a name still carries every list the spec requires, empty', async () => {
		const body = await sentBody({ messageType: 'contacts', contactName: 'John Smith' });
		expect(body.contacts).toEqual([{ name: { formatted_name: 'John Smith' }, addresses: [], emails: [], ims: [], phones: [], urls: [] }]);
	});

	test('a template picked from the list, with key/value data and language', async () => {
		expect(
			await sentBody({
				messageType: 'template',
				template: { __rl: true, mode: 'list', value: 'FEEDBACK' },
				templateLanguage: 'en_US',
				templateData: { values: [{ key: 'amount', value: '10' }, { key: 'currency', value: 'INR' }] },
			}),
		).toEqual({ channelId: CHANNEL, to: TO, type: 'template', mask: false, template: { code: 'FEEDBACK', lang: 'en_US', data: { amount: '10', currency: 'INR' }, linked: '' } });
	});

	test('a template by ID with JSON data keeps the JSON types', async () => {
		const { MeheryData } = await import('../simulator/providers/mehery-data');
		const id = new MeheryData(1, {}).templates[1].id;
		expect(
			await sentBody({ messageType: 'template', template: { __rl: true, mode: 'id', value: id }, templateDataMode: 'json', templateDataJson: '{"orderId": 42, "name": "Aisha"}' }),
		).toEqual({ channelId: CHANNEL, to: TO, type: 'template', mask: false, template: { id, data: { orderId: 42, name: 'Aisha' }, linked: '' } });
	});

	test('a template always carries linked (required by the spec): empty, or the Linked parameter as given', async () => {
		const body = await sentBody({ messageType: 'template', template: { __rl: true, mode: 'code', value: 'FEEDBACK' }, templateLinked: ' order-42 ' });
		expect(body.template).toEqual({ code: 'FEEDBACK', data: {}, linked: 'order-42' });
	});

	test('quick-reply, URL and call buttons under a text, to a contact ID with a name and masking', async () => {
		const body = await sentBody({
			recipientType: 'contactId',
			recipient: 'wa919988776655_919999998888',
			options: { mask: true, recipientName: 'Aisha' },
			buttons: {
				button: [
					{ type: 'QUICK_REPLY', name: 'yes', label: 'Yes', code: 'YES' },
					{ type: 'URL', name: 'track', label: 'Track', url: 'https://example.com/track/42' },
					{ type: 'PHONE_NUMBER', name: 'call', label: 'Call us', phone: '+91 9988776655' },
				],
			},
		});
		expect(body).toEqual({
			channelId: CHANNEL,
			to: { contactId: 'wa919988776655_919999998888', name: 'Aisha' },
			type: 'text',
			mask: true,
			text: { body: 'Hello' },
			options: {
				buttons: [
					{ type: 'QUICK_REPLY', name: 'yes', label: 'Yes', code: 'YES' },
					{ type: 'URL', name: 'track', label: 'Track', url: 'https://example.com/track/42' },
					{ type: 'PHONE_NUMBER', name: 'call', label: 'Call us', phone: '+91 9988776655' },
				],
			},
		});
	});
});

describe('Message → Send: bad input is refused before any request', () => {
	test.each([
		// Empty values arrive through expressions: n8n itself refuses a literal empty required field.
		['no recipient', { recipient: '={{ "" }}' }, 'Recipient'],
		['a phone number with letters', { recipient: '99887abc' }, 'Recipient'],
		['an email recipient that is not an email', { recipientType: 'email', recipient: 'nobody' }, 'Recipient'],
		['no channel', { channelId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, 'Channel'],
		['a template without its name', { messageType: 'template', template: { __rl: true, mode: 'list', value: '={{ $json.template }}' } }, 'Template'],
		['an invalid media URL', { messageType: 'image', mediaUrl: 'ftp://x/y.png' }, 'Media URL'],
		['malformed template JSON', { messageType: 'template', template: { __rl: true, mode: 'code', value: 'FEEDBACK' }, templateDataMode: 'json', templateDataJson: '{"amount": }' }, 'Template Data (JSON)'],
		['template JSON that is not an object', { messageType: 'template', template: { __rl: true, mode: 'code', value: 'FEEDBACK' }, templateDataMode: 'json', templateDataJson: '[1]' }, 'Template Data (JSON)'],
		['a latitude out of range', { messageType: 'location', latitude: 95, longitude: 0 }, 'Latitude'],
		['a latitude whose expression gives nothing', { messageType: 'location', latitude: '={{ "" }}', longitude: 1 }, 'Latitude'],
		['a longitude whose expression gives nothing', { messageType: 'location', latitude: 1, longitude: '={{ $json.missing }}' }, 'Longitude'],
		['a URL button without a URL', { buttons: { button: [{ type: 'URL', name: 'x', url: '' }] } }, 'Buttons'],
		['a contact card without a name', { messageType: 'contacts', contactName: ' ' }, 'Contact Name'],
		['empty text', { text: '={{ " " }}' }, 'Text'],
	])('%s', async (_case, overrides, field) => {
		const { error } = await runMehery(sim, sendParameters(overrides));
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(new RegExp(`^${field.replace(/[()]/g, '\\$&')}: `));
		expect(sim.count()).toBe(0);
	});

	test('with Continue On Fail, a bad item yields one error item and the others are sent', async () => {
		const { items } = await runMehery(sim, sendParameters({ recipient: '={{ $json.to }}' }), [{ to: '919988776655' }, { to: '' }, { to: '919988776656' }], { continueOnFail: true });
		expect(items.map((item) => [item.pairedItem, 'error' in item.json])).toEqual([[{ item: 0 }, false], [{ item: 1 }, true], [{ item: 2 }, false]]);
		expect(items[1].json.error).toMatch(/^Recipient: must not be empty/);
		expect(sim.count({ route: SEND_ROUTE })).toBe(2);
	});
});

describe('Message → Send: delivery', () => {
	test('many items to a few recipients: each sent once, in input order per recipient, output in input order', async () => {
		// Each recipient's first message is answered slowest: sent side by side, later ones would overtake it.
		sim.setLatency(60, undefined, { slowFirstPer: /"phone":"([^"]+)"/ });
		const items = Array.from({ length: 30 }, (_, index) => ({ to: `91990000000${index % 3}`, n: index }));
		const { items: output, error } = await runMehery(sim, sendParameters({ recipient: '={{ $json.to }}', text: '={{ "message " + $json.n }}' }), items);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const bodies = inDeliveryOrder(sim.log.filter((entry) => SEND_ROUTE.test(entry.path))).map((entry) => entry.body) as Array<{ to: { phone: string }; text: { body: string } }>;
		expect(bodies).toHaveLength(30);
		for (const phone of ['919900000000', '919900000001', '919900000002']) {
			const sent = bodies.filter((body) => body.to.phone === phone).map((body) => Number(body.text.body.split(' ')[1]));
			expect(sent).toEqual([...sent].sort((a, b) => a - b));
			expect(sent).toHaveLength(10);
		}
	});

	test('a 502 after the message went out is not retried (no duplicate) and fails with the status', async () => {
		sim.injectFault({ kind: 'status', status: 502, times: 1, match: { route: SEND_ROUTE } });
		const { error } = await runMehery(sim, sendParameters());
		expect(sim.count({ route: SEND_ROUTE })).toBe(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/Mehery XMS/);
		expect((error as { httpCode?: string }).httpCode).toBe('502');
	});

	test('a 429 means Mehery did not take it: retried and delivered once', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: 0, times: 1, match: { route: SEND_ROUTE } });
		const { items, error } = await runMehery(sim, sendParameters());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.count({ route: SEND_ROUTE, status: 200 })).toBe(1);
	});

	test("Mehery's own refusal (an unknown template) arrives as a NodeApiError with its message and status", async () => {
		const { error } = await runMehery(sim, sendParameters({ messageType: 'template', template: { __rl: true, mode: 'code', value: 'NOT_A_TEMPLATE' } }));
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe("Mehery XMS: Template 'NOT_A_TEMPLATE' not found (HTTP 404)");
	});

	test('a wrong API key fails with 401 and no credential value in the error', async () => {
		const { runNode } = await import('./harness');
		const { meheryNode, meheryStore } = await import('./mehery.fixture');
		const result = await runNode(meheryNode(sendParameters()), [{}], await meheryStore(sim, { apiKey: 'wrong-key-123' }));
		const error = result.error('Mehery');
		expect(error?.message).toBe('Mehery XMS: Invalid API key (HTTP 401)');
		expect(JSON.stringify(error)).not.toContain('wrong-key-123');
	});
});

test('no credential value reaches any output, success or failure', async () => {
	const { apiKey, apiId, verifyToken } = sim.providers.mehery.credentials;
	sim.injectFault({ kind: 'status', status: 400, times: 1, match: { route: SEND_ROUTE }, body: { message: 'rejected' } });
	const { items } = await runMehery(sim, sendParameters({ recipient: '={{ $json.to }}' }), [{ to: '919988776655' }, { to: '919988776656' }], { continueOnFail: true });
	expect(items.map((item) => 'error' in item.json)).toEqual([true, false]);
	const output = JSON.stringify(items);
	for (const secret of [apiKey, apiId, verifyToken]) expect(output).not.toContain(secret);
});

describe('Message → Send against a Mehery that takes only so many requests at once', () => {
	const items = Array.from({ length: 60 }, (_, index) => ({ to: `9199000000${String(index % 20).padStart(2, '0')}`, text: `message ${index}` }));
	const parameters = (options: INodeParameters = {}) => sendParameters({ recipient: '={{ $json.to }}', text: '={{ $json.text }}', options });
	const delivered = () =>
		inDeliveryOrder(sim.log.filter((entry) => SEND_ROUTE.test(entry.path) && entry.status === 200)).map((entry) => entry.body as { to: { phone: string }; text: { body: string } });

	test('the adaptive limiter finds the limit: 429s are retried, every message delivered once, in order per recipient', async () => {
		sim.setLatency(40, { provider: 'mehery' }, { slowFirstPer: /"phone":"([^"]+)"/ });
		sim.setInFlightLimit(5, { provider: 'mehery', route: SEND_ROUTE });
		const { items: output, error } = await runMehery(sim, parameters(), items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(60);
		expect(sim.count({ route: SEND_ROUTE, status: 429 })).toBeGreaterThan(0);
		const sent = delivered();
		expect(sent.map((body) => body.text.body).sort()).toEqual(items.map((item) => item.text).sort());
		for (let recipient = 0; recipient < 20; recipient++) {
			const phone = `9199000000${String(recipient).padStart(2, '0')}`;
			const texts = sent.filter((body) => body.to.phone === phone).map((body) => Number(body.text.body.split(' ')[1]));
			expect(texts).toHaveLength(3);
			expect(texts).toEqual([...texts].sort((a, b) => a - b));
		}
	});

	test('Max Concurrent Requests bounds what is in flight at Mehery', async () => {
		sim.setLatency(20, { provider: 'mehery' });
		const { error } = await runMehery(sim, parameters({ maxConcurrentRequests: 3 }), items);
		expect(error).toBeUndefined();
		const sends = sim.log.filter((entry) => SEND_ROUTE.test(entry.path));
		expect(peakInFlight(sends)).toBeLessThanOrEqual(3);
		expect(sends.every((entry) => entry.status === 200)).toBe(true);
	});
});
