/**
 * Wavy's seeded data: the open sessions of a customer (as the CSV file the sessions API links to) and MO
 * (mobile-originated) message batches as Wavy posts them to a customer's webhook.
 */
import { randomFor } from '../random';

/** The credentials the simulated Wavy accepts. */
export const WAVY_USER_NAME = 'wavy-user';
export const WAVY_AUTHENTICATION_TOKEN = 'wavy-token-7f3a9c';
/** The secret a customer puts into the MO callback URL it gives Wavy (`?secret=`); Wavy itself never checks it. */
export const WAVY_WEBHOOK_SECRET = 'wavy-mo-secret-2b41e0c9';

/** The simulated account's customer id: its open sessions are `sizes.wavyOpenSessions` rows. */
export const WAVY_CUSTOMER_ID = '42';
/** Sub-accounts of that customer; each session belongs to one. */
export const WAVY_SUB_ACCOUNTS = ['1', '2'] as const;
/** A customer whose file is written plainly: LF line ends, no BOM, no quotes, ISO dates, no final newline. */
export const WAVY_PLAIN_CUSTOMER_ID = '43';
/** A customer for whom the sessions API answers the JSON `{ total, data[] }` shape instead of a file link. */
export const WAVY_JSON_CUSTOMER_ID = '44';
export const DEFAULT_OPEN_SESSIONS = 25;

/** Sessions open shortly before this fixed instant: data must not depend on when tests run. */
const DATA_ANCHOR = Date.UTC(2024, 5, 3, 9, 30, 0);
const MINUTE = 60_000;

export interface WavySession {
	origin: string;
	/** Epoch milliseconds; each file style writes it in its own format. */
	createdAtMs: number;
	subAccountId: string;
}

/** Row `index` of a customer's sessions, newest first; rows are independent so 100,000 stay cheap. */
export function wavySession(seed: number, customerId: string, index: number): WavySession {
	const random = randomFor(seed, 'wavy-session', customerId, index);
	const area = random.int(11, 99);
	const subscriber = String(random.int(0, 99_999_999)).padStart(8, '0');
	return {
		origin: `55${area}9${subscriber}`,
		createdAtMs: DATA_ANCHOR - index * MINUTE - random.int(0, 59) * 1000,
		subAccountId: WAVY_SUB_ACCOUNTS[index % WAVY_SUB_ACCOUNTS.length],
	};
}

export interface CsvStyle {
	bom: boolean;
	lineEnd: '\r\n' | '\n';
	quoteAll: boolean;
	/** 'wallClock': `2024-06-03 09:29:41` in UTC; 'iso': `2024-06-03T09:29:41.000Z`. */
	dates: 'wallClock' | 'iso';
	finalNewline: boolean;
}

/** How the account's file is written: as a spreadsheet export would (BOM, CRLF, every field quoted). */
export const EXPORT_STYLE: CsvStyle = { bom: true, lineEnd: '\r\n', quoteAll: true, dates: 'wallClock', finalNewline: true };
export const PLAIN_STYLE: CsvStyle = { bom: false, lineEnd: '\n', quoteAll: false, dates: 'iso', finalNewline: false };

/** The spec's prose names the origin column "origem"; its JSON samples (and Wavy's files) say "origin". */
export type OriginColumn = 'origem' | 'origin';
export const CREATED_AT_COLUMN = 'session_created_at';

const wallClock = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');

