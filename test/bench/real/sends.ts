/**
 * Sends side by side in real n8n: Mehery Message → Send against n8n's HTTP Request node posting the same
 * messages, to a Mehery that takes `limit` sends at once (429 beyond) at `latencyMs`. Our node without and with an
 * Idempotency Key (each claimed in n8n's deduplication store); the HTTP Request node as it comes (every item at
 * once; On Error: Continue so the run ends), with its Batching option added at its defaults (50 items per second),
 * and, for the smaller case, with Retry On Fail (n8n runs the whole node again).
 */
import type { BenchSession } from './session';
import { deliveryFigures, type Outgoing } from './deliveries';
import { measureFloors } from './floor';
import { median, ratio, type CaseResult, type Figures, type Goal } from './figures';
import { chain, httpRequestNode, itemsNodes, ourNode, type BenchWorkflow } from './workflows';

const SEND_ROUTE = /\/message\/send$/;
const CHANNEL = 'wa360:919999998888';

export interface SendCase {
	id: string;
	title: string;
	sends: number;
	recipients: number;
	latencyMs: number;
	limit: number;
	/** Goal: our wall time at most this many times the provider's ideal (sends × latency / limit). */
	maxRatio: number;
	/** Also run the HTTP Request node with Retry On Fail. */
	retryVariant?: boolean;
}

/** The items, made inside n8n: interleaved recipients, unique texts (a run id keeps keys unique across runs). */
const itemsCode = (sends: number, recipients: number) =>
	`Array.from({ length: ${sends} }, (_, i) => ({ run: String($now.toMillis()), to: '9199' + String(i % ${recipients}).padStart(8, '0'), text: 'message ' + i }))`;

const expected = (sends: number, recipients: number): Outgoing[] =>
	Array.from({ length: sends }, (_, i) => ({ to: `9199${String(i % recipients).padStart(8, '0')}`, text: `message ${i}` }));

const sentBy = (body: unknown): Outgoing => {
	const message = body as { to: { phone: string }; text: { body: string } };
	return { to: message.to.phone, text: message.text.body };
};

function oursWorkflow(session: BenchSession, sendCase: SendCase, withKey: boolean): BenchWorkflow {
	const options = withKey ? { idempotencyKey: '={{ $json.run }}-{{ $json.text }}' } : {};
	const parameters = { resource: 'message', operation: 'send', channelId: { __rl: true, mode: 'id', value: CHANNEL }, recipientType: 'phone', recipient: '={{ $json.to }}', messageType: 'text', text: '={{ $json.text }}', options };
	const node = ourNode('Mehery', 'mehery', parameters, session.credential('meheryXmsApi'));
	return chain(`${sendCase.id} Mehery Send${withKey ? ' with key' : ''}`, [...itemsNodes(itemsCode(sendCase.sends, sendCase.recipients)), node], ['Mehery']);
}

/** The HTTP Request node posting the body our node sends (taken from the provider's log), per item. */
function httpWorkflow(session: BenchSession, sendCase: SendCase, template: unknown, variant: 'flood' | 'batching' | 'retry'): BenchWorkflow {
	const mehery = session.sim.providers.mehery;
	// Indented JSON: a literal `}}` would end n8n's expression early.
	const body = `={{ JSON.stringify(Object.assign(${JSON.stringify(template, null, 1)}, { to: { phone: $json.to }, text: { body: $json.text } })) }}`;
	const node = httpRequestNode('HTTP Request', {
		url: `${mehery.baseUrl}/api/v1/message/send`,
		headers: { 'x-api-key': mehery.credentials.apiKey, 'x-api-id': mehery.credentials.apiId },
		jsonBody: body,
		options: variant === 'batching' ? { batching: { batch: { batchSize: 50, batchInterval: 1000 } } } : {},
		settings: variant === 'retry' ? { retryOnFail: true } : { onError: 'continueRegularOutput' },
	});
	return chain(`${sendCase.id} HTTP Request ${variant}`, [...itemsNodes(itemsCode(sendCase.sends, sendCase.recipients)), node], ['HTTP Request']);
}

async function measure(session: BenchSession, sendCase: SendCase, workflow: BenchWorkflow, runner: string) {
	await session.sim.client.clearLog();
	const run = await session.run(workflow);
	const log = await session.sim.client.log({ provider: 'mehery', route: SEND_ROUTE });
	const figures = deliveryFigures(log, expected(sendCase.sends, sendCase.recipients), 200, sentBy);
	const row: Figures = { runner, wallMs: run.ms, ...figures, note: run.error ? `node failed: ${run.error.slice(0, 80)}` : undefined };
	const firstSend = Math.min(...log.map((entry) => entry.at));
	return { row, log, firstSendMs: run.startedAt && Number.isFinite(firstSend) ? firstSend - run.startedAt : undefined };
}

