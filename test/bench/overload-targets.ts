/**
 * What the overload benchmark fires at: n8n's own Webhook node (the baseline, on Wavy's payload) and the Wavy,
 * Mehery and CTLive triggers, each alone in its workflow, with a delivery of 10 messages (CTLive: one message to
 * 10 destinations) that carries a key found again in the execution it starts.
 */
import { randomUUID } from 'node:crypto';

import type { Simulator } from '../simulator';
import { notificationBody } from '../simulator/providers/mehery-notify';
import { outboundPayload } from '../simulator/providers/ctlive-outbound';
import { WAVY_WEBHOOK_SECRET, moBatch } from '../simulator/providers/wavy-data';
import type { Delivery } from './overload-load';

const PACKAGE = 'n8n-nodes-chat-providers';
const MESSAGES_PER_DELIVERY = 10;

export interface OverloadTarget {
	id: string;
	name: string;
	/** A reference row beside the baseline, not held to the goal. */
	reference?: boolean;
	triggerName: string;
	/** The workflow: the trigger alone, its credential picked from those created (type → id and name). */
	workflow: (credentials: Map<string, { id: string; name: string }>) => { name: string; nodes: unknown[]; connections: Record<string, unknown> };
	/** The production URL's path after `/webhook/`. */
	path: string;
	/** Delivery number `index` (-1: the warm-up). */
	delivery: (index: number) => Delivery;
	/** The key of the delivery that started an execution, from the trigger's first output item. */
	keyOf: (json: Record<string, unknown>) => string | undefined;
}

const asRecord = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function triggerWorkflow(name: string, node: Record<string, unknown>) {
	return { name: `bench: ${name}`, nodes: [{ id: randomUUID(), position: [0, 0], typeVersion: 1, ...node }], connections: {} };
}

/** Wavy MO batches: 10 new message ids per delivery; the key is the first id. */
function wavyDelivery(index: number): Delivery {
	const batch = moBatch({ size: MESSAGES_PER_DELIVERY, offset: 1_000_000 + index * MESSAGES_PER_DELIVERY });
	return { key: String(batch.data[0].id), body: batch };
}

export function overloadTargets(sim: Simulator): OverloadTarget[] {
	const run = randomUUID().slice(0, 8);
	const webhookId = (name: string) => `${name}-${run}`;
	const verifyToken = String(sim.providers.mehery.credentials.verifyToken);
	const { webhookUser, webhookPassword } = sim.providers.ctlive.credentials as { webhookUser: string; webhookPassword: string };
	const basic = `Basic ${Buffer.from(`${webhookUser}:${webhookPassword}`).toString('base64')}`;
	return [
		{
			id: 'webhook',
			name: "n8n's Webhook node (Respond: Immediately), Wavy's payload",
			triggerName: 'Webhook',
			workflow: () =>
				triggerWorkflow('Webhook node', { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: webhookId('webhook'), parameters: { httpMethod: 'POST', path: webhookId('webhook'), responseMode: 'onReceived', options: {} } }),
			path: webhookId('webhook'),
			delivery: wavyDelivery,
			keyOf: (json) => String(asRecord(asRecord(asRecord(json.body).data)[0]).id),
		},
		{
			id: 'webhook-isolate',
			name: "n8n's Webhook node with an expression in its options (an isolate per call, as a trigger)",
			reference: true,
			triggerName: 'Webhook',
			workflow: () =>
				triggerWorkflow('Webhook node, expression', {
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: webhookId('webhook-isolate'),
					parameters: { httpMethod: 'POST', path: webhookId('webhook-isolate'), responseMode: 'onReceived', options: { responseHeaders: { entries: [{ name: 'x-run', value: '={{ "bench" }}' }] } } },
				}),
			path: webhookId('webhook-isolate'),
			delivery: wavyDelivery,
			keyOf: (json) => String(asRecord(asRecord(asRecord(json.body).data)[0]).id),
		},
		{
			id: 'wavy',
			name: 'Wavy Trigger',
			triggerName: 'Wavy Trigger',
			workflow: (credentials) =>
				triggerWorkflow('Wavy Trigger', { name: 'Wavy Trigger', type: `${PACKAGE}.wavyTrigger`, typeVersion: 1.1, webhookId: webhookId('wavy'), parameters: {}, credentials: { wavyApi: credentials.get('wavyApi') } }),
			path: `${webhookId('wavy')}/mo?secret=${encodeURIComponent(WAVY_WEBHOOK_SECRET)}`,
			delivery: wavyDelivery,
			keyOf: (json) => String(asRecord(json.raw).id),
		},
		{
			id: 'mehery',
			name: 'Mehery Trigger',
			triggerName: 'Mehery Trigger',
			workflow: (credentials) =>
				triggerWorkflow('Mehery Trigger', {
					name: 'Mehery Trigger',
					type: `${PACKAGE}.meheryTrigger`,
					typeVersion: 1.1,
					webhookId: webhookId('mehery'),
					parameters: { events: ['message'], simplify: true },
					credentials: { meheryXmsApi: credentials.get('meheryXmsApi') },
				}),
			path: `${webhookId('mehery')}/mehery`,
			delivery: (index) => {
				let next = 0;
				const body = notificationBody({ kind: 'message', count: MESSAGES_PER_DELIVERY }, () => `bench-${run}-${index}-${next++}`);
				return { key: `bench-${run}-${index}-0`, body, headers: { 'x-verify-token': verifyToken } };
			},
			keyOf: (json) => (typeof json.messageId === 'string' ? json.messageId : undefined),
		},
		{
			id: 'ctlive',
			name: 'CTLive Trigger',
			triggerName: 'CTLive Trigger',
			workflow: (credentials) =>
				triggerWorkflow('CTLive Trigger', { name: 'CTLive Trigger', type: `${PACKAGE}.ctLiveTrigger`, typeVersion: 1.1, webhookId: webhookId('ctlive'), parameters: {}, credentials: { ctLiveWebhookApi: credentials.get('ctLiveWebhookApi') } }),
			path: `${webhookId('ctlive')}/ctlive`,
			// CTLive's calls carry no message id: the text is what makes each delivery (and its key) unique.
			delivery: (index) => {
				const text = `bench ${run} answer ${index}`;
				return { key: text, body: outboundPayload(1, sim.url, { kind: 'text', text, count: MESSAGES_PER_DELIVERY }), headers: { authorization: basic } };
			},
			keyOf: (json) => (typeof json.text === 'string' ? json.text : undefined),
		},
	];
}