function csvField(value: string, quoteAll: boolean): string {
	const needsQuotes = quoteAll || /[",\r\n]/.test(value);
	return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: a header line (with `originColumn` as the first name), then one line per session. */
export function sessionsCsv(sessions: WavySession[], style: CsvStyle, originColumn: OriginColumn): string {
	const line = (fields: string[]) => fields.map((field) => csvField(field, style.quoteAll)).join(',');
	const lines = [
		line([originColumn, CREATED_AT_COLUMN]),
		...sessions.map((session) =>
			line([session.origin, style.dates === 'iso' ? new Date(session.createdAtMs).toISOString() : wallClock(session.createdAtMs)]),
		),
	];
	return `${style.bom ? '\uFEFF' : ''}${lines.join(style.lineEnd)}${style.finalNewline ? style.lineEnd : ''}`;
}

/** A customer's open sessions as the JSON `{ total, data[] }` shape (Wavy's message-list shape). */
export function sessionsJson(sessions: WavySession[]) {
	return {
		total: sessions.length,
		data: sessions.map((session) => ({
			origin: session.origin,
			source: session.origin,
			receivedAt: session.createdAtMs,
			receivedDate: new Date(session.createdAtMs).toISOString(),
		})),
	};
}

export type MoMessageType = 'TEXT' | 'IMAGE' | 'AUDIO' | 'VIDEO' | 'DOCUMENT' | 'LOCATION' | 'CONTACTS';
/** Batches cycle through every type, so any batch of 7 or more shows each of them. */
export const MO_TYPES: readonly MoMessageType[] = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'DOCUMENT', 'LOCATION', 'CONTACTS'];

const MEDIA: Record<string, { extension: string; mimeType: string }> = {
	IMAGE: { extension: 'jpg', mimeType: 'image/jpeg' },
	AUDIO: { extension: 'ogg', mimeType: 'audio/ogg' },
	VIDEO: { extension: 'mp4', mimeType: 'video/mp4' },
	DOCUMENT: { extension: 'pdf', mimeType: 'application/pdf' },
};

/** Where MO media live: Wavy's CDN, or (for download tests) the simulator's own `/wavy/media`. */
export const WAVY_CDN_MEDIA = 'https://chatclub-cdn.wavy.global/media';

function moContent(type: MoMessageType, index: number, random: ReturnType<typeof randomFor>, mediaBaseUrl: string): Record<string, unknown> {
	if (type === 'TEXT') return { type, messageText: `Hi, this is message ${index} from the user` };
	if (type === 'LOCATION') {
		const latitude = (-23.5 + random.int(0, 1000) / 1000).toFixed(6);
		const longitude = (-46.6 + random.int(0, 1000) / 1000).toFixed(6);
		return { type, location: { geoPoint: `${latitude},${longitude}`, name: 'Wavy office', address: 'Av. Paulista, 1000' } };
	}
	if (type === 'CONTACTS') {
		return { type, contacts: [{ name: { formattedName: 'Maria Souza' }, phones: [{ phone: '+55 11 98888-7777', type: 'CELL' }] }] };
	}
	const { extension, mimeType } = MEDIA[type];
	return {
		type,
		mediaUrl: `${mediaBaseUrl}/${index}.${extension}`,
		mimeType,
		...(type === 'AUDIO' ? {} : { caption: `${type.toLowerCase()} ${index}` }),
	};
}

/** MO message number `index` (0-based, across batches) of a seed. */
export function moMessage(seed: number, index: number, mediaBaseUrl = WAVY_CDN_MEDIA): Record<string, unknown> {
	const random = randomFor(seed, 'wavy-mo', index);
	const origin = `55119${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
	const receivedAt = DATA_ANCHOR + index * 1000;
	return {
		id: random.guid(),
		source: origin,
		origin,
		userProfile: { name: `User ${index}` },
		campaignId: 100,
		correlationId: `corr-${index}`,
		campaignAlias: 'welcome',
		flowId: 'flow-1',
		extraInfo: '',
		message: moContent(MO_TYPES[index % MO_TYPES.length], index, random, mediaBaseUrl),
		receivedAt,
		receivedDate: new Date(receivedAt).toISOString(),
	};
}

export interface MoBatchOptions {
	/** Messages in the batch. */
	size: number;
	/** Index of the first message: batches with different offsets never share an id. Default 0. */
	offset?: number;
	seed?: number;
	/** `total` as sent; default the real count (Wavy's own count may disagree with `data`). */
	total?: number;
	/** Default Wavy's CDN; `${sim.url}/wavy/media` makes the media downloadable in tests. */
	mediaBaseUrl?: string;
}

/** A batch as Wavy posts it to the customer's MO webhook. */
export function moBatch({ size, offset = 0, seed = 1, total, mediaBaseUrl }: MoBatchOptions) {
	if (!(Number.isInteger(size) && size >= 0)) throw new RangeError(`size must be a non-negative integer, got ${size}`);
	const data = Array.from({ length: size }, (_, position) => moMessage(seed, offset + position, mediaBaseUrl));
	return { total: total ?? data.length, data };
}

const MIME_BY_EXTENSION: Record<string, string> = Object.fromEntries(Object.values(MEDIA).map(({ extension, mimeType }) => [extension, mimeType]));

/**
 * A media file `<index>.<extension>`: deterministic stand-in content (ASCII, since simulator replies are text)
 * under the real MIME type, or undefined for a name no MO message links to.
 */
export function mediaFile(seed: number, name: string): { content: string; mimeType: string } | undefined {
	const match = /^(\d+)\.(\w+)$/.exec(name);
	const mimeType = match ? MIME_BY_EXTENSION[match[2]] : undefined;
	if (!match || !mimeType) return undefined;
	return { content: Buffer.from(randomFor(seed, 'wavy-media', name).bytes(192)).toString('base64'), mimeType };
}
