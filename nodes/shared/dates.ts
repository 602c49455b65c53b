/**
 * Provider date parsing into ISO 8601 UTC, with no date library (community nodes may not ship one).
 *
 * Providers send wall-clock times without a zone (IrisEngage: `08-15-2023 07:39:17 PM`), so the caller names the
 * zone the provider runs in and the offset at that instant is read from `Intl.DateTimeFormat`, which knows the
 * IANA rules including DST.
 *
 * A provider declares its own formats once (e.g. `const DATES = [ISO_FORMAT, 'DD-MM-YYYY HH:mm:ss']`) and
 * passes them on every call: there is deliberately no default, so no provider inherits another's day/month order.
 */

/** ISO 8601 (`2023-08-15T19:39:17Z`, with offset, or without a zone = wall clock in the given time zone). */
export const ISO_FORMAT = 'ISO';
/** Epoch milliseconds, as a number or a numeric string. */
export const EPOCH_MS_FORMAT = 'epochMs';

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Bounds of the JavaScript Date range.
const MAX_EPOCH_MS = 8.64e15;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatterCache.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatterCache.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: unknown): boolean {
	if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** Date.UTC without its two-digit-year quirk. */
function wallClockToEpoch(clock: WallClock): number {
	const date = new Date(0);
	date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
	date.setUTCHours(clock.hour, clock.minute, clock.second, clock.millisecond);
	return date.getTime();
}

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds (Dubai: +4h). */
function zoneOffset(epochMs: number, timeZone: string): number {
	const parts: Record<string, string> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
	let year = Number(parts.year);
	if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
	const local = wallClockToEpoch({
		year,
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour) % 24,
		minute: Number(parts.minute),
		second: Number(parts.second),
		millisecond: 0,
	});
	// Formatting drops milliseconds, so compare against the instant truncated to the second.
	return local - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which `timeZone` shows `clock`. Around DST transitions this follows the usual convention
 * (Temporal's "compatible"): a repeated hour resolves to its first occurrence, a skipped hour shifts forward.
 */
function wallClockInZone(clock: WallClock, timeZone: string): number {
	const asUtc = wallClockToEpoch(clock);
	if (timeZone === 'UTC') return asUtc;
	const before = zoneOffset(asUtc - MS_PER_DAY, timeZone);
	const candidates = [before, zoneOffset(asUtc, timeZone), zoneOffset(asUtc + MS_PER_DAY, timeZone)];
	const valid = candidates
		.map((offset) => asUtc - offset)
		.filter((instant) => zoneOffset(instant, timeZone) === asUtc - instant);
	if (valid.length > 0) return Math.min(...valid);
	// In a gap: read the clock with the offset in force before the transition, landing after it.
	return asUtc - before;
}

function daysInMonth(year: number, month: number): number {
	return new Date(wallClockToEpoch({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 }))
		.getUTCDate();
}

function isValidClock(clock: WallClock): boolean {
	return (
		clock.month >= 1 &&
		clock.month <= 12 &&
		clock.day >= 1 &&
		clock.day <= daysInMonth(clock.year, clock.month) &&
		clock.hour >= 0 &&
		clock.hour <= 23 &&
		clock.minute >= 0 &&
		clock.minute <= 59 &&
		clock.second >= 0 &&
		clock.second <= 59
	);
}

const fractionToMs = (fraction: string | undefined): number =>
	fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;

const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(value: string, timeZone: string): number | undefined {
	const match = ISO_PATTERN.exec(value);
	if (!match) return undefined;
	const clock: WallClock = {
		year: Number(match[1]),
		month: Number(match[2]),
		day: Number(match[3]),
		hour: Number(match[4] ?? 0),
		minute: Number(match[5] ?? 0),
		second: Number(match[6] ?? 0),
		millisecond: fractionToMs(match[7]),
	};
	if (!isValidClock(clock)) return undefined;
	const zone = match[8];
	if (zone === undefined) return wallClockInZone(clock, timeZone);
	if (zone.toUpperCase() === 'Z') return wallClockToEpoch(clock);
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
	return wallClockToEpoch(clock) - sign * offsetMinutes * MS_PER_MINUTE;
}

function parseEpochMs(value: string | number): number | undefined {
	const ms = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
	return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? Math.trunc(ms) : undefined;
}

type TokenName = 'YYYY' | 'MM' | 'DD' | 'HH' | 'hh' | 'mm' | 'ss' | 'SSS' | 'A';

const TOKEN_SOURCES: Record<TokenName, string> = {
	YYYY: '(\\d{4})',
	MM: '(\\d{1,2})',
	DD: '(\\d{1,2})',
	HH: '(\\d{1,2})',
	hh: '(\\d{1,2})',
	mm: '(\\d{2})',
	ss: '(\\d{2})',
	SSS: '(\\d{1,9})',
	A: '(AM|PM|A\\.M\\.|P\\.M\\.)',
};
// Longest first, so SSS wins over a shorter token at the same position.
/** Tokens that are plain numbers of one wall-clock field. */
const CLOCK_FIELDS: Partial<Record<TokenName, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>> = {
	YYYY: 'year',
	MM: 'month',
	DD: 'day',
	HH: 'hour',
	mm: 'minute',
	ss: 'second',
};

const TOKEN_NAMES = (Object.keys(TOKEN_SOURCES) as TokenName[]).sort((a, b) => b.length - a.length);

interface CompiledPattern {
	regex: RegExp;
	tokens: TokenName[];
}

const patternCache = new Map<string, CompiledPattern>();

function compilePattern(pattern: string): CompiledPattern {
	const cached = patternCache.get(pattern);
	if (cached) return cached;
	let source = '';
	const tokens: TokenName[] = [];
	for (let i = 0; i < pattern.length; ) {
		const token = TOKEN_NAMES.find((name) => pattern.startsWith(name, i));
		if (token) {
			source += TOKEN_SOURCES[token];
			tokens.push(token);
			i += token.length;
		} else if (/\s/.test(pattern[i])) {
			while (i < pattern.length && /\s/.test(pattern[i])) i++;
			// Whitespace before AM/PM is optional (`07:39:17PM`). Tokens on both sides are fixed character
			// classes, so this stays linear: nothing ambiguous for the regex engine to backtrack over.
			source += pattern.startsWith('A', i) ? '\\s*' : '\\s+';
		} else {
			source += pattern[i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
			i++;
		}
	}
	const compiled = { regex: new RegExp(`^${source}$`, 'i'), tokens };
	patternCache.set(pattern, compiled);
	return compiled;
}

function parsePattern(value: string, pattern: string, timeZone: string): number | undefined {
	const { regex, tokens } = compilePattern(pattern);
	const match = regex.exec(value);
	if (!match) return undefined;
	const clock: WallClock = { year: NaN, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
	let hour12: number | undefined;
	let meridiem: 'AM' | 'PM' | undefined;
	tokens.forEach((token, index) => {
		const text = match[index + 1];
		const field = CLOCK_FIELDS[token];
		if (field) clock[field] = Number(text);
		else if (token === 'hh') hour12 = Number(text);
		else if (token === 'SSS') clock.millisecond = fractionToMs(text);
		else if (token === 'A') meridiem = text.toUpperCase().startsWith('P') ? 'PM' : 'AM';
	});
	if (Number.isNaN(clock.year)) return undefined;
	if (hour12 !== undefined) {
		if (hour12 < 1 || hour12 > 12 || meridiem === undefined) return undefined;
		// 12 AM is midnight, 12 PM is noon.
		clock.hour = (hour12 % 12) + (meridiem === 'PM' ? 12 : 0);
	}
	if (!isValidClock(clock)) return undefined;
	return wallClockInZone(clock, timeZone);
}

/**
 * Parses a provider date into ISO 8601 UTC (`2023-08-15T19:39:17.000Z`). Wall-clock values (no zone in the
 * text) are read in `timeZone`, an IANA name. Throws an Error naming the value and the accepted formats.
 *
 * `formats` are tried in order. Besides ISO_FORMAT and EPOCH_MS_FORMAT, a format is a pattern with the tokens
 * YYYY, MM, DD, HH (00-23), hh (01-12, needs A), mm, ss, SSS (fraction) and A (AM/PM); a space matches any run
 * of whitespace and every other character matches itself.
 */
export function parseProviderDate(value: string | number, formats: readonly string[], timeZone = 'UTC'): string {
	if (formats.length === 0) throw new Error(`No date formats given to parse "${String(value)}"`);
	if (!isValidTimeZone(timeZone)) {
		throw new Error(`Invalid time zone "${String(timeZone)}" for date "${String(value)}": use an IANA name such as "Asia/Dubai"`);
	}
	let epochMs: number | undefined;
	if (typeof value === 'number') {
		if (formats.includes(EPOCH_MS_FORMAT)) epochMs = parseEpochMs(value);
	} else if (typeof value === 'string') {
		const text = value.trim();
		for (const format of formats) {
			if (format === ISO_FORMAT) epochMs = parseIso(text, timeZone);
			else if (format === EPOCH_MS_FORMAT) epochMs = parseEpochMs(text);
			else epochMs = parsePattern(text, format, timeZone);
			if (epochMs !== undefined) break;
		}
	}
	if (epochMs === undefined || !Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_EPOCH_MS) {
		const accepted = formats.map((format) => (format === ISO_FORMAT ? 'ISO 8601' : format === EPOCH_MS_FORMAT ? 'epoch milliseconds' : format));
		throw new Error(`Cannot parse date "${String(value)}": expected one of ${accepted.join(', ')}`);
	}
	return isoUtc(epochMs);
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const pad3 = (value: number) => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : String(value));

/**
 * `new Date(epochMs).toISOString()`, at half its cost (Node's own takes about 1.3 µs, paid per message of every
 * trigger delivery); years outside 1000–9999 are left to Node, which writes them in the extended form.
 */
export function isoUtc(epochMs: number): string {
	const date = new Date(epochMs);
	const year = date.getUTCFullYear();
	if (year < 1000 || year > 9999) return date.toISOString();
	const day = `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
	return `${day}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.${pad3(date.getUTCMilliseconds())}Z`;
}
