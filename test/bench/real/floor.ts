/**
 * The floor of a send case on this machine: the same messages posted by raw HTTP from the bench process, no n8n,
 * `limit` at a time, each recipient's messages one after another in order (`limit` recipients side by side, each
 * recipient's messages in sequence). What it takes beyond the provider's ideal (sends × latency / limit) is the
 * cost of HTTP on loopback and of the simulator's own work on the same cores, which every runner pays too.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { IN_ORDER_THROUGH_HELPER_TYPE } from '../../engine/fixtures/in-order-through-helper';
import { simulatorCredentials } from '../../engine/examples';
import { createCredentialStore, runNode } from '../../engine/harness';
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

/**
 * The same schedule through n8n's authenticated request helper in n8n-core (in the bench process, no workflow
 * around it but the one node): what any node's requests cost beyond raw HTTP, since n8n's helper builds new HTTP
 * agents and a new connection per request. A warm-up first, then the median of three.
 */
export async function helperFloorMs(session: BenchSession, messages: Array<{ to: string; body: unknown }>, limit: number): Promise<number> {
	const mehery = session.sim.providers.mehery;
	const store = await createCredentialStore({ meheryXmsApi: simulatorCredentials(session.sim).meheryXmsApi });
	const node = { name: 'Floor', type: IN_ORDER_THROUGH_HELPER_TYPE, parameters: { url: `${mehery.baseUrl}/api/v1/message/send`, limit }, credentials: { meheryXmsApi: { id: 'meheryXmsApi', name: 'Mehery' } } };
	const times: number[] = [];
	for (let run = 0; run < 4; run++) {
		await session.sim.client.clearLog();
		const started = process.hrtime.bigint();
		const result = await runNode(node, messages as IDataObject[], store);
		if (result.error('Floor')) throw new Error(`The helper floor failed: ${result.error('Floor')?.message}`);
		if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	return times.sort((a, b) => a - b)[1];
}
