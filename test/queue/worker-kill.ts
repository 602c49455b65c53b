/**
 * A worker killed (SIGKILL) during a run of many Mehery sends with an Idempotency Key: what n8n does with the
 * execution, that the other worker goes on, that no customer got a message twice, and that running the workflow
 * again sends nothing that went out before.
 */
import { randomUUID } from 'node:crypto';

import { childPids } from '../../scripts/lib/n8n-process';
import { check, countBy, executionsOf, RAN_ON, ranOn, ranOnNode, sleep, until, workerLogged, type QueueCase, type QueueContext } from './harness';

const SEND_ROUTE = /\/api\/v1\/message\/send$/;

async function sendWorkflow(context: QueueContext, prefix: string) {
	return await context.n8n.createWorkflow({
		name: `queue: ${context.sizes.sends} sends ${prefix}`,
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: 'Customers',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return Array.from({ length: ${context.sizes.sends} }, (_, i) => ({ json: { phone: '${prefix}' + String(i).padStart(5, '0'), orderId: '${prefix}-o' + i } }));` },
			},
			{
				id: randomUUID(),
				name: 'Send',
				type: 'n8n-nodes-chat-providers.mehery',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					channelId: { __rl: true, mode: 'id', value: 'wa360:919999998888' },
					recipientType: 'phone',
					recipient: '={{ $json.phone }}',
					messageType: 'text',
					text: '=Order {{ $json.orderId }} has shipped',
					options: { idempotencyKey: '={{ $json.orderId }}-shipped' },
				},
				credentials: { meheryXmsApi: context.credentialIds.get('meheryXmsApi') },
			},
			ranOnNode(),
		],
		connections: {
			Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }, { node: RAN_ON, type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	});
}

/** Sends for this run's customers that reached Mehery: requests, and 200s per customer. */
function sendsTo(context: QueueContext, prefix: string) {
	const entries = context.sim.log.filter((entry) => entry.provider === 'mehery' && SEND_ROUTE.test(entry.path) && JSON.stringify(entry.body).includes(`"${prefix}`));
	const delivered = countBy(entries.filter((entry) => entry.status === 200).map((entry) => String((entry.body as { to: { phone: string } }).to.phone)));
	return { requests: entries.length, delivered };
}

function kill(pid: number): void {
	for (const child of childPids(pid)) process.kill(child, 'SIGKILL');
	process.kill(pid, 'SIGKILL');
}

export const workerKilled: QueueCase = {
	name: 'a worker killed during a run of sends: the execution ends, the other worker goes on, nothing sent twice',
	timeoutMs: 900_000,
	async run(context) {
		const { sends } = context.sizes;
		const prefix = `9180${String(Date.now()).slice(-6)}`;
		const workflow = await sendWorkflow(context, prefix);
		const executionId = await context.n8n.runWorkflowManually(workflow.id, 'Start');
		const victim = await until('a worker to start the execution', () => workerLogged(context, executionId), 120_000, 200);
		const sentBeforeKill = await until(`a fifth of the sends out`, () => (sendsTo(context, prefix).requests >= sends / 5 ? sendsTo(context, prefix).requests : undefined), 300_000, 50);
		const worker = context.stack.workers.find(({ name }) => name === victim)!;
		kill(worker.server.process.pid!);
		const killedAt = Date.now();
		context.log(`    killed ${victim} (SIGKILL) after ${sentBeforeKill} sends`);

		// The other worker goes on: a new run of the same workflow is taken by it and sends only what is left.
		await sleep(2000);
		const rerunId = await context.n8n.runWorkflowManually(workflow.id, 'Start');
		const rerun = await context.n8n.waitForExecution(rerunId, { timeoutMs: 600_000, intervalMs: 1000 });
		const killedExecution = await until(
			'n8n to end the killed execution',
			async () => {
				const execution = await context.n8n.getExecution(executionId);
				return ['running', 'new'].includes(execution.status) && Date.now() - killedAt < 180_000 ? undefined : execution;
			},
			240_000,
			2000,
		);
		const afterRerun = sendsTo(context, prefix);
		const twice = [...afterRerun.delivered].filter(([, count]) => count > 1);
		const output = rerun.data?.resultData.runData.Send?.[0]?.data?.main[0] ?? [];
		const alreadySent = output.filter((item) => item.json.alreadySent === true).length;
		const figures = {
			sends,
			sentBeforeKill,
			killedWorker: victim,
			killedExecution: { id: executionId, status: killedExecution.status, finished: killedExecution.finished },
			rerun: { status: rerun.status, ranOn: ranOn(rerun), alreadySent, sentNow: output.length - alreadySent },
			requestsToMehery: afterRerun.requests,
			customersDelivered: afterRerun.delivered.size,
			customersTwice: twice.length,
			executions: (await executionsOf(context.n8n, workflow.id, false)).map((execution) => execution.status),
		};
		context.log(`    ${JSON.stringify(figures)}`);
		check(twice.length === 0, `${twice.length} customers got the message twice (e.g. ${twice[0]?.[0]})`);
		check(rerun.status === 'success', `the run after the kill ended ${rerun.status}`);
		check(ranOn(rerun) !== undefined && ranOn(rerun) !== victim, `the run after the kill ran on ${ranOn(rerun)}, not on the surviving worker`);
		check(killedExecution.status !== 'success', `the killed execution is stored as ${killedExecution.status}`);
		check(alreadySent >= sentBeforeKill, `the re-run sent again ${sentBeforeKill - alreadySent} messages that went out before the kill`);
		// Every customer has the message once, but those whose key was claimed when the worker died (the send may
		// or may not have gone out; never repeated): at most the node's in-flight sends.
		check(afterRerun.delivered.size >= sends - 50, `${sends - afterRerun.delivered.size} customers never got the message`);

		// A second re-run sends nothing at all.
		const before = sendsTo(context, prefix).requests;
		const again = await context.n8n.waitForExecution(await context.n8n.runWorkflowManually(workflow.id, 'Start'), { timeoutMs: 600_000, intervalMs: 1000 });
		check(again.status === 'success' && sendsTo(context, prefix).requests === before, `a second re-run sent ${sendsTo(context, prefix).requests - before} messages`);
		return figures;
	},
};
