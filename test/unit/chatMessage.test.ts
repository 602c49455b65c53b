import { chatMessageSchema, toChatMessage, type ChatMessage } from '../../nodes/shared/chatMessage';

const valid: ChatMessage = {
	provider: 'irisEngage',
	direction: 'inbound',
	messageId: '85a7339d-3e6f-4b22-b2e4-f8fa09bc3379',
	conversationId: 'cdc079cc-c7fc-46cc-aeca-fd81d83a82b8',
	from: '971569113820',
	to: null,
	contactName: 'Ganga Shyam',
	type: 'text',
	text: 'Hi',
	timestamp: '2023-08-15T19:39:17.000Z',
	raw: { message: '<Text>Hi</Text>' },
};

describe('toChatMessage', () => {
	it('accepts a minimal valid message and returns it unchanged', () => {
		expect(toChatMessage(valid)).toEqual(valid);
	});

	it('accepts the optional media, buttons, location and status fields', () => {
		const full = {
			...valid,
			type: 'media',
			media: { kind: 'image', url: 'https://x.test/a.png', caption: 'A', mimeType: 'image/png' },
			buttons: ['Yes', 'No'],
			location: { latitude: 25.2, longitude: 55.27, name: 'DLC', address: 'Dubai' },
			status: 'DELIVERED',
			timestamp: '2023-08-15T19:39:17Z',
		};
		expect(toChatMessage(full)).toEqual(full);
		expect(chatMessageSchema.safeParse(full).success).toBe(true);
	});

	it('accepts every message type', () => {
		for (const type of ['text', 'buttons', 'media', 'location', 'template', 'status', 'unknown'] as const) {
			expect(toChatMessage({ ...valid, type }).type).toBe(type);
		}
	});

	it('lists every invalid field in one error', () => {
		const bad = { ...valid, direction: 'sideways', messageId: '', timestamp: '08-15-2023 07:39:17 PM' };
		expect(() => toChatMessage(bad)).toThrow(Error);
		try {
			toChatMessage(bad);
		} catch (error) {
			const message = (error as Error).message;
			expect(message).toMatch(/^Invalid chat message: /);
			expect(message).toContain('direction');
			expect(message).toContain('messageId');
			expect(message).toContain('timestamp');
		}
	});

	it('requires the nullable fields to be present (null, not missing)', () => {
		const { conversationId: _omit, ...missing } = valid;
		expect(() => toChatMessage(missing)).toThrow(/conversationId: Required/);
	});

	it('rejects timestamps that are not UTC with a Z suffix', () => {
		expect(() => toChatMessage({ ...valid, timestamp: '2023-08-15T19:39:17+04:00' })).toThrow(/timestamp/);
		expect(() => toChatMessage({ ...valid, timestamp: '2023-08-15T19:39:17' })).toThrow(/timestamp/);
		expect(() => toChatMessage({ ...valid, timestamp: 1692128357000 })).toThrow(/timestamp/);
	});

	it('takes a null timestamp (the provider sent no time; none is invented) but not a missing one', () => {
		expect(toChatMessage({ ...valid, timestamp: null }).timestamp).toBeNull();
		const { timestamp: _omit, ...missing } = valid;
		expect(() => toChatMessage(missing)).toThrow(/timestamp: Required/);
	});

	it('rejects unknown fields (typos in a provider mapping)', () => {
		expect(() => toChatMessage({ ...valid, contactname: 'x' })).toThrow(/unexpected field\(s\) contactname/);
		expect(() => toChatMessage({ ...valid, media: { kind: 'image', url: 'u', extra: 1 } })).toThrow(/extra/);
	});

	it('names nested invalid fields by their path', () => {
		expect(() => toChatMessage({ ...valid, location: { latitude: 200, longitude: 0 } })).toThrow(/location\.latitude/);
		expect(() => toChatMessage({ ...valid, buttons: ['a', 3] })).toThrow(/buttons\.1/);
		expect(() => toChatMessage({ ...valid, media: { kind: 'image' } })).toThrow(/media\.url/);
		expect(() => toChatMessage({ ...valid, raw: 'text' })).toThrow(/raw/);
	});

	it('rejects non-objects', () => {
		expect(() => toChatMessage(null)).toThrow(/Invalid chat message: \(message\)/);
		expect(() => toChatMessage('hello')).toThrow(/Invalid chat message/);
	});
});
