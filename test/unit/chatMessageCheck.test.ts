import { chatMessageSchema, toChatMessage } from '../../nodes/shared/chatMessage';

/** toChatMessage's fast check must accept exactly what the schema accepts, and return what zod returns. */
const valid = {
	provider: 'wavy',
	direction: 'inbound',
	messageId: 'm-1',
	conversationId: '5511',
	from: '5511',
	to: null,
	contactName: null,
	type: 'media',
	text: 'A photo',
	media: { url: 'https://x.test/a.png', kind: 'image', mimeType: 'image/png' },
	buttons: ['Yes'],
	location: { longitude: 55.27, latitude: 25.2, address: 'Dubai' },
	status: 'READ',
	timestamp: '2024-06-03T09:30:00.123Z',
	raw: { id: 'm-1', nested: { a: 1 } },
};

const variants: Array<[string, Record<string, unknown>]> = [
	['valid', {}],
	['no optional fields', { media: undefined, buttons: undefined, location: undefined, status: undefined }],
	['a null timestamp', { timestamp: null }],
	['a timestamp without fraction', { timestamp: '2024-06-03T09:30:00Z' }],
	['a timestamp with an offset', { timestamp: '2024-06-03T09:30:00+01:00' }],
	['a timestamp without seconds', { timestamp: '2024-06-03T09:30Z' }],
	['a numeric timestamp', { timestamp: 1717407000000 }],
	['an unknown type', { type: 'video' }],
	['an unknown direction', { direction: 'sideways' }],
	['an empty messageId', { messageId: '' }],
	['an empty provider', { provider: '' }],
	['a numeric conversationId', { conversationId: 5511 }],
	['an unknown field', { extra: 1 }],
	['an array raw', { raw: [] }],
	['a null raw', { raw: null }],
	['media without url', { media: { kind: 'image' } }],
	['media with an empty kind', { media: { kind: '', url: 'u' } }],
	['media with an extra field', { media: { kind: 'image', url: 'u', size: 1 } }],
	['media with a numeric caption', { media: { kind: 'image', url: 'u', caption: 1 } }],
	['a null media', { media: null }],
	['a latitude out of range', { location: { latitude: 91, longitude: 0 } }],
	['an infinite longitude', { location: { latitude: 0, longitude: Infinity } }],
	['a location with text coordinates', { location: { latitude: '1', longitude: 0 } }],
	['a location with an extra field', { location: { latitude: 1, longitude: 0, url: 'u' } }],
	['a numeric button', { buttons: ['a', 3] }],
	['buttons not an array', { buttons: 'a' }],
	['a numeric status', { status: 1 }],
];

describe('toChatMessage fast check', () => {
	test.each(variants)('agrees with chatMessageSchema on a message with %s', (_name, change) => {
		const input = { ...valid, ...change };
		const expected = chatMessageSchema.safeParse(input);
		if (expected.success) {
			const output = toChatMessage(input);
			expect(output).toStrictEqual(expected.data);
			// Same key order as zod's output (what n8n shows and the docs pages print).
			expect(JSON.stringify(output)).toBe(JSON.stringify(expected.data));
		} else {
			expect(() => toChatMessage(input)).toThrow(/^Invalid chat message: /);
		}
	});

	test.each([['a missing conversationId', 'conversationId'], ['a missing timestamp', 'timestamp'], ['a missing text', 'text']])('refuses %s like the schema', (_name, key) => {
		const input: Record<string, unknown> = { ...valid };
		delete input[key];
		expect(chatMessageSchema.safeParse(input).success).toBe(false);
		expect(() => toChatMessage(input)).toThrow(new RegExp(`${key}: Required`));
	});
});
