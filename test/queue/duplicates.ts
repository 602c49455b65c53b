/**
 * The same delivery sent twice: to one webhook process, to both a second apart, to both after the duplicate
 * memory reached the database (6 s, past its 5 s write interval), and to both at the same moment. Counts the
 * executions each pair started (n8n's stored executions); none may be lost, one process must start one.
 */
import { activateTriggers, keyOf, send, settledExecutions } from './triggers';
import { check, countBy, sleep, type QueueCase } from './harness';

/** How the two copies are sent: to which webhook process each, and how long apart. */
const PAIRS = [
	{ id: 'sameProcess1sApart', processes: [0, 0], apartMs: 1000 },
	{ id: 'twoProcesses1sApart', processes: [0, 1], apartMs: 1000 },
	{ id: 'twoProcesses6sApart', processes: [0, 1], apartMs: 6000 },
	{ id: 'twoProcessesSameMoment', processes: [0, 1], apartMs: 0 },
];
const REPEATS = 3;

export const duplicatesAcrossProcesses: QueueCase = {
	name: 'the same delivery twice, to one or both webhook processes, apart and at the same moment',
	timeoutMs: 900_000,
	async run(context) {
		const figures: Record<string, Record<string, number[]>> = {};
		for (const { target, workflowId, urls } of await activateTriggers(context)) {
			const sent: Array<{ pair: string; key: string; statuses: Array<number | undefined> }> = [];
			for (const [pairIndex, pair] of PAIRS.entries()) {
				for (let repeat = 0; repeat < REPEATS; repeat++) {
					const delivery = target.delivery(500_000 + pairIndex * 100 + repeat);
					const first = send(context, urls[pair.processes[0]], delivery);
					if (pair.apartMs > 0) await Promise.all([first, sleep(pair.apartMs)]);
					const second = await send(context, urls[pair.processes[1]], delivery);
					sent.push({ pair: pair.id, key: delivery.key, statuses: [(await first).status, second.status] });
				}
			}
			const warmUps = urls.length;
			// At least one execution per pair; duplicates may add some: wait until the count stops changing.
			const executions = await settledExecutions(context, workflowId, sent.length + warmUps, 300_000);
			const runs = countBy(executions.map((execution) => keyOf(target, execution)));
			figures[target.id] = Object.fromEntries(PAIRS.map((pair) => [pair.id, sent.filter((copy) => copy.pair === pair.id).map((copy) => runs.get(copy.key) ?? 0)]));
			context.log(`    ${target.id}: executions per pair ${JSON.stringify(figures[target.id])}`);
			for (const copy of sent) {
				check(copy.statuses.every((status) => status === 200), `${target.id} ${copy.pair}: answers ${copy.statuses.join(', ')}`);
				check((runs.get(copy.key) ?? 0) >= 1, `${target.id} ${copy.pair}: the delivery started no execution (lost)`);
				check((runs.get(copy.key) ?? 0) <= 2, `${target.id} ${copy.pair}: two copies started ${runs.get(copy.key)} executions`);
			}
			check(figures[target.id].sameProcess1sApart.every((count) => count === 1), `${target.id}: one webhook process ran a duplicate: ${figures[target.id].sameProcess1sApart.join(', ')}`);
			await context.n8n.deactivateWorkflow(workflowId);
		}
		return { repeats: REPEATS, executionsPerPair: figures };
	},
};
