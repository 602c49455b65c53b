/**
 * "Combine Messages Sent Within" under load, through the engine's stand-in for n8n's server (the Mehery Trigger's
 * calls over real HTTP, answered as soon as the trigger answers): 20 customers write 5 messages each, 100 ms
 * apart, all at once. Run with a 0.5 s window and, as the baseline of the same run, without combining. Checked:
 * every message in exactly one execution, one execution per customer, in order; answer latency beside the
 * baseline's.
 */
import { startSimulator, type Simulator } from '../simulator';
import { notificationBody } from '../simulator/providers/mehery-notify';
import { meheryTrigger, startConversation } from '../engine/conversation.fixture';
import { meheryStore } from '../engine/mehery.fixture';
import type { CaseResult } from './real/figures';

const CUSTOMERS = 20;
const MESSAGES = 5;
const GAP_MS = 100;
const WINDOW_SECONDS = 0.5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
	answersMs: number[];
	/** Per execution: the message ids of its items, in order. */
	executions: string[][];
	heapMb: number;
}

async function fire(sim: Simulator, combineWithinSeconds: number, round: number): Promise<Outcome> {
	const conversation = await startConversation(await meheryStore(sim), meheryTrigger({ options: { combineWithinSeconds } }));
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const answersMs: number[] = [];
	const token = sim.providers.mehery.credentials.verifyToken;
	try {
		await Promise.all(
			Array.from({ length: CUSTOMERS }, async (_, customer) => {
				const phone = `9199${String(customer).padStart(8, '0')}`;
				for (let part = 0; part < MESSAGES; part++) {
					const body = notificationBody({ kind: 'message', id: `r${round}-c${customer}-m${part}`, text: `part ${part}`, phone }, () => 'unused');
					const started = performance.now();
					const answer = await sim.sendWebhook(conversation.urls.default, { body, headers: { 'x-verify-token': token } });
					answersMs.push(performance.now() - started);
					if (answer.status !== 200) throw new Error(`answered ${answer.status}: ${answer.body}`);
					await pause(GAP_MS);
				}
			}),
		);
		// The last bursts end one window after their last message.
		const deadline = Date.now() + 10_000;
		const delivered = () => conversation.server.triggerRuns.length === CUSTOMERS * MESSAGES;
		while (!delivered() && Date.now() < deadline) await pause(50);
		const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
		const executions = conversation.server.triggerRuns
			.filter((run) => run.workflowData)
			.flatMap((run) => run.items.map((item) => ((item.json.messages as Array<{ messageId: string }> | undefined) ?? [item.json as { messageId: string }]).map((message) => message.messageId)));
		return { answersMs: answersMs.sort((a, b) => a - b), executions, heapMb };
	} finally {
		await conversation.close();
	}
}

function problemOf(outcome: Outcome, combined: boolean): string | undefined {
	const ids = outcome.executions.flat();
	if (ids.length !== CUSTOMERS * MESSAGES || new Set(ids).size !== ids.length) return `${ids.length} messages in executions, ${new Set(ids).size} distinct`;
	if (combined && outcome.executions.length !== CUSTOMERS) return `${outcome.executions.length} executions for ${CUSTOMERS} customers`;
	const inOrder = outcome.executions.every((messages) => messages.every((id, index) => index === 0 || Number(id.split('-m')[1]) > Number(messages[index - 1].split('-m')[1])));
	return inOrder ? undefined : 'messages out of order';
}

/** The case of bench/results.json: the baseline and the combined run as rows, one goal for the combined run. */
export async function burstCase(): Promise<CaseResult> {
	const sim = await startSimulator({ quiet: true });
	try {
		const baseline = await fire(sim, 0, 1);
		const combined = await fire(sim, WINDOW_SECONDS, 2);
		const note = (outcome: Outcome, problem?: string) =>
			`${outcome.executions.length} execution(s), answer p50 ${percentile(outcome.answersMs, 50).toFixed(1)} ms, p99 ${percentile(outcome.answersMs, 99).toFixed(1)} ms, heap +${outcome.heapMb.toFixed(1)} MB${problem ? ` — ${problem}` : ''}`;
		const allowedP99 = Math.max(2 * percentile(baseline.answersMs, 99), percentile(baseline.answersMs, 99) + 50);
		const slower = percentile(combined.answersMs, 99) > allowedP99;
		const problem = problemOf(combined, true) ?? (slower ? `p99 above ${allowedP99.toFixed(1)} ms` : undefined);
		const baselineProblem = problemOf(baseline, false);
		return {
			id: 'engine-bursts',
			title: `Combine Messages Sent Within: Mehery Trigger, ${CUSTOMERS} customers × ${MESSAGES} messages ${GAP_MS} ms apart, through the engine's stand-in for n8n's server`,
			rows: [
				{ runner: 'no combining (baseline)', items: baseline.executions.flat().length, note: note(baseline, baselineProblem) },
				{ runner: `combined within ${WINDOW_SECONDS} s`, items: combined.executions.flat().length, note: note(combined, problem) },
			],
			goals: [
				{ goal: 'Baseline: every message in exactly one execution, in order', measured: baselineProblem ?? 'yes', ok: baselineProblem === undefined },
				{
					goal: `Combined: one execution per customer, every message once and in order, answer p99 at most ${allowedP99.toFixed(1)} ms (twice the baseline's, or +50 ms)`,
					measured: problem ?? `${combined.executions.length} executions, p99 ${percentile(combined.answersMs, 99).toFixed(1)} ms`,
					ok: problem === undefined,
				},
			],
		};
	} finally {
		await sim.close();
	}
}

if (require.main === module) {
	void burstCase().then((result) => {
		for (const goal of result.goals) process.stdout.write(`${goal.ok ? 'ok    ' : 'MISSED'}  ${goal.goal}: ${goal.measured}\n`);
		process.exitCode = result.goals.every((goal) => goal.ok) ? 0 : 1;
	});
}
