import type { ChatMessage } from '../shared/chatMessage';

/**
 * Netcore's rich transcript types (text with buttons, cards, carousels, WhatsApp lists and replies, orders,
 * templates, products...) summarized into the normalized message's `type`, `text`, `buttons`, `media` and
 * `location`. Every field is read defensively: the spec documents shapes, not which keys are always present.
 */
export type RichSummary = Pick<ChatMessage, 'type' | 'text' | 'buttons' | 'media' | 'location'>;

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/** Non-empty lines joined, or null when there is nothing to say. */
const lines = (...parts: unknown[]): string | null => {
	const kept = parts.map(asText).filter((part): part is string => part !== undefined);
	return kept.length > 0 ? kept.join('\n') : null;
};

/** Buttons are plain strings in some types and `{ title }` / `{ text }` objects in others. */
const labels = (buttons: unknown): string[] =>
	asArray(buttons)
		.map((button) => asText(button) ?? asText(asObject(button).title) ?? asText(asObject(button).text))
		.filter((label): label is string => label !== undefined);

/** Rows of list sections (`row`) and product sections (`items`), by title. */
const sectionTitles = (sections: unknown, key: 'row' | 'items'): string[] =>
	asArray(sections).flatMap((section) => labels(asObject(section)[key]));

function withButtons(text: string | null, buttons: string[], media?: RichSummary['media']): RichSummary {
	const summary: RichSummary = { type: buttons.length > 0 ? 'buttons' : media ? 'media' : 'text', text };
	if (buttons.length > 0) summary.buttons = buttons;
	if (media) summary.media = media;
	return summary;
}

function mediaOf(kind: string, url: unknown, extra: { caption?: unknown; mimeType?: unknown } = {}): RichSummary['media'] {
	const link = asText(url);
	if (!link) return undefined;
	const media: NonNullable<RichSummary['media']> = { kind, url: link };
	const caption = asText(extra.caption);
	const mimeType = asText(extra.mimeType);
	if (caption) media.caption = caption;
	if (mimeType) media.mimeType = mimeType;
	return media;
}

/** A header that is an image, video or document becomes the message's media. */
function headerMedia(header: Json): RichSummary['media'] {
	const kind = String(header.type ?? '').toLowerCase();
	return kind && kind !== 'text' ? mediaOf(kind, header.url, { caption: header.caption ?? header.fileName }) : undefined;
}

function fileMessage(kind: string, content: Json): RichSummary {
	const media = mediaOf(kind, content.url);
	return media ? { type: 'media', text: null, media } : { type: 'unknown', text: null };
}

/** A coordinate given as a number or numeric text (the spec writes strings); empty or null is none, not 0. */
const coordinate = (value: unknown): number => (asText(value) === undefined ? NaN : Number(value));

function location(content: Json): RichSummary {
	const latitude = coordinate(content.latitude);
	const longitude = coordinate(content.longitude);
	const text = lines(content.label, content.address);
	const valid = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
	if (!valid) return { type: 'text', text };
	const place: NonNullable<RichSummary['location']> = { latitude, longitude };
	if (asText(content.label)) place.name = String(content.label);
	if (asText(content.address)) place.address = String(content.address);
	return { type: 'location', text, location: place };
}

const SUMMARIES: Record<string, (content: Json, raw: unknown) => RichSummary> = {
	text: (c) => withButtons(lines(c.message), labels(c.buttons)),
	attachment: (c) => {
		const media = mediaOf('attachment', c.contentUrl, { mimeType: c.contentType });
		return media ? { type: 'media', text: null, media } : { type: 'unknown', text: null };
	},
	card: (c) => withButtons(lines(c.title, c.subtitle), labels(c.buttons), mediaOf('image', asObject(c.image_url).url)),
	audio: (c) => fileMessage('audio', c),
	video: (c) => fileMessage('video', c),
	image: (c) => fileMessage('image', c),
	pdf: (c) => fileMessage('pdf', c),
	doc: (c) => fileMessage('doc', c),
	xls: (c) => fileMessage('xls', c),
	ppt: (c) => fileMessage('ppt', c),
	location,
	contact: (c) => ({ type: 'text', text: lines([c.firstName, c.lastName].filter(asText).join(' '), c.phoneNumber) }),
	form: (c) => ({ type: 'text', text: lines(c.title, c.description) }),
	carousel: (_c, raw) => {
		const cards = asArray(raw).map(asObject);
		return withButtons(lines(...cards.map((card) => card.title)), [...new Set(cards.flatMap((card) => labels(card.buttons)))]);
	},
	list: (c) => withButtons(lines(asObject(c.header).text, c.body, c.footer), sectionTitles(asObject(c.actions).sections, 'row')),
	dynamicList: (c) => withButtons(lines(asObject(c.header).text, c.body, c.footer), sectionTitles(asObject(c.actions).sections, 'row')),
	reply: (c) => withButtons(lines(asObject(c.header).text, c.body, c.footer), labels(asObject(c.action).buttons), headerMedia(asObject(c.header))),
	dynamicReply: (c) => withButtons(lines(asObject(c.header).text, c.body, c.footer), labels(asObject(c.actions).buttons), headerMedia(asObject(c.header))),
	order: (c) => {
		const items = asArray(c.items).map(asObject);
		const summary = items.map((item) => `${asText(item.quantity) ?? '1'} x ${asText(item.title) ?? asText(item.retailerId) ?? 'item'}`);
		return { type: 'text', text: lines(c.text, ...summary) };
	},
	formResponse: (c) => ({ type: 'text', text: c.answerMapping && typeof c.answerMapping === 'object' ? JSON.stringify(c.answerMapping) : null }),
	template: (c) => {
		const header = asObject(c.header);
		const summary: RichSummary = { type: 'template', text: lines(header.text, c.body, c.footer) };
		const buttons = labels(c.buttons);
		const media = headerMedia(header);
		if (buttons.length > 0) summary.buttons = buttons;
		if (media) summary.media = media;
		return summary;
	},
	productSingle: (c) => {
		const action = asObject(c.action);
		return withButtons(lines(action.title, c.body, c.footer), [], mediaOf('image', action.image, { caption: action.title }));
	},
	productMulti: (c) => ({ type: 'text', text: lines(asObject(c.header).text, c.body, ...sectionTitles(asObject(c.action).sections, 'items'), c.footer) }),
};

/** The summary of one transcript entry's rich content; a type not in the spec passes through as `unknown`. */
export function describeRichContent(type: unknown, content: unknown): RichSummary {
	const summarize = typeof type === 'string' ? SUMMARIES[type] : undefined;
	if (!summarize) return { type: 'unknown', text: null };
	return summarize(asObject(content), content);
}

export const RICH_TYPES = Object.keys(SUMMARIES);
