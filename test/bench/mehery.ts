/**
 * Mehery Message → Send at volume (issue 8): 1,000 sends to 100 recipients, 50 ms latency, a Mehery that takes
 * 20 sends at once and answers 429 beyond. Checked from the simulator's log: every message delivered exactly once
 * and each recipient's messages in input order. Run twice: with the adaptive limiter (default options), and with
 * Max Concurrent Requests fixed at 5 for comparison.
 */
import { isDeepStrictEqual } from 'node:util';

import type { Simulator } from '../simulator';
import { runNode } from '../engine/harness';
import { meheryNode, meheryStore, SEND_ROUTE, sendParameters } from '../engine/mehery.fixture';
import type { ThroughputResult } from './throughput';

const SENDS = 1000;
const RECIPIENTS = 100;
const LATENCY_MS = 50;
const IN_FLIGHT_LIMIT = 20;

type Sent = { to: { phone: string }; text: { body: string } };

/** Interleaved recipients (r0, r1, …, r0, r1, …), every text unique. */
const items = Array.from({ length: SENDS }, (_, index) => ({ to: `9199${String(index % RECIPIENTS).padStart(8, '0')}`, text: `message ${index}` }));

function byRecipient(pairs: Array<{ to: string; text: string }>): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const { to, text } of pairs) map.set(to, [...(map.get(to) ?? []), text]);
	return map;
}

export async function meherySendBenchmark(sim: Simulator, maxConcurrentRequests?: number): Promise<ThroughputResult> {
	sim.reset();
	sim.setLatency(LATENCY_MS, { provider: 'mehery' });
	sim.setInFlightLimit(IN_FLIGHT_LIMIT, { provider: 'mehery', route: SEND_ROUTE });
	const store = await meheryStore(sim);
	const options = maxConcurrentRequests === undefined ? {} : { maxConcurrentRequests };
	const node = meheryNode(sendParameters({ recipient: '={{ $json.to }}', text: '={{ $json.text }}', options }));
	const started = process.hrtime.bigint();
	const result = await runNode(node, items, store);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;

	const sends = sim.log.filter((entry) => entry.provider === 'mehery' && SEND_ROUTE.test(entry.path));
	const accepted = sends.filter((entry) => entry.status === 200).map((entry) => entry.body as Sent);
	const refused = sends.filter((entry) => entry.status === 429).length;
	const delivered = byRecipient(accepted.map((sent) => ({ to: sent.to.phone, text: sent.text.body })));
	const inOrder = isDeepStrictEqual(delivered, byRecipient(items));
	const once = new Set(accepted.map((sent) => sent.text.body)).size === accepted.length;
	const error = result.error('Mehery')?.message;
	const problem =
		error ??
		(accepted.length !== SENDS ? `${accepted.length} of ${SENDS} delivered` : !once ? 'a message was delivered twice' : !inOrder ? 'per-recipient order broken' : undefined);
	const bound = maxConcurrentRequests === undefined ? 'adaptive' : `fixed at ${maxConcurrentRequests}`;
	return {
		name: `Mehery Send, ${SENDS} to ${RECIPIENTS} recipients, ${LATENCY_MS} ms, Mehery takes ${IN_FLIGHT_LIMIT} at once, concurrency ${bound}`,
		detail: `${accepted.length}/${SENDS} delivered ${once ? 'once' : 'with DUPLICATES'}, order ${inOrder ? 'kept' : 'BROKEN'}, ${refused} × 429`,
		ms,
		referenceName: `ideal ${SENDS} × ${LATENCY_MS} ms / ${maxConcurrentRequests ?? IN_FLIGHT_LIMIT}`,
		referenceMs: (SENDS * LATENCY_MS) / Math.min(maxConcurrentRequests ?? IN_FLIGHT_LIMIT, IN_FLIGHT_LIMIT),
		maxRatio: 1.3,
		problem,
	};
}
