/** A workflow of Mehery sends (Start → Customers → Send, and Ran On) and what reached the simulated Mehery. */
import { randomUUID } from 'node:crypto';

import { meherySendNode, type SendSettings } from '../e2e/mehery-send-node';
import { countBy, PACKAGE, RAN_ON, ranOnNode, type QueueContext } from './harness';

export const SEND_ROUTE = /\/api\/v1\/message\/send$/;

/** `customersCode`: the Code node's JavaScript returning `{ json: { phone, orderId } }` items. */
export async function sendWorkflow(context: QueueContext, name: string, customersCode: string, send: SendSettings = {}) {
	return await context.n8n.createWorkflow({
		name,
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: randomUUID(), name: 'Customers', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: customersCode } },
			meherySendNode(randomUUID(), PACKAGE, context.credentialIds.get('meheryXmsApi'), send),
			ranOnNode(),
		],
		connections: {
			Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }, { node: RAN_ON, type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	});
}

/** Sends for the customers whose phones start with `prefix` that reached Mehery: requests, and 200s per phone. */
export function sendsTo(context: QueueContext, prefix: string) {
	const entries = context.sim.log.filter((entry) => entry.provider === 'mehery' && SEND_ROUTE.test(entry.path) && JSON.stringify(entry.body).includes(`"${prefix}`));
	const delivered = countBy(entries.filter((entry) => entry.status === 200).map((entry) => String((entry.body as { to: { phone: string } }).to.phone)));
	return { requests: entries.length, delivered };
}
