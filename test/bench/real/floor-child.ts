/** The floors (floor.ts) in a process of their own: reads a FloorJob as JSON on stdin, prints Floors as JSON. */
import axios from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { inRecipientChains } from '../../engine/fixtures/recipient-chains';
import { SimulatorClient } from '../../simulator/client';
import type { FloorJob, Floors } from './floor';

const RUNS = 3;

async function medianAfterWarmUp(client: SimulatorClient, measure: () => Promise<void>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run <= RUNS; run++) {
		await client.clearLog();
		const started = process.hrtime.bigint();
		await measure();
		if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Raw HTTP: `limit` recipients at a time, each one's messages in order. */
async function rawSchedule(job: FloorJob): Promise<void> {
	const url = `${job.baseUrl}/api/v1/message/send`;
	const headers = { 'x-api-key': job.credentials.apiKey, 'x-api-id': job.credentials.apiId };
	await inRecipientChains(job.messages, (message) => message.to, job.limit, async ({ body }) => {
		await axios.post(url, body, { headers, validateStatus: () => true });
	});
}

async function main(): Promise<Floors> {
	let input = '';
	for await (const chunk of process.stdin) input += String(chunk);
	const job = JSON.parse(input) as FloorJob;
	const client = new SimulatorClient(job.simulatorUrl);
	const rawMs = await medianAfterWarmUp(client, async () => await rawSchedule(job));
	// n8n-core is loaded only now, after the raw floor.
	const { IN_ORDER_THROUGH_HELPER_TYPE } = await import('../../engine/fixtures/in-order-through-helper');
	const { createCredentialStore, runNode } = await import('../../engine/harness');
	const store = await createCredentialStore({ meheryXmsApi: job.credential as ICredentialDataDecryptedObject });
	const node = { name: 'Floor', type: IN_ORDER_THROUGH_HELPER_TYPE, parameters: { url: `${job.baseUrl}/api/v1/message/send`, limit: job.limit }, credentials: { meheryXmsApi: { id: 'meheryXmsApi', name: 'Mehery' } } };
	const helperMs = await medianAfterWarmUp(client, async () => {
		const result = await runNode(node, job.messages as IDataObject[], store);
		if (result.error('Floor')) throw new Error(`The helper floor failed: ${result.error('Floor')?.message}`);
	});
	return { rawMs, helperMs };
}

main().then(
	(floors) => {
		process.stdout.write(`${JSON.stringify(floors)}\n`);
		process.exit(0);
	},
	(error: Error) => {
		process.stdout.write(`${error.message}\n`);
		process.exit(1);
	},
);
