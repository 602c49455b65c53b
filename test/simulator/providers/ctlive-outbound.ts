/**
 * CTLive's outbound messages (an agent's answer, which CTLive posts to the channel's URL with Basic auth), in
 * the spec's three shapes, plus the media files their image and document links point at.
 */
import { randomFor } from '../random';

export type OutboundKind = 'text' | 'image' | 'document';
export const OUTBOUND_KINDS: readonly OutboundKind[] = ['text', 'image', 'document'];

export interface OutboundOptions {
	kind: OutboundKind;
	/** Destination phone numbers; default: `count` seeded numbers. */
	to?: string[];
	/** How many seeded destinations when `to` is not given; default 1. */
	count?: number;
	/** The text, or the image caption / document file name; default: a seeded sentence or file name. */
	text?: string;
	/** Default: this simulator's own media file for the kind. */
	mediaUrl?: string;
	scenarioKey?: string;
}

export interface OutboundPayload {
	scenarioKey: string;
	destinations: Array<{ to: { phoneNumber: string } }>;
	whatsApp: { text: string; imageUrl?: string; fileUrl?: string };
}

/** Small files with real signatures, ASCII only so the simulator can serve them as text. */
export const MEDIA: Record<string, { contentType: string; body: string }> = {
	'photo.svg': {
		contentType: 'image/svg+xml',
		body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#0a7"/></svg>\n',
	},
	'invoice.pdf': {
		contentType: 'application/pdf',
		body: [
			'%PDF-1.4',
			'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
			'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
			'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
			'trailer << /Root 1 0 R >>',
			'%%EOF',
			'',
		].join('\n'),
	},
};

const ANSWERS = [
	'Hello, this is Maria from support. How can I help?',
	'Your order has been shipped and should arrive tomorrow.',
	'Could you send us a photo of the damaged item?',
	'Thanks for waiting, I am checking this with my colleague.',
];

/** The account's source id: 32 upper-case hex digits, like the spec's `CC9F01A5DC7BEE2C2B829D203482A654`. */
export function scenarioKeyFor(seed: number): string {
	return randomFor(seed, 'ctlive-scenario')
		.bytes(16)
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('')
		.toUpperCase();
}

export function outboundPayload(seed: number, simulatorUrl: string, options: OutboundOptions): OutboundPayload {
	const rng = randomFor(seed, 'ctlive-outbound', options.kind, options.count ?? 1);
	const to = options.to ?? Array.from({ length: options.count ?? 1 }, (_, i) => `4179302${String(6727 + i).padStart(4, '0')}`);
	const media = `${simulatorUrl}/ctlive/media/${options.kind === 'image' ? 'photo.svg' : 'invoice.pdf'}`;
	const whatsApp: OutboundPayload['whatsApp'] =
		options.kind === 'text'
			? { text: options.text ?? rng.pick(ANSWERS) }
			: options.kind === 'image'
				? { text: options.text ?? 'Get your message across!', imageUrl: options.mediaUrl ?? media }
				: { text: options.text ?? 'invoice.pdf', fileUrl: options.mediaUrl ?? media };
	return {
		scenarioKey: options.scenarioKey ?? scenarioKeyFor(seed),
		destinations: to.map((phoneNumber) => ({ to: { phoneNumber } })),
		whatsApp,
	};
}
