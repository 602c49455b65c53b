/**
 * Retry On Fail in queue mode: n8n retries a node on the worker that ran it, where the sends' memory is; 10
 * Mehery sends, the 7th refused once with HTTP 500: Mehery gets 11 sends and each customer one message.
 */
import { check, ranOn, type QueueCase } from './harness';
import { SEND_ROUTE, sendsTo, sendWorkflow } from './mehery-sends';

const CUSTOMERS = 10;

export const retryOnFail: QueueCase = {
	name: 'Retry On Fail on a worker: a send refused once is retried, none sent twice',
	timeoutMs: 300_000,
	async run(context) {
		const prefix = `9190${String(Date.now()).slice(-6)}`;
		const customers = Array.from({ length: CUSTOMERS }, (_, index) => ({ phone: `${prefix}${String(index).padStart(2, '0')}`, orderId: `${prefix}-o${index}` }));
		const workflow = await sendWorkflow(context, `queue: Retry On Fail ${prefix}`, `return ${JSON.stringify(customers)}.map((json) => ({ json }));`, {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		context.sim.injectFault({ kind: 'status', status: 500, times: 1, match: { provider: 'mehery', route: SEND_ROUTE, body: new RegExp(`${prefix}06`) } });
		const execution = await context.n8n.waitForExecution(await context.n8n.runWorkflowManually(workflow.id, 'Start'), { timeoutMs: 120_000, intervalMs: 500 });
		const { requests, delivered } = sendsTo(context, prefix);
		const figures = { customers: CUSTOMERS, status: execution.status, ranOn: ranOn(execution), requestsToMehery: requests, customersDelivered: delivered.size, customersTwice: [...delivered.values()].filter((count) => count > 1).length };
		context.log(`    ${JSON.stringify(figures)}`);
		check(execution.status === 'success', `the execution ended ${execution.status}`);
		check(ranOn(execution)?.startsWith('worker-'), `the execution ran on ${ranOn(execution)}, not on a worker`);
		check(requests === CUSTOMERS + 1, `${requests} sends reached Mehery for ${CUSTOMERS} customers and one refusal`);
		check(delivered.size === CUSTOMERS && figures.customersTwice === 0, `${delivered.size} customers delivered, ${figures.customersTwice} twice`);
		return figures;
	},
};
