/**
 * A worker killed (SIGKILL) during a run of many Mehery sends with an Idempotency Key: what n8n does with the
 * execution, that the other worker goes on, that no customer got a message twice, and that running the workflow
 * again sends nothing that went out before.
 */
import { childPids } from '../../scripts/lib/n8n-process';
import { check, executionsOf, ranOn, sleep, until, workerLogged, type QueueCase } from './harness';
import { sendsTo, sendWorkflow } from './mehery-sends';

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
		const customers = `return Array.from({ length: ${sends} }, (_, i) => ({ json: { phone: '${prefix}' + String(i).padStart(5, '0'), orderId: '${prefix}-o' + i } }));`;
		const workflow = await sendWorkflow(context, `queue: ${sends} sends ${prefix}`, customers, { options: { idempotencyKey: '={{ $json.orderId }}-shipped' } });
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
