import { createHash, randomUUID } from 'crypto';

import type { PayloadDedupe } from '../../shared/trigger';
import type { OutboundMessage } from './outbound';

/**
 * CTLive's outbound calls carry no message id, and CTLive posts the same payload again when it did not get our
 * answer. A payload seen again within the resend window is therefore that resend: it gets the answer (the same
 * message ids) the first call got, and starts no execution. The trigger core remembers payloads in its shared
 * duplicate memory (process memory, written to static data at most every 5 s: ../shared/dedupe), with the message
 * ids each was answered with; at most 1,000 message ids, the newest delivery always.
 */

const MAX_REMEMBERED_IDS = 1000;
const STATIC_KEY = 'ctliveDeliveries';

/** The same for the same payload, whatever the key order CTLive's serializer used. */
export function payloadKey(scope: string, body: unknown): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (value === null || typeof value !== 'object') return value;
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	};
	return createHash('sha256').update(scope).update('\u0000').update(JSON.stringify(canonical(body))).digest('hex');
}

/** The core's payload dedupe for one CTLive Trigger node (`scope`: workflow/node). */
export function resendDetection(scope: string, windowMs: number): PayloadDedupe<OutboundMessage> {
	return {
		key: STATIC_KEY,
		max: MAX_REMEMBERED_IDS,
		windowMs,
		keyOf: (message) => payloadKey(scope, message),
		values: (message) => message.destinations.map(() => randomUUID()),
	};
}
