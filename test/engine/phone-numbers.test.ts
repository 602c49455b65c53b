/**
 * One phone-number rule (nodes/shared/phone.ts) in every node that takes a phone number: the same numbers are
 * accepted and refused alike, each sent in its provider's own format.
 */
import type { INode } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { runNode } from './harness';
import { irisNode, irisStore, SESSIONS_ROUTE } from './irisengage.fixture';
import { SEND_ROUTE, meheryNode, meheryStore, sendParameters } from './mehery.fixture';
import { netcoreNode, netcoreStore, TRANSCRIPTS_ROUTE } from './netcore.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true, sizes: { netcoreTranscriptsPerUser: 3 } });
});
beforeEach(() => sim.reset());
afterAll(async () => await sim.close());

const takers: Array<{ name: string; node: (phone: string) => Pick<INode, 'name' | 'type' | 'parameters' | 'credentials'>; store: () => ReturnType<typeof irisStore>; sent: () => unknown }> = [
	{
		name: 'IrisEngage',
		node: (phone) => irisNode({ resource: 'conversation', operation: 'getMany', mobileNumber: phone, sessionCount: 1 }),
		store: async () => await irisStore(sim),
		sent: () => (sim.log.find((entry) => SESSIONS_ROUTE.test(entry.path))?.body as { MobileNo: string }).MobileNo,
	},
	{
		name: 'Mehery',
		node: (phone) => meheryNode(sendParameters({ recipient: phone })),
		store: async () => await meheryStore(sim),
		sent: () => (sim.log.find((entry) => SEND_ROUTE.test(entry.path))?.body as { to: { phone: string } }).to.phone,
	},
	{
		name: 'Netcore Bot',
		node: (phone) => netcoreNode({ resource: 'transcript', operation: 'getMany', channelId: 1014, botUserId: phone, returnAll: true }),
		store: async () => await netcoreStore(sim),
		sent: () => {
			const transcripts = sim.log.find((entry) => TRANSCRIPTS_ROUTE.test(entry.route ?? ''));
			return { ...(transcripts?.body as object), ...Object.fromEntries(new URL(transcripts?.path ?? '/', 'http://x').searchParams) }.botUserId;
		},
	},
];

describe.each(takers)('$name', ({ name, node, store, sent }) => {
	const expected = (digits: string) => (name === 'Netcore Bot' ? `+${digits}` : digits);

	test.each(['+91 99887 76655', '0091-9988-776655', '(91) 9988.776655'])('%s is sent as its digits, in the provider\'s format', async (phone) => {
		const result = await runNode(node(phone), [{}], await store());
		expect(result.error(name)).toBeUndefined();
		expect(sent()).toBe(expected('919988776655'));
	});

	test.each(['123456', '1234567890123456', '9198abc76655'])('%s is refused before any request, with the one rule', async (phone) => {
		const result = await runNode(node(phone), [{}], await store());
		expect(result.error(name)?.name).toBe('NodeOperationError');
		expect(result.error(name)?.message).toContain(`"${phone}" is not a phone number. Use 7 to 15 digits in international format`);
		expect(sim.log.filter((entry) => entry.provider !== undefined && !/auth/i.test(entry.path))).toEqual([]);
	});
});
