import type { IDataObject } from 'n8n-workflow';

/** CTLive resend detection: a payload seen again within the window keeps its first answer's message ids. */
type Resends = typeof import('../../nodes/CtLive/resends');

/** A fresh copy of the module: an n8n process that just restarted, with nothing in memory. */
function freshProcess(): Resends {
	let loaded: Resends | undefined;
	jest.isolateModules(() => {
		loaded = jest.requireActual<Resends>('../../nodes/CtLive/resends');
	});
	return loaded!;
}

const WINDOW = 60_000;
const T0 = Date.UTC(2026, 0, 1);

test('the same payload in any key order is the same key; another scope or content is not', () => {
	const { payloadKey } = freshProcess();
	expect(payloadKey('wf/node', { a: 1, b: [{ x: 1, y: 2 }] })).toBe(payloadKey('wf/node', { b: [{ y: 2, x: 1 }], a: 1 }));
	expect(payloadKey('wf/other', { a: 1 })).not.toBe(payloadKey('wf/node', { a: 1 }));
	expect(payloadKey('wf/node', { a: 2 })).not.toBe(payloadKey('wf/node', { a: 1 }));
});

test('a resend within the window gets the same ids, also after a restart (static data saved as JSON)', () => {
	const before = freshProcess();
	const staticData = {};
	const first = before.acceptDelivery(staticData, 'k', 2, WINDOW, T0);
	expect(first.isResend).toBe(false);
	expect(first.messageIds).toHaveLength(2);

	const after = freshProcess();
	const reloaded = JSON.parse(JSON.stringify(staticData));
	expect(after.acceptDelivery(reloaded, 'k', 2, WINDOW, T0 + WINDOW - 1)).toEqual({ messageIds: first.messageIds, isResend: true });
});

test('after the window, or with window 0, the same payload is a new message', () => {
	const { acceptDelivery } = freshProcess();
	const staticData = {};
	const first = acceptDelivery(staticData, 'k', 1, WINDOW, T0);
	const later = acceptDelivery(staticData, 'k', 1, WINDOW, T0 + WINDOW);
	expect(later.isResend).toBe(false);
	expect(later.messageIds).not.toEqual(first.messageIds);
	expect(acceptDelivery(staticData, 'k', 1, 0, T0 + WINDOW).isResend).toBe(false);
});

test('a resend arriving while the first call still runs (its own static-data copy) is caught in memory', () => {
	const { acceptDelivery } = freshProcess();
	const first = acceptDelivery({}, 'k', 1, WINDOW, T0);
	expect(acceptDelivery({}, 'k', 1, WINDOW, T0 + 5)).toEqual({ messageIds: first.messageIds, isResend: true });
});

test('static data holds at most 1000 message ids, oldest deliveries first out, the newest always', () => {
	const { acceptDelivery } = freshProcess();
	const staticData: IDataObject = {};
	for (let index = 0; index < 1001; index++) acceptDelivery(staticData, `k${index}`, 1, WINDOW, T0 + index);
	expect((staticData.ctliveDeliveries as unknown[]).length).toBe(1000);
	expect((staticData.ctliveDeliveries as Array<[string]>)[0][0]).toBe('k1');
});

test('a delivery with more destinations than the bound is still remembered alone', () => {
	const { acceptDelivery } = freshProcess();
	const staticData: IDataObject = {};
	acceptDelivery(staticData, 'small', 3, WINDOW, T0);
	const big = acceptDelivery(staticData, 'big', 1500, WINDOW, T0 + 1);
	expect((staticData.ctliveDeliveries as Array<[string]>).map(([key]) => key)).toEqual(['big']);
	const reloaded = JSON.parse(JSON.stringify(staticData));
	expect(freshProcess().acceptDelivery(reloaded, 'big', 1500, WINDOW, T0 + 2).messageIds).toEqual(big.messageIds);
});
