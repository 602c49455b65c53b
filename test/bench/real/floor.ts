/**
 * The floor of a send case on this machine: the same messages posted by raw HTTP from the bench process, no n8n,
 * `limit` at a time, each recipient's messages one after another in order (`limit` recipients side by side, each
 * recipient's messages in sequence). What it takes beyond the provider's ideal (sends × latency / limit) is the
 * cost of HTTP on loopback and of the simulator's own work on the same cores, which every runner pays too.
 */
import axios from 'axios';

import type { BenchSession } from './session';

export async function rawFloorMs(session: BenchSession, messages: Array<{ to: string; body: unknown }>, limit: number): Promise<number> {
	const mehery = session.sim.providers.mehery;
	const url = `${mehery.baseUrl}/api/v1/message/send`;
	const headers = { 'x-api-key': mehery.credentials.apiKey, 'x-api-id': mehery.credentials.apiId };
	const chains = new Map<string, unknown[]>();
	for (const { to, body } of messages) chains.set(to, [...(chains.get(to) ?? []), body]);
	const queue = [...chains.values()];
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: limit }, async () => {
			for (let chain = queue.shift(); chain; chain = queue.shift()) {
				for (const body of chain) await axios.post(url, body, { headers, validateStatus: () => true });
			}
		}),
	);
	return Number(process.hrtime.bigint() - started) / 1e6;
}
