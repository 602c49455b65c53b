/**
 * Triggers under overload (issue 14): what a delivery costs n8n and what happens when n8n cannot start its
 * execution, for the Wavy, Mehery and CTLive triggers through n8n-core's WebhookContext.
 *
 * Found with `npm run bench` in a real n8n: deliveries answered 200 by the trigger itself, before n8n stored the
 * execution, were lost when n8n then failed to store it (its SQLite write lock timing out under load); each
 * delivery read the credential (a new expression isolate per call in n8n 2.41) and CTLive wrote static data (one
 * database write) on every call.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { outboundPayload } from '../simulator/providers/ctlive-outbound';
import { notificationBody } from '../simulator/providers/mehery-notify';
import { moBatch } from '../simulator/providers/wavy-data';
import { CTLIVE_TRIGGER_TYPE, ctliveStore } from './ctlive.fixture';
import type { CredentialStore } from './credentials';
import { runWebhook, type TriggerOptions, type WebhookRequest } from './harness';
import { RecordingResponse } from './http-emulation';
import { meheryCredentialRef, meheryStore, MEHERY_TRIGGER_TYPE } from './mehery.fixture';
import { WAVY_TRIGGER_TYPE, wavyStore } from './wavy.fixture';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ quiet: true });
});
afterAll(async () => await sim.close());

interface Target {
	name: string;
	node: { name: string; type: string; parameters: INodeParameters; credentials: Record<string, { id: string; name: string }> };
	credential: string;
	store: () => Promise<CredentialStore>;
	/** Delivery number `index` (the same index: the same delivery, as a provider resends it). */
	delivery: (index: number) => WebhookRequest;
	/** Static data key of its duplicate memory. */
	memoryKey: string;
}

const targets = (): Target[] => {
	const { webhookUser, webhookPassword } = sim.providers.ctlive.credentials as { webhookUser: string; webhookPassword: string };
	return [
		{
			name: 'Wavy Trigger',
			node: { name: 'Wavy Trigger', type: WAVY_TRIGGER_TYPE, parameters: {}, credentials: { wavyApi: { id: 'wavyApi', name: 'Wavy account' } } },
			credential: 'wavyApi',
			store: async () => await wavyStore(sim),
			delivery: (index) => ({ body: moBatch({ size: 10, offset: index * 10 }), query: { secret: String(sim.providers.wavy.credentials.webhookSecret) } }),
			memoryKey: 'seenMessageIds',
		},
		{
			name: 'Mehery Trigger',
			node: { name: 'Mehery Trigger', type: MEHERY_TRIGGER_TYPE, parameters: {}, credentials: meheryCredentialRef },
			credential: 'meheryXmsApi',
			store: async () => await meheryStore(sim),
			delivery: (index) => {
				let next = 0;
				const body = notificationBody({ kind: 'message', count: 10 }, () => `m-${index}-${next++}`, Date.UTC(2024, 5, 3));
				return { body, headers: { 'x-verify-token': String(sim.providers.mehery.credentials.verifyToken) } };
			},
			memoryKey: 'seenMessageIds',
		},
		{
			name: 'CTLive Trigger',
			node: { name: 'CTLive Trigger', type: CTLIVE_TRIGGER_TYPE, parameters: {}, credentials: { ctLiveWebhookApi: { id: 'ctLiveWebhookApi', name: 'CTLive webhook' } } },
			credential: 'ctLiveWebhookApi',
			store: async () => await ctliveStore(sim),
			delivery: (index) => ({
				body: outboundPayload(1, sim.url, { kind: 'text', text: `answer ${index}`, count: 10 }),
				headers: { authorization: `Basic ${Buffer.from(`${webhookUser}:${webhookPassword}`).toString('base64')}` },
			}),
			memoryKey: 'ctliveDeliveries',
		},
	];
};

let deployments = 0;
async function deployment(target: Target): Promise<TriggerOptions & { staticData: IDataObject; store: CredentialStore }> {
	return { store: await target.store(), staticData: {}, workflowId: `overload-${++deployments}` };
}

