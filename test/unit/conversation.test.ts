import type { IDataObject } from 'n8n-workflow';

import { endpointBeside } from '../../nodes/shared/conversation/publish';
import { chosenButton, parsePattern, replyVerdict } from '../../nodes/shared/conversation/replies';
import { signBody, verifySignature } from '../../nodes/shared/conversation/signature';
import type { WaitRegistration } from '../../nodes/shared/conversation/types';
import { MAX_WAITS, WaitBook } from '../../nodes/shared/conversation/waitBook';
import { BurstDesk, MAX_BURST_MESSAGES } from '../../nodes/shared/trigger/burst';
import type { TriggerEvent } from '../../nodes/shared/trigger/receive';

describe('signatures between our nodes', () => {
	const body = '{"action":"wait"}';

	test('a body signed with the secret verifies; another secret, another body or an old time does not', () => {
		const now = 1_800_000_000_000;
		const header = signBody('secret-1', body, now);
		expect(verifySignature(header, 'secret-1', body, now + 1000)).toEqual({ ok: true });
		expect(verifySignature(header, 'secret-2', body, now)).toEqual({ ok: false, reason: 'Invalid signature: the caller does not hold this credential' });
		expect(verifySignature(header, 'secret-1', '{"action":"cancel"}', now).ok).toBe(false);
		expect(verifySignature(header, 'secret-1', body, now + 6 * 60_000)).toEqual({ ok: false, reason: expect.stringMatching(/^Expired signature/) });
	});

	test.each([[undefined], [''], ['v1=abc'], ['t=1,v1=zz']])('a missing or malformed header (%p) is refused', (header) => {
		expect(verifySignature(header, 'secret-1', body).ok).toBe(false);
	});

	test('an empty secret never verifies, whatever is sent', () => {
		expect(verifySignature(signBody('', body), '', body).ok).toBe(false);
	});
});

describe("the conversation endpoint beside a trigger's Production URL", () => {
	test.each([
		['https://n8n.example.com/webhook/0b4c-11/mehery', ['mehery'], 'https://n8n.example.com/webhook/0b4c-11/conversations'],
		['https://n8n.example.com/webhook/0b4c-11/mehery/', ['mehery'], 'https://n8n.example.com/webhook/0b4c-11/conversations'],
		['http://127.0.0.1:5678/n8n/hooks/0b4c-11/ctlive?x=1#y', ['ctlive'], 'http://127.0.0.1:5678/n8n/hooks/0b4c-11/conversations'],
		['https://n8n.example.com/webhook/0b4c-11/mo', ['mo', 'mo/*'], 'https://n8n.example.com/webhook/0b4c-11/conversations'],
		['https://n8n.example.com/webhook/0b4c-11/mo/s3cret', ['mo', 'mo/*'], 'https://n8n.example.com/webhook/0b4c-11/conversations'],
	])('%s', (url, paths, endpoint) => expect(endpointBeside(url, paths)).toBe(endpoint));

	test.each([
		['another path', 'https://n8n.example.com/webhook/0b4c-11/ctlive'],
		['one more segment where none is taken', 'https://n8n.example.com/webhook/0b4c-11/mehery/extra'],
		['no webhookId', 'https://n8n.example.com/webhook/mehery'],
		['an empty segment before it', 'https://n8n.example.com/webhook//mehery'],
		['not a URL', 'n8n.example.com/webhook/0b4c-11/mehery'],
		['not http(s)', 'ftp://n8n.example.com/webhook/0b4c-11/mehery'],
	])('refused: %s', (_case, url) => expect(endpointBeside(url, ['mehery'])).toBeUndefined());
});

describe('which replies count', () => {
	const buttons = [{ code: 'YES', name: 'yes', label: 'Yes, please' }, { name: 'later', label: 'Later' }];

	test("a quick reply comes back as the button's text: label, name or code, case and spaces aside", () => {
		expect(chosenButton('  yes,   PLEASE ', buttons)).toBe('YES');
		expect(chosenButton('YES', buttons)).toBe('YES');
		expect(chosenButton('later', buttons)).toBe('later');
		expect(chosenButton('maybe', buttons)).toBeNull();
		expect(chosenButton(null, buttons)).toBeNull();
	});

	test('any message counts; buttons only, a button anywhere in a burst (the last one wins); a pattern over the whole burst', () => {
		expect(replyVerdict({ kind: 'any' }, buttons, ['hello'])).toEqual({ accepted: true, buttonCode: null });
		expect(replyVerdict({ kind: 'buttons' }, buttons, ['hello'])).toEqual({ accepted: false, buttonCode: null });
		expect(replyVerdict({ kind: 'buttons' }, buttons, ['Yes, please', 'no wait', 'Later'])).toEqual({ accepted: true, buttonCode: 'later' });
		expect(replyVerdict({ kind: 'pattern', pattern: '^my order\\n\\d+$', flags: '' }, [], ['my order', '12345'])).toEqual({ accepted: true, buttonCode: null });
		expect(replyVerdict({ kind: 'pattern', pattern: '^\\d+$', flags: '' }, [], ['no digits']).accepted).toBe(false);
	});

	test('patterns: bare or /…/flags; global and sticky flags are dropped (a test must not depend on the last one); a broken one throws', () => {
		expect(parsePattern('^\\d+$')).toEqual({ pattern: '^\\d+$', flags: '' });
		expect(parsePattern('/yes|no/gi')).toEqual({ pattern: 'yes|no', flags: 'i' });
		expect(() => parsePattern('(')).toThrow(SyntaxError);
	});
});