/** Our node: a warm-up, then the median of three runs (by wall time); any run's problem counts. */
async function oursMedian(session: BenchSession, sendCase: SendCase, withKey: boolean): Promise<Figures> {
	const workflow = oursWorkflow(session, sendCase, withKey);
	const runner = `Mehery Send${withKey ? ', Idempotency Key set' : ''}`;
	await measure(session, sendCase, workflow, runner);
	const runs = [];
	for (let run = 0; run < 3; run++) runs.push(await measure(session, sendCase, workflow, runner));
	const rows = runs.map((run) => run.row);
	const middle = median(rows.map((row) => row.wallMs ?? 0));
	const picked = runs.find((run) => run.row.wallMs === middle)!;
	const worst = (key: 'twice' | 'lost') => Math.max(...rows.map((row) => row[key] ?? 0));
	// Every item's parameters are read and checked before the first send (bad input fails before any request); in
	// n8n each expression is evaluated in its engine then, so this part grows with the items, not with the provider.
	const firstSend = picked.firstSendMs === undefined ? '' : `; first send ${picked.firstSendMs} ms after the node started (every item checked first)`;
	return { ...picked.row, twice: worst('twice'), lost: worst('lost'), orderKept: rows.every((row) => row.orderKept), note: `median of 3: ${rows.map((row) => row.wallMs).join(', ')} ms${firstSend}` };
}

export async function sendCase(session: BenchSession, sendCase: SendCase): Promise<CaseResult> {
	await session.sim.client.reset();
	await session.sim.client.setLatency(sendCase.latencyMs, { provider: 'mehery' });
	await session.sim.client.setInFlightLimit(sendCase.limit, { provider: 'mehery', route: SEND_ROUTE });
	const ours = await oursMedian(session, sendCase, false);
	const withKey = await oursMedian(session, sendCase, true);
	const template = (await session.sim.client.log({ provider: 'mehery', route: SEND_ROUTE })).find((entry) => entry.status === 200)?.body;
	if (!template) throw new Error(`${sendCase.title}: our node delivered nothing to take the body from`);
	const rows = [ours, withKey];
	const variants: Array<['flood' | 'batching' | 'retry', string]> = [
		['flood', 'HTTP Request, every item at once (On Error: Continue)'],
		['batching', 'HTTP Request, Batching at its defaults (50 items / 1 s)'],
		...(sendCase.retryVariant ? [['retry', 'HTTP Request, Retry On Fail (3 tries, 1 s apart)'] as ['retry', string]] : []),
	];
	for (const [variant, runner] of variants) rows.push((await measure(session, sendCase, httpWorkflow(session, sendCase, template, variant), runner)).row);
	const ideal = (sendCase.sends * sendCase.latencyMs) / sendCase.limit;
	await session.sim.client.clearLog();
	const bodies = expected(sendCase.sends, sendCase.recipients).map((message) => ({ to: message.to, body: { ...(template as object), to: { phone: message.to }, text: { body: message.text } } }));
	await session.idle();
	const { rawMs: floorMs, helperMs } = await measureFloors(session, bodies, sendCase.limit);
	const floorRow: Figures = { runner: `Raw HTTP, no n8n: ${sendCase.limit} recipients at a time, each one's messages in order (this machine's floor)`, wallMs: Math.round(floorMs), note: `${ratio(floorMs, ideal)} the ideal ${ideal} ms; median of 3, in a fresh process` };
	const helperRow: Figures = { runner: `n8n's request helper alone, in n8n-core: the same schedule, no node logic (the floor of any n8n node)`, wallMs: Math.round(helperMs), note: `${ratio(helperMs, ideal)} the ideal ${ideal} ms; median of 3, in a fresh process` };
	const clean = (row: Figures) => row.twice === 0 && row.lost === 0 && row.orderKept === true;
	const baselines = rows.slice(2);
	rows.push(floorRow, helperRow);
	const goals: Goal[] = [
		...[ours, withKey].map((row) => ({
			goal: `${row.runner}: at most ${sendCase.maxRatio}x the ideal ${ideal} ms, 0 twice, 0 lost, order kept`,
			measured: `${row.wallMs} ms = ${ratio(row.wallMs ?? 0, ideal)}; ${row.twice} twice, ${row.lost} lost, order ${row.orderKept ? 'kept' : 'BROKEN'}; this machine's floor ${Math.round(floorMs)} ms = ${ratio(floorMs, ideal)}, n8n's request helper alone ${Math.round(helperMs)} ms = ${ratio(helperMs, ideal)}`,
			ok: (row.wallMs ?? Infinity) <= sendCase.maxRatio * ideal && clean(row),
		})),
		{
			goal: "The HTTP Request node's runs shown losing, doubling or reordering messages",
			measured: baselines.map((row) => `${row.runner.replace('HTTP Request, ', '')}: ${row.lost} lost, ${row.twice} twice, order ${row.orderKept ? 'kept' : 'broken'}`).join('; '),
			ok: baselines.every((row) => !clean(row)),
		},
	];
	return { id: sendCase.id, title: sendCase.title, rows, goals };
}
