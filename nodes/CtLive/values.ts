import { createHash } from 'crypto';

import { EPOCH_MS_FORMAT, ISO_FORMAT, parseProviderDate } from '../shared/dates';

/** The spec's timestamp form, always written in UTC: `2019-07-19T11:21:27.861+0000`. */
export function formatCtLiveTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/**
 * A user's date (ISO 8601 with or without offset, CTLive's own form, or epoch milliseconds) in CTLive's form.
 * Wall-clock values are read in `timeZone`. Throws a plain Error saying what is accepted.
 */
export function toCtLiveTimestamp(value: unknown, timeZone: string): string {
	if (value instanceof Date) return formatCtLiveTimestamp(value.getTime());
	// Luxon DateTimes (n8n's $now) and similar objects print as ISO 8601.
	const input = typeof value === 'number' ? value : String(value ?? '').trim();
	const iso = parseProviderDate(input, [ISO_FORMAT, EPOCH_MS_FORMAT], timeZone);
	return formatCtLiveTimestamp(Date.parse(iso));
}

/**
 * A message id that is the same every time the same item of the same run of a node is sent (n8n's Retry On Fail
 * re-runs the node inside one execution), so CTLive recognizes a resend and drops it; different for anything else.
 * UUID-shaped, like the ids in the spec's examples.
 */
export function stableMessageId(parts: Array<string | number | undefined>): string {
	const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
	const variant = '89ab'[parseInt(hex[16], 16) & 3];
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