describe.each(['Wavy Trigger', 'Mehery Trigger', 'CTLive Trigger'])('%s', (name) => {
	const target = () => targets().find((candidate) => candidate.name === name)!;

	test('n8n answers, once it has started the execution: when it cannot, the caller gets its error and the retry runs', async () => {
		const options = await deployment(target());
		const refused = await runWebhook(target().node, target().delivery(1), { ...options, execution: 'refused' });
		expect(refused.items).toHaveLength(10);
		// Not a 200 the provider would take for delivered: it retries, and the retry is no duplicate.
		expect(refused.response.status).toBe(500);
		const retry = await runWebhook(target().node, target().delivery(1), options);
		expect(retry.response.status).toBe(200);
		expect(retry.items).toHaveLength(10);
		const resent = await runWebhook(target().node, target().delivery(1), options);
		expect([resent.response.status, resent.items.length]).toEqual([200, 0]);
	});

	/** The first try of delivery `index`, held by n8n until `open()`: resolves `held` once its webhook() returned. */
	function heldFirstTry(options: TriggerOptions, index: number, execution: 'started' | 'refused') {
		let open = () => {};
		let reached = () => {};
		const held = new Promise<void>((resolve) => (reached = resolve));
		const gate = new Promise<void>((resolve) => (open = resolve));
		const run = runWebhook(target().node, target().delivery(index), { ...options, execution, answerWhen: async () => (reached(), await gate) });
		return { run, held, open };
	}

	/** A retry of delivery `index`, resolved once its webhook() waits for the first try's verdict. */
	async function waitingRetry(options: TriggerOptions, index: number) {
		const response = new RecordingResponse();
		const run = runWebhook(target().node, target().delivery(index), { ...options, response });
		for (let turn = 0; response.listenerCount('close') === 0; turn++) {
			if (turn > 1000) throw new Error('the retry never waited for the first try');
			await new Promise((resolve) => setImmediate(resolve));
		}
		return { run, response };
	}

	test('a retry arriving while the first try waits for n8n waits for its verdict: run if refused, dropped if started', async () => {
		for (const verdict of ['refused', 'started'] as const) {
			const options = await deployment(target());
			const first = heldFirstTry(options, 2, verdict);
			await first.held;
			const retry = await waitingRetry(options, 2);
			first.open();
			const [firstRun, retryRun] = await Promise.all([first.run, retry.run]);
			expect(firstRun.response.status).toBe(verdict === 'refused' ? 500 : 200);
			expect(retryRun.response.status).toBe(200);
			expect(retryRun.items).toHaveLength(verdict === 'refused' ? 10 : 0);
		}
	});

	test('a retry whose own caller leaves while it waits starts nothing; a delivery whose caller left after sending starts its execution', async () => {
		const options = await deployment(target());
		const first = heldFirstTry(options, 3, 'refused');
		await first.held;
		const retry = await waitingRetry(options, 3);
		retry.response.callerGone();
		expect((await retry.run).items).toHaveLength(0);
		first.open();
		await first.run;

		const gone = new RecordingResponse();
		gone.callerGone();
		expect((await runWebhook(target().node, target().delivery(4), { ...options, response: gone })).items).toHaveLength(10);
	});

	test('200 deliveries arriving together: static data written once, the credential read once', async () => {
		const options = await deployment(target());
		let saves = 0;
		const burst = { ...options, onStaticDataSave: () => saves++ };
		const runs = await Promise.all(Array.from({ length: 200 }, async (_, index) => await runWebhook(target().node, target().delivery(100 + index), burst)));
		expect(runs.every((run) => run.response.status === 200 && run.items.length === 10)).toBe(true);
		// The first delivery writes; the next write is due 5 s later. Before: CTLive wrote on every delivery.
		expect(saves).toBe(1);
		expect(options.store.reads.get(target().credential)).toBe(1);
		expect((await runWebhook(target().node, target().delivery(299), burst)).items).toHaveLength(0);
	});
});
