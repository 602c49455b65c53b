/** Reading the simulator's log of one run as a delivery record: what each recipient got, twice, lost, in order. */
import { isDeepStrictEqual } from 'node:util';

import type { RequestLogEntry } from '../../simulator';
import type { Figures } from './figures';

export interface Outgoing {
	to: string;
	text: string;
}

const byRecipient = (messages: Outgoing[]) => {
	const map = new Map<string, string[]>();
	for (const { to, text } of messages) map.set(to, [...(map.get(to) ?? []), text]);
	return map;
};

/**
 * Figures of a send run from the provider's log: `accepted` picks who got what from an accepted request's body.
 * Order is judged on the messages delivered once: a recipient whose delivered messages are not a subsequence of
 * what it should get in order has its order broken.
 */
export function deliveryFigures(log: RequestLogEntry[], sent: Outgoing[], okStatus: number, accepted: (body: unknown) => Outgoing): Pick<Figures, 'requests' | 'throttled' | 'twice' | 'lost' | 'orderKept'> {
	const delivered = log.filter((entry) => entry.status === okStatus).sort((a, b) => a.at - b.at).map((entry) => accepted(entry.body));
	const times = new Map<string, number>();
	for (const message of delivered) times.set(message.text, (times.get(message.text) ?? 0) + 1);
	const once = delivered.filter((message, index) => delivered.findIndex((other) => other.text === message.text) === index);
	const expected = byRecipient(sent);
	const got = byRecipient(once);
	const orderKept = [...got].every(([to, texts]) => isDeepStrictEqual(texts, (expected.get(to) ?? []).filter((text) => texts.includes(text))));
	return {
		requests: log.length,
		throttled: log.filter((entry) => entry.status === 429).length,
		twice: [...times.values()].filter((count) => count > 1).length,
		lost: sent.filter((message) => !times.has(message.text)).length,
		orderKept,
	};
}
