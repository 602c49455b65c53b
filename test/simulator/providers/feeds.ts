/**
 * RSS feeds, so end-to-end tests can prove polling triggers (n8n's RSS Feed Trigger) before the package has
 * polling triggers of its own. No auth. Each number's feed lists the IrisEngage conversations that
 * EngageAPIRequestDetails returns for it, from the same seeded generator.
 */
import { json, text, type ProviderFactory } from '../provider';
import { IrisData, type IrisSession } from './irisengage-data';
import { MAX_MOBILE_DIGITS } from './irisengage-request-id';

const escapeXml = (value: string) =>
	value.replace(
		/[<>&'"]/g,
		(char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!,
	);

/** IrisEngage's 'MM-DD-YYYY hh:mm:ss AM' (UTC, as the generator writes it) as an RFC 822 date. */
export function rfc822(requestedDate: string): string {
	const parts = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(requestedDate);
	if (!parts) throw new Error(`Unexpected IrisEngage date '${requestedDate}'`);
	const [, month, day, year, hour, minute, second, half] = parts;
	const hours = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
	return new Date(Date.UTC(+year, +month - 1, +day, hours, +minute, +second)).toUTCString();
}

function item(session: IrisSession): string {
	const id = escapeXml(session.requestId);
	const summary = `${session.chatStatus} ${session.channelName} conversation`;
	return [
		'<item>',
		`<title>${escapeXml(`${session.channelName} conversation ${session.requestId}`)}</title>`,
		`<link>urn:irisengage:${id}</link>`,
		`<guid isPermaLink="false">${id}</guid>`,
		`<pubDate>${rfc822(session.requestedDate)}</pubDate>`,
		`<category>${escapeXml(session.chatStatus)}</category>`,
		`<description>${escapeXml(`${summary}, started ${session.requestedDate}`)}</description>`,
		'</item>',
	].join('');
}

/** Newest first, as feed readers expect; the channel's date is its newest item's, so output is stable. */
export function irisFeed(mobileNo: string, sessions: IrisSession[], selfUrl: string): string {
	const newest = sessions[0] ? rfc822(sessions[0].requestedDate) : undefined;
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0"><channel>',
		`<title>IrisEngage conversations of ${escapeXml(mobileNo)}</title>`,
		`<link>${escapeXml(selfUrl)}</link>`,
		`<description>WhatsApp conversations of ${escapeXml(mobileNo)} in the IrisEngage simulator</description>`,
		...(newest ? [`<lastBuildDate>${newest}</lastBuildDate>`] : []),
		...sessions.map(item),
		'</channel></rss>',
		'',
	].join('\n');
}

export const feeds: ProviderFactory = ({ seed, sizes, simulatorUrl }) => {
	const iris = new IrisData(seed, sizes);
	return {
		name: 'feeds',
		credentials: {},
		routes: [
			{
				method: 'GET',
				path: '/irisengage/:mobileNo.rss',
				auth: false,
				handler: ({ params: { mobileNo } }) => {
					if (!new RegExp(`^\\d{1,${MAX_MOBILE_DIGITS}}$`).test(mobileNo))
						return json(400, { message: `The mobile number must be 1 to ${MAX_MOBILE_DIGITS} digits` });
					const selfUrl = `${simulatorUrl}/feeds/irisengage/${mobileNo}.rss`;
					const body = irisFeed(mobileNo, iris.sessions(mobileNo), selfUrl);
					return text(200, body, 'application/rss+xml; charset=utf-8');
				},
			},
		],
	};
};
