/**
 * (e), first half: what a trigger adds per delivery to what n8n does anyway, on the Wavy Trigger's path: the
 * secret compared (timing-safe), the body checked against Wavy's schema, the batch split into normalized chat
 * messages. Beside it, `JSON.parse` of the same body (n8n parses every JSON body before any node runs). Both run
 * in this process, alternating, the median of 5 rounds of 2,000 deliveries of 10 messages.
 */
import { moBatchSchema, moEvent, totalWarning } from '../../../nodes/Wavy/trigger/mo';
import { safeEqual, seal } from '../../../nodes/shared/webhookAuth';
import { moBatch } from '../../simulator/providers/wavy-data';
import { median } from './figures';

const DELIVERIES = 2000;
const ROUNDS = 5;

function timed(work: (index: number) => unknown): number {
	const started = process.hrtime.bigint();
	for (let index = 0; index < DELIVERIES; index++) work(index);
	return Number(process.hrtime.bigint() - started) / 1e6 / DELIVERIES;
}

export function triggerCost(): { triggerUs: number; parseUs: number; bodyBytes: number } {
	const bodies = Array.from({ length: DELIVERIES }, (_, index) => JSON.stringify(moBatch({ size: 10, offset: index * 10 })));
	const parsed = bodies.map((body) => JSON.parse(body) as unknown);
	const secret = seal('wavy-webhook-secret-of-some-length');
	const now = Date.now();
	const trigger = (index: number) => {
		if (!safeEqual('wavy-webhook-secret-of-some-length', secret)) throw new Error('auth');
		const checked = moBatchSchema.safeParse(parsed[index]);
		if (!checked.success) throw new Error(checked.error.message);
		const warning = totalWarning(checked.data);
		return checked.data.data.map((message) => moEvent(message, warning, now));
	};
	const parse = (index: number) => JSON.parse(bodies[index]) as unknown;
	const triggerMs: number[] = [];
	const parseMs: number[] = [];
	for (let round = 0; round <= ROUNDS; round++) {
		const [t, p] = [timed(trigger), timed(parse)];
		// Round 0 warms both up.
		if (round === 0) continue;
		triggerMs.push(t);
		parseMs.push(p);
	}
	return { triggerUs: median(triggerMs) * 1000, parseUs: median(parseMs) * 1000, bodyBytes: bodies[0].length };
}
