/**
 * IrisEngage message bodies are a small XML-like markup (`<Text>..</Text>`,
 * `<Button><Caption>..</Caption><Items><Item>..</Item></Items></Button>`, and whatever else the bot sends).
 * The content is written by bot designers, so the parser is tolerant: it never throws, keeps unknown tags as a
 * tree, and when tags are unclosed or mismatched it stops and keeps the rest as plain text. It is a single
 * linear scan with a depth limit: no recursion while parsing, no backtracking regexes.
 */

export interface MarkupNode {
	tag: string;
	/** Decoded text, present when the element has no child elements (a text leaf). */
	text?: string;
	/** Child elements; text between them (mixed content) appears as `{ tag: '#text', text }`. */
	children?: MarkupNode[];
}

export interface MarkupMedia {
	kind: string;
	url: string;
	caption?: string;
}

export interface MarkupLocation {
	latitude: number;
	longitude: number;
	name?: string;
	address?: string;
}

export interface MarkupSummary {
	type: 'text' | 'buttons' | 'media' | 'location' | 'unknown';
	text: string | null;
	buttons?: string[];
	media?: MarkupMedia;
	location?: MarkupLocation;
	/** The whole parsed tree, so tags we do not recognize are never lost. */
	content: MarkupNode[];
}

export const TEXT_SEGMENT_TAG = '#text';
export const MAX_MARKUP_DEPTH = 64;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/' };

