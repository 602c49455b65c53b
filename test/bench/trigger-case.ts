/**
 * Case (e): a trigger's cost per delivery beside JSON.parse of the same body, and deliveries per second through
 * real n8n beside n8n's Webhook node on the same payload (from the overload bench: executions started per second
 * of load, every delivery answered 200 started, none lost).
 */
import type { Load, Tally } from './overload-load';
import type { OverloadRow } from './overload';
import type { CaseResult, Figures, Goal } from './real/figures';

const MAX_COST_RATIO = 3;
const MIN_RATE_RATIO = 0.95;

const perSecond = (tally: Tally, load: Load) => tally.started / load.seconds;

/**
 * `cost`: given for the first run only. `extraEnv`: the n8n settings of this overload run. Under n8n's defaults
 * the triggers are held to the Webhook node with an expression in its options (n8n takes an isolate per delivery
 * for both), with lazy isolates to the Webhook node itself (../overload: `comparedWith`).
 */
export function triggerCase(cost: { triggerUs: number; parseUs: number; bodyBytes: number } | undefined, overload: OverloadRow[], load: Load, extraEnv: Record<string, string> = {}): CaseResult {
	const costRows: Figures[] = cost
		? [
				{ runner: 'Wavy Trigger: secret + body check + normalize, per delivery of 10 messages', note: `${cost.triggerUs.toFixed(0)} µs` },
				{ runner: `JSON.parse of the same ${cost.bodyBytes}-byte body`, note: `${cost.parseUs.toFixed(0)} µs` },
			]
		: [];
	const overloadRows: Figures[] = overload.map((row) => {
		const t = row.tally;
		const other = Object.entries(t.statuses).map(([status, n]) => `${n}×${status}`).join(' ') || 'none';
		const noAnswer = Object.values(t.errors).reduce((sum, n) => sum + n, 0);
		return {
			runner: `${row.name}${row.role === 'goal' ? '' : ` (${row.role})`}`,
			lost: t.lost,
			note: `${perSecond(t, load).toFixed(1)} executions/s; ${t.sent} sent, ${t.ok} answered 200, other ${other}, ${noAnswer} unanswered, ${t.started} executions, p50 ${t.p50?.toFixed(0) ?? '-'} ms, p99 ${t.p99?.toFixed(0) ?? '-'} ms`,
		};
	});
	const costGoals: Goal[] = cost
		? [{ goal: `Trigger cost at most ${MAX_COST_RATIO}x JSON.parse of the same body`, measured: `${cost.triggerUs.toFixed(0)} µs vs ${cost.parseUs.toFixed(0)} µs = ${(cost.triggerUs / cost.parseUs).toFixed(2)}x`, ok: cost.triggerUs / cost.parseUs <= MAX_COST_RATIO }]
		: [];
	const settings = Object.entries(extraEnv).map(([name, value]) => `${name}=${value}`).join(', ');
	const goals: Goal[] = [
		...costGoals,
		...overload
			.filter((row) => row.role === 'goal')
			.map((row) => {
				const compared = overload.find((other) => other.name === row.comparedWith) ?? overload.find((other) => other.role === 'baseline')!;
				const rate = perSecond(row.tally, load);
				const reference = perSecond(compared.tally, load);
				return {
					goal: `${row.name}: at least ${MIN_RATE_RATIO}x the deliveries per second of ${compared.name}, none lost`,
					measured: `${rate.toFixed(1)}/s vs ${reference.toFixed(1)}/s = ${(rate / Math.max(reference, 1e-9)).toFixed(2)}x; ${row.tally.lost} lost${row.problem ? `; ${row.problem}` : ''}`,
					ok: rate >= MIN_RATE_RATIO * reference && row.ok,
				};
			}),
	];
	return {
		id: settings ? 'e-lazy' : 'e',
		title: `(e) Triggers: ${cost ? 'cost per delivery, and ' : ''}${load.perSecond} deliveries/s for ${load.seconds} s through real n8n (${settings ? `n8n's defaults and ${settings}` : "n8n's default settings"}) beside n8n's Webhook node`,
		rows: [...costRows, ...overloadRows],
		goals,
	};
}
