import { z } from 'zod';

import { checkedChatMessage, type ChatMessageShape } from './chatMessageCheck';

/**
 * The one normalized chat message every node's Simplify output and every trigger emits, whatever the provider,
 * so workflows can switch providers without rewiring. Validated at the edge so a provider mapping bug surfaces
 * as a clear error instead of silently odd output.
 */

export const CHAT_MESSAGE_TYPES = [
	'text',
	'buttons',
	'media',
	'location',
	'template',
	'status',
	'unknown',
] as const;

export const CHAT_MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;

// ISO 8601 in UTC with a trailing 'Z' (zod's datetime() rejects offsets unless told otherwise).
const utcTimestamp = z.string().datetime({ message: 'must be an ISO 8601 UTC timestamp ending in Z' });

export const chatMessageSchema = z
	.object({
		provider: z.string().min(1),
		direction: z.enum(CHAT_MESSAGE_DIRECTIONS),
		messageId: z.string().min(1),
		conversationId: z.string().nullable(),
		from: z.string().nullable(),
		to: z.string().nullable(),
		contactName: z.string().nullable(),
		type: z.enum(CHAT_MESSAGE_TYPES),
		text: z.string().nullable(),
		media: z
			.object({
				kind: z.string().min(1),
				url: z.string().min(1),
				caption: z.string().optional(),
				mimeType: z.string().optional(),
			})
			.strict()
			.optional(),
		buttons: z.array(z.string()).optional(),
		location: z
			.object({
				latitude: z.number().finite().min(-90).max(90),
				longitude: z.number().finite().min(-180).max(180),
				name: z.string().optional(),
				address: z.string().optional(),
			})
			.strict()
			.optional(),
		status: z.string().optional(),
		// null only when the provider gave no readable time: a time is never invented.
		timestamp: utcTimestamp.nullable(),
		raw: z.record(z.unknown()),
	})
	// Strict: a misspelt field in a provider mapping fails in tests instead of leaking into output.
	.strict();

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatMessageType = ChatMessage['type'];

const shape: ChatMessageShape = {
	keys: Object.keys(chatMessageSchema.shape),
	mediaKeys: Object.keys(chatMessageSchema.shape.media.unwrap().shape),
	locationKeys: Object.keys(chatMessageSchema.shape.location.unwrap().shape),
	types: CHAT_MESSAGE_TYPES,
	directions: CHAT_MESSAGE_DIRECTIONS,
};

/** Validates `input` as a ChatMessage; throws a plain Error listing every invalid field (the node wraps it). */
export function toChatMessage(input: unknown): ChatMessage {
	const checked = checkedChatMessage(input, shape);
	if (checked) return checked as unknown as ChatMessage;
	const result = chatMessageSchema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		if (issue.code === 'unrecognized_keys') return `unexpected field(s) ${issue.keys.join(', ')}`;
		const path = issue.path.length > 0 ? issue.path.join('.') : '(message)';
		return `${path}: ${issue.message}`;
	});
	throw new Error(`Invalid chat message: ${problems.join('; ')}`);
}
