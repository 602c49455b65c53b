import type { INodePropertyOptions } from 'n8n-workflow';

/** Netcore's channel codes, as the spec lists them. The users call knows four of them; transcripts all twelve. */
export const CHANNELS: Record<number, string> = {
	1010: 'webchat',
	1011: 'workflow',
	1012: 'googleBusinessMessages',
	1013: 'general',
	1014: 'whatsapp',
	1015: 'RCSBusinessMessages',
	1016: 'telegram',
	1017: 'facebook',
	1018: 'sms',
	1019: 'hangoutsChat',
	1020: 'google',
	1021: 'instagramMessaging',
};

export const USER_CHANNEL_CODES = [1010, 1014, 1016, 1017] as const;
export const TRANSCRIPT_CHANNEL_CODES = Object.keys(CHANNELS).map(Number);
export const WHATSAPP = 1014;

const LABELS: Record<number, string> = {
	1010: 'Webchat',
	1011: 'Workflow',
	1012: 'Google Business Messages',
	1013: 'General',
	1014: 'WhatsApp',
	1015: 'RCS Business Messages',
	1016: 'Telegram',
	1017: 'Facebook',
	1018: 'SMS',
	1019: 'Hangouts Chat',
	1020: 'Google',
	1021: 'Instagram Messaging',
};

/** Dropdown entries "WhatsApp (1014)", sorted by name as n8n's linter wants. */
export function channelOptions(codes: readonly number[]): INodePropertyOptions[] {
	return codes
		.map((code) => ({ name: `${LABELS[code]} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const describeChannels = (codes: readonly number[]) => codes.map((code) => `${code} (${CHANNELS[code]})`).join(', ');

/**
 * A channel given as its code (1014, "1014") or its Netcore name ("whatsapp", any case), as an expression may
 * produce it; undefined when it is not one of `allowed`.
 */
export function channelCode(value: unknown, allowed: readonly number[]): number | undefined {
	const text = String(value ?? '').trim();
	const code = /^\d+$/.test(text)
		? Number(text)
		: Number(Object.keys(CHANNELS).find((key) => CHANNELS[Number(key)].toLowerCase() === text.toLowerCase()));
	return allowed.includes(code) ? code : undefined;
}
