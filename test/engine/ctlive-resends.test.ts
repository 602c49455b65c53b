import type { IDataObject } from 'n8n-workflow';

/** CTLive resend detection: a payload seen again within the window keeps its first answer's message ids. */
type Resends = typeof import('../../nodes/CtLive/trigger/resends');
type Dedupe = typeof import('../../nodes/shared/dedupe');

/** Fresh copies of the modules: an n8n process that just restarted, with nothing in memory. */
function freshProcess(): Resends & Dedupe {
	let loaded: (Resends & Dedupe) | undefined;
	jest.isolateModules(() => {
		loaded = { ...jest.requireActual<Resends>('../../nodes/CtLive/trigger/resends'), ...jest.requireActual<Dedupe>('../../nodes/shared/dedupe') };
	});
	return loaded!;
}

const WINDOW = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const SCOPE = 'wf/node';
const message = (to: string[]) => ({ scenarioKey: 'S', destinations: to.map((phoneNumber) => ({ to: { phoneNumber } })), whatsApp: { text: 'Hello' } });

/** One call of the trigger with `body` at `at` whose execution started: the ids it is answered with. */
function deliver(process: Resends & Dedupe, staticData: IDataObject, body: ReturnType<typeof message>, at: number, windowMs = WINDOW) {
	const { keyOf, values, ...options } = process.resendDetection(SCOPE, windowMs);
	const claim = process.claimKeys(staticData, SCOPE, [keyOf(body)], { ...options, persistEveryMs: 0, now: () => at }, () => values(body));
	claim.settle(true);
	return { messageIds: claim.values[0], isResend: !claim.isNew[0] };
}

test('the same payload in any key order is the same key; another scope or content is not', () => {
	const { payloadKey } = freshProcess();
	expect(payloadKey('wf/node', { a: 1, b: [{ x: 1, y: 2 }] })).toBe(payloadKey('wf/node', { b: [{ y: 2, x: 1 }], a: 1 }));
	expect(payloadKey('wf/other', { a: 1 })).not.toBe(payloadKey('wf/node', { a: 1 }));
	expect(payloadKey('wf/node', { a: 2 })).not.toBe(payloadKey('wf/node', { a: 1 }));
});

test('a resend within the window gets the same ids, also after a restart (static data saved as JSON)', () => {
	const staticData = {};
	const first = deliver(freshProcess(), staticData, message(['1', '2']), T0);
	expect(first.isResend).toBe(false);
	expect(first.messageIds).toHaveLength(2);
	const reloaded = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	expect(deliver(freshProcess(), reloaded, message(['1', '2']), T0 + WINDOW - 1)).toEqual({ messageIds: first.messageIds, isResend: true });
});

test('after the window, or with window 0, the same payload is a new message', () => {
	const process = freshProcess();
	const staticData = {};
	const first = deliver(process, staticData, message(['1']), T0);
	const later = deliver(process, staticData, message(['1']), T0 + WINDOW);
	expect(later.isResend).toBe(false);
	expect(later.messageIds).not.toEqual(first.messageIds);
	expect(deliver(process, staticData, message(['1']), T0 + WINDOW, 0).isResend).toBe(false);
});

test('a resend arriving while the first call still runs (its own static-data copy) is caught in memory', () => {
	const process = freshProcess();
	const first = deliver(process, {}, message(['1']), T0);
	expect(deliver(process, {}, message(['1']), T0 + 5)).toEqual({ messageIds: first.messageIds, isResend: true });
});

test('what the previous version stored (key, time, ids per delivery) is still recognised after the upgrade', () => {
	const { payloadKey } = freshProcess();
	const stored = { ctliveDeliveries: [[payloadKey(SCOPE, message(['1'])), T0, ['kept-id']]] };
	expect(deliver(freshProcess(), stored, message(['1']), T0 + 1)).toEqual({ messageIds: ['kept-id'], isResend: true });
});

test('static data holds at most 1000 message ids, oldest deliveries first out', () => {
	const process = freshProcess();
	const staticData: IDataObject = {};
	const first = deliver(process, staticData, message(['first']), T0);
	for (let index = 0; index < 1000; index++) deliver(process, staticData, message([`to-${index}`]), T0 + 1 + index);
	expect((staticData.ctliveDeliveries as unknown[]).length).toBe(1000);
	const reloaded = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	const again = deliver(freshProcess(), reloaded, message(['first']), T0 + 2000);
	expect(again.isResend).toBe(false);
	expect(again.messageIds).not.toEqual(first.messageIds);
});