let scopes = 0;
const wait = (id: string, overrides: Partial<WaitRegistration> = {}): WaitRegistration => ({
	id,
	conversation: 'phone:1',
	resumeUrl: `http://127.0.0.1/webhook-waiting/${id}`,
	registeredAt: 1000,
	expiresAt: 10_000,
	accept: { kind: 'any' },
	buttons: [],
	otherwise: 'execute',
	...overrides,
});

describe('the waits a trigger keeps', () => {
	const now = () => 5000;

	test('each call has its own copy of static data: a wait registered by one is found by another and survives its save', () => {
		const scope = `waits-${++scopes}`;
		const older: IDataObject = {};
		const copyA = JSON.parse(JSON.stringify(older)) as IDataObject;
		const copyB = JSON.parse(JSON.stringify(older)) as IDataObject;
		const registering = new WaitBook(copyA, scope, now);
		const other = new WaitBook(copyB, scope, now);
		expect(registering.register(wait('w1'))).toBe('registered');
		registering.save();
		// The other call loaded static data before the registration, and saves after it: the wait stays.
		other.save();
		expect((copyB.conversationWaits as { entries: WaitRegistration[] }).entries.map((entry) => entry.id)).toEqual(['w1']);
	});

	test('after a restart (a new memory), a wait comes back from static data; a claimed one does not', () => {
		const stored: IDataObject = {};
		const first = new WaitBook(stored, `restart-${++scopes}`, now);
		first.register(wait('w1'));
		first.register(wait('w2', { conversation: 'phone:2' }));
		first.save();
		expect(first.claim('w2')).toBe(true);
		first.save();
		const afterRestart = new WaitBook(JSON.parse(JSON.stringify(stored)) as IDataObject, `restart-${++scopes}`, now);
		expect(afterRestart.find(['phone:1'])?.id).toBe('w1');
		expect(afterRestart.find(['phone:2'])).toBeUndefined();
	});

	test('a wait is claimed once; the newest of a customer is found first; one past its time limit is gone', () => {
		const book = new WaitBook({}, `claims-${++scopes}`, now);
		book.register(wait('old', { registeredAt: 1000 }));
		book.register(wait('new', { registeredAt: 2000 }));
		book.register(wait('expired', { conversation: 'phone:3', expiresAt: 4000 }));
		expect(book.find(['phone:9', 'phone:1'])?.id).toBe('new');
		expect([book.claim('new'), book.claim('new')]).toEqual([true, false]);
		expect(book.find(['phone:1'])?.id).toBe('old');
		expect(book.find(['phone:3'])).toBeUndefined();
	});

	test(`a cancelled wait registered again stays gone ('done'); beyond ${MAX_WAITS} waits a registration is refused`, () => {
		const book = new WaitBook({}, `limits-${++scopes}`, now);
		book.register(wait('w1'));
		book.cancel('w1');
		expect(book.register(wait('w1'))).toBe('done');
		for (let index = 0; index < MAX_WAITS; index++) book.register(wait(`n${index}`));
		expect(book.register(wait('one-too-many'))).toBe('full');
		expect(book.register(wait('n0'))).toBe('registered');
	});
});

const message = (id: string): TriggerEvent => ({ kind: 'message', id, simplified: { text: id }, raw: { id } });

describe('bursts a trigger collects', () => {
	let clock = 0;
	const now = () => clock;

	test('the first message of a sender opens a burst (this call collects it); later ones join; a full burst makes the next message open a new one', () => {
		clock = 0;
		const desk = new BurstDesk({}, `bursts-${++scopes}`, 2000, now);
		const [opened] = desk.join([{ sender: 'a', event: message('1') }]);
		expect(desk.join([{ sender: 'a', event: message('2') }, { sender: 'b', event: message('3') }]).map((burst) => burst.sender)).toEqual(['b']);
		expect(opened.events.map((event) => event.id)).toEqual(['1', '2']);
		for (let index = 3; index <= MAX_BURST_MESSAGES; index++) desk.join([{ sender: 'a', event: message(String(index)) }]);
		expect(desk.join([{ sender: 'a', event: message('next') }])).toHaveLength(1);
	});

	test('taken bursts are closed at once: a message arriving then opens a new one', () => {
		clock = 0;
		const desk = new BurstDesk({}, `take-${++scopes}`, 2000, now);
		const opened = desk.join([{ sender: 'a', event: message('1') }]);
		desk.take(opened);
		expect(desk.join([{ sender: 'a', event: message('2') }])).toHaveLength(1);
	});

	test("a burst in static data that no live call holds (another process's, or from before a restart) is taken over once its time is long past, once", () => {
		const stored: IDataObject = {};
		clock = 0;
		const before = new BurstDesk(stored, `orphans-${++scopes}`, 2000, now);
		before.join([{ sender: 'a', event: message('cut off') }]);
		before.save();
		const foreign = stored.combineBursts as { bursts: Array<{ owner: string }> };
		foreign.bursts[0].owner = 'a process that stopped';

		clock = 2000 + 29_000;
		expect(new BurstDesk(JSON.parse(JSON.stringify(stored)) as IDataObject, `orphans-${++scopes}`, 2000, now).adoptOrphans()).toEqual([]);
		clock = 2000 + 31_000;
		const scope = `orphans-${++scopes}`;
		const adopted = new BurstDesk(JSON.parse(JSON.stringify(stored)) as IDataObject, scope, 2000, now).adoptOrphans();
		expect(adopted.map((burst) => burst.events.map((event) => event.id))).toEqual([['cut off']]);
		expect(new BurstDesk(JSON.parse(JSON.stringify(stored)) as IDataObject, scope, 2000, now).adoptOrphans()).toEqual([]);
	});
});