// Escape sequences arrive literally (backslash + n) because the bot stores JSON-escaped text inside the markup.
const DECODE_PATTERN =
	/\\(u[0-9a-fA-F]{4}|[ntr\\"/])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g;

/** Decodes `\n \t \r \\ \" \/ \uXXXX` escapes and XML entities in one pass (so `&amp;lt;` stays `&lt;`). */
export function decodeMarkupText(raw: string): string {
	return raw.replace(DECODE_PATTERN, (whole, escape: string | undefined, entity: string | undefined) => {
		if (escape !== undefined) {
			return escape.length > 1 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : ESCAPES[escape];
		}
		const name = entity as string;
		if (!name.startsWith('#')) return NAMED_ENTITIES[name];
		const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
	});
}

interface OpenElement {
	tag: string;
	/** Offset of this element's `<`, where the text fallback starts if it never closes. */
	start: number;
	items: MarkupNode[];
}

type Token =
	| { kind: 'open'; tag: string; end: number; selfClosing: boolean }
	| { kind: 'close'; tag: string; end: number };

const isNameStart = (code: number) =>
	(code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95; // A-Z a-z _
const isNameChar = (code: number) =>
	isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 58; // 0-9 - . :

/** Reads a tag starting at `markup[at] === '<'`; undefined when this `<` is just a character of text. */
function readTag(markup: string, at: number): Token | undefined {
	let i = at + 1;
	const closing = markup[i] === '/';
	if (closing) i++;
	if (!isNameStart(markup.charCodeAt(i))) return undefined;
	const nameStart = i;
	while (i < markup.length && isNameChar(markup.charCodeAt(i))) i++;
	const tag = markup.slice(nameStart, i);
	// Attributes are skipped (IrisEngage uses none); a '<' before the '>' means this was not a tag.
	while (i < markup.length && markup[i] !== '>' && markup[i] !== '<') i++;
	if (markup[i] !== '>') return undefined;
	const inner = markup.slice(nameStart + tag.length, i);
	if (closing) return inner.trim() === '' ? { kind: 'close', tag, end: i + 1 } : undefined;
	if (inner !== '' && !/^\s/.test(inner) && inner !== '/') return undefined;
	return { kind: 'open', tag, end: i + 1, selfClosing: inner.trimEnd().endsWith('/') };
}

/** Turns the collected items of an element into a node: a text leaf, or children with mixed text kept. */
function closeElement(tag: string, items: MarkupNode[]): MarkupNode {
	if (items.every((item) => item.tag === TEXT_SEGMENT_TAG)) {
		return { tag, text: items.map((item) => item.text).join('') };
	}
	const children = items.filter((item) => item.tag !== TEXT_SEGMENT_TAG || (item.text ?? '').trim() !== '');
	return { tag, children };
}

/** Parses IrisEngage markup into a tree. Plain text becomes one `Text` node; it never throws. */
export function parseMarkup(markup: string): MarkupNode[] {
	const source = typeof markup === 'string' ? markup : '';
	const roots: MarkupNode[] = [];
	const stack: OpenElement[] = [];
	const addText = (raw: string) => {
		if (raw === '') return;
		const text = decodeMarkupText(raw);
		if (stack.length > 0) stack[stack.length - 1].items.push({ tag: TEXT_SEGMENT_TAG, text });
		else if (text.trim() !== '') roots.push({ tag: 'Text', text });
	};
	const addNode = (node: MarkupNode) => {
		if (stack.length > 0) stack[stack.length - 1].items.push(node);
		else roots.push(node);
	};
	// Give up on structure from `from` on: keep everything finished before it, the rest becomes text.
	const fallBack = (from: number) => {
		stack.length = 0;
		addText(source.slice(from));
		return roots;
	};

	let textStart = 0;
	let i = source.indexOf('<');
	while (i !== -1) {
		const token = readTag(source, i);
		if (!token) {
			i = source.indexOf('<', i + 1);
			continue;
		}
		addText(source.slice(textStart, i));
		if (token.kind === 'open') {
			if (token.selfClosing) addNode({ tag: token.tag });
			else if (stack.length >= MAX_MARKUP_DEPTH) return fallBack(stack[0].start);
			else stack.push({ tag: token.tag, start: i, items: [] });
		} else {
			const open = stack[stack.length - 1];
			if (!open || open.tag !== token.tag) return fallBack(stack.length > 0 ? stack[0].start : i);
			stack.pop();
			addNode(closeElement(open.tag, open.items));
		}
		textStart = token.end;
		i = source.indexOf('<', textStart);
	}
	if (stack.length > 0) return fallBack(stack[0].start);
	addText(source.slice(textStart));
	return roots;
}

const lower = (tag: string) => tag.toLowerCase();

/** All text inside a node, in document order (iterative: depth is bounded by the parser anyway). */
function textContent(node: MarkupNode): string {
	let out = '';
	const pending: MarkupNode[] = [node];
	while (pending.length > 0) {
		const current = pending.pop() as MarkupNode;
		if (current.text !== undefined) out += current.text;
		if (current.children) for (let c = current.children.length - 1; c >= 0; c--) pending.push(current.children[c]);
	}
	return out;
}

const childOf = (node: MarkupNode, ...tags: string[]) =>
	node.children?.find((child) => tags.includes(lower(child.tag)));

const childText = (node: MarkupNode, ...tags: string[]): string | undefined => {
	const child = childOf(node, ...tags);
	const text = child ? textContent(child).trim() : '';
	return text === '' ? undefined : text;
};

/** Every `Item` below a node, wherever it sits (`<Items><Item>` or directly under `<Button>`). */
function itemTexts(node: MarkupNode): string[] {
	const items: string[] = [];
	const pending: MarkupNode[] = [...(node.children ?? [])].reverse();
	while (pending.length > 0) {
		const current = pending.pop() as MarkupNode;
		if (lower(current.tag) === 'item') items.push(textContent(current).trim());
		else if (current.children) for (let c = current.children.length - 1; c >= 0; c--) pending.push(current.children[c]);
	}
	return items;
}

const BUTTON_TAGS = ['button', 'buttons', 'list'];
const MEDIA_TAGS = ['image', 'video', 'audio', 'document', 'file'];

function readMedia(node: MarkupNode): MarkupMedia | undefined {
	let url = childText(node, 'url');
	// Tolerate `<Image>https://…</Image>` with the URL as the whole content.
	if (url === undefined && node.text !== undefined && /^https?:\/\/\S+$/i.test(node.text.trim())) url = node.text.trim();
	if (url === undefined) return undefined;
	const caption = childText(node, 'caption');
	return { kind: lower(node.tag), url, ...(caption !== undefined ? { caption } : {}) };
}

function readLocation(node: MarkupNode): MarkupLocation | undefined {
	const latitude = Number(childText(node, 'latitude', 'lat') ?? NaN);
	const longitude = Number(childText(node, 'longitude', 'lng', 'long', 'lon') ?? NaN);
	if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) return undefined;
	const name = childText(node, 'name');
	const address = childText(node, 'address');
	return {
		latitude,
		longitude,
		...(name !== undefined ? { name } : {}),
		...(address !== undefined ? { address } : {}),
	};
}

/**
 * Summarizes parsed markup for the normalized chat message: text = the Text blocks joined by '\n' (or the
 * caption when there are none), buttons = the Item texts, media/location when recognized.
 */
export function describeMarkup(nodes: MarkupNode[]): MarkupSummary {
	const texts: string[] = [];
	let caption: string | undefined;
	let buttons: string[] | undefined;
	let media: MarkupMedia | undefined;
	let location: MarkupLocation | undefined;

	for (const node of nodes) {
		const tag = lower(node.tag);
		if (tag === 'text') {
			const text = textContent(node).trim();
			if (text !== '') texts.push(text);
		} else if (tag === 'caption') {
			const text = textContent(node).trim();
			if (text !== '') caption ??= text;
		} else if (BUTTON_TAGS.includes(tag) && buttons === undefined) {
			buttons = itemTexts(node);
			caption ??= childText(node, 'caption', 'title', 'header');
		} else if (MEDIA_TAGS.includes(tag) && media === undefined) {
			media = readMedia(node);
			caption ??= childText(node, 'caption');
		} else if (tag === 'location' && location === undefined) {
			location = readLocation(node);
		}
	}

	const text = texts.length > 0 ? texts.join('\n') : (caption ?? null);
	const type: MarkupSummary['type'] = buttons
		? 'buttons'
		: media
			? 'media'
			: location
				? 'location'
				: texts.length > 0
					? 'text'
					: 'unknown';
	return {
		type,
		text,
		...(buttons ? { buttons } : {}),
		...(media ? { media } : {}),
		...(location ? { location } : {}),
		content: nodes,
	};
}
