/** Parsing for the CTLive simulator: Basic auth headers and the `POST /simulate/outbound` control body. */
import { OUTBOUND_KINDS, type OutboundOptions } from './ctlive-outbound';

export function checkBasicAuthHeader(header: string, user: string, password: string): boolean {
	const match = /^basic\s+(\S+)$/i.exec(header.trim());
	if (!match) return false;
	return Buffer.from(match[1], 'base64').toString('utf8') === `${user}:${password}`;
}

export interface OutboundRequest extends OutboundOptions {
	/** The channel's URL CTLive posts to, e.g. an n8n CTLive Trigger's webhook URL. */
	url: string;
	/** How often the same payload is sent; default 1. */
	times: number;
	/** Other Basic credentials than the simulator's own (for wrong-auth tests), or 'none' for no header. */
	auth?: { user: string; password: string } | 'none';
}

const MAX_TIMES = 10;
const MAX_DESTINATIONS = 10_000;

const isStringArray = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

export function outboundRequestFromJson(body: unknown): OutboundRequest | { error: string } {
	if (body === null || typeof body !== 'object') return { error: 'Body must be a JSON object with url and kind' };
	const input = body as Record<string, unknown>;
	const { url, kind, to, count, text, mediaUrl, scenarioKey, times = 1, auth } = input;
	if (typeof url !== 'string' || url === '') return { error: 'url must be the URL CTLive calls' };
	if (!OUTBOUND_KINDS.includes(kind as never)) return { error: `kind must be one of ${OUTBOUND_KINDS.join(', ')}` };
	if (to !== undefined && !isStringArray(to)) return { error: 'to must be an array of phone numbers' };
	if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_DESTINATIONS))
		return { error: `count must be an integer from 1 to ${MAX_DESTINATIONS}` };
	for (const [name, value] of Object.entries({ text, mediaUrl, scenarioKey })) {
		if (value !== undefined && typeof value !== 'string') return { error: `${name} must be a string` };
	}
	if (!(Number.isInteger(times) && (times as number) >= 1 && (times as number) <= MAX_TIMES))
		return { error: `times must be an integer from 1 to ${MAX_TIMES}` };
	const validAuth =
		auth === undefined ||
		auth === 'none' ||
		(auth !== null && typeof auth === 'object' && typeof (auth as Record<string, unknown>).user === 'string' && typeof (auth as Record<string, unknown>).password === 'string');
	if (!validAuth) return { error: "auth must be 'none' or { user, password }" };
	return {
		url,
		kind: kind as OutboundRequest['kind'],
		to: to as string[] | undefined,
		count: count as number | undefined,
		text: text as string | undefined,
		mediaUrl: mediaUrl as string | undefined,
		scenarioKey: scenarioKey as string | undefined,
		times: times as number,
		auth: auth as OutboundRequest['auth'],
	};
}
