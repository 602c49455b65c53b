/**
 * The one `webhook()` of every chat trigger. A provider's trigger says how its deliveries are authenticated,
 * what they look like (zod), how one delivery splits into events and what the provider expects as an answer;
 * this core does the rest in a fixed order:
 *   auth (401, no execution) -> body check (400, no execution) -> split -> the user's event filter ->
 *   duplicate ids dropped -> answer -> bursts combined (optional) -> replies handed to waiting executions
 *   (optional) -> media downloads -> items.
 * Filtered-out events and duplicates are answered like any other (the provider must stop retrying) but start no
 * execution. The answer is written before anything slow (bursts, hand-overs, downloads), so providers that retry
 * slow answers are served fast.
 */
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { z } from 'zod';

import { routeReplies, type ConversationRouting } from '../conversation/route';
import { claimIds, refreshIds, type ClaimOptions } from '../dedupe';
import { verifyWebhookAuth, type WebhookAuth } from './auth';
import { readDelivery } from './body';
import { persistNow } from './persist';
import { BurstDesk } from './burst';
import type { MediaDownloadOptions, MediaToDownload } from './media';
import { burst, single, unitItem, type Unit } from './units';

/** One thing a delivery reports: a message, a status update, a session event... */
export interface TriggerEvent {
	/** The provider's category, matched against the user's selection (e.g. 'message', 'status'). */
	kind: string;
	/** Provider id for duplicate detection; undefined: never deduplicated. */
	id?: string;
	/** The item emitted with Simplify on (usually the normalized chat message). */
	simplified: IDataObject;
	/** The item emitted with Simplify off: the provider's own payload for this event. */
	raw: IDataObject;
	/** Media to download into binary data when the user asked for it. */
	media?: MediaToDownload;
}

export interface WebhookAnswer {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface DeliverySummary<Body> {
	body: Body;
	/** Every event of the delivery, in order. */
	events: TriggerEvent[];
	/** The events accepted for the workflow (selected and not seen before). */
	emitted: TriggerEvent[];
}

export interface CombineSpec {
	/** The quiet period, in milliseconds. */
	windowMs: number;
	/** Who sent a customer message; undefined for events that are not combined (statuses, agent actions...). */
	senderOf(event: TriggerEvent): string | undefined;
}

export interface WebhookTriggerSpec<S extends z.ZodTypeAny> {
	/** Display name, for messages ("Not a Mehery delivery: ..."). */
	provider: string;
	auth: WebhookAuth;
	schema: S;
	split: (body: z.infer<S>) => TriggerEvent[];
	/** The user's filter; events it rejects are answered and dropped. Default: all. */
	accept?: (event: TriggerEvent) => boolean;
	/** The provider's expected answer to an accepted delivery. Default 200 `{ received, started }`. */
	answer?: (summary: DeliverySummary<z.infer<S>>) => WebhookAnswer;
	/** Default true. */
	simplify?: boolean;
	/** Set to download events' media into binary property `data`. */
	media?: MediaDownloadOptions;
	/**
	 * Leave the answer to the workflow (the webhook's response mode must then wait for it); nothing is written here
	 * when the delivery starts an execution. A function decides per delivery (e.g. only requests that need data).
	 */
	respondFromWorkflow?: boolean | ((summary: DeliverySummary<z.infer<S>>) => boolean);
	/** Default on: the last 1000 ids, static data written at most every 5 s (see claimIds). `false`: off. */
	dedupe?: Pick<ClaimOptions, 'max' | 'key' | 'persistEveryMs'> | false;
	/** "Combine Messages Sent Within": off when absent. */
	combine?: CombineSpec;
	/** Customer messages that answer a waiting "Send and Wait for Reply" resume it instead of starting anything. */
	conversations?: ConversationRouting;
	/** Signs the trigger's call to its own endpoint that saves a new burst at once (see persist.ts). */
	endpointSecret?: string;
}

function reply(context: IWebhookFunctions, answer: WebhookAnswer): void {
	const response = context.getResponseObject();
	for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
	response.status(answer.status ?? 200);
	if (answer.body === undefined) response.end();
	else if (typeof answer.body === 'string') response.send(answer.body);
	else response.json(answer.body);
}

/** The trigger node in this workflow and mode: what its memories (ids, waits, bursts) are kept under. */
export function triggerScope(context: IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}\u0000${context.getMode()}`;
}

function freshEvents(context: IWebhookFunctions, events: TriggerEvent[], dedupe: WebhookTriggerSpec<z.ZodTypeAny>['dedupe']): TriggerEvent[] {
	if (dedupe === false) return events;
	const isNew = claimIds(context.getWorkflowStaticData('node'), triggerScope(context), events.map((event) => event.id), dedupe);
	return events.filter((_, index) => isNew[index]);
}

/** Each event alone, or (combining) messages into their senders' bursts, which this call may have to collect. */
async function unitsOf(context: IWebhookFunctions, spec: Pick<WebhookTriggerSpec<z.ZodTypeAny>, 'combine' | 'endpointSecret'>, emitted: TriggerEvent[]): Promise<Unit[]> {
	if (!spec.combine) return emitted.map(single);
	const staticData = context.getWorkflowStaticData('node');
	const desk = new BurstDesk(staticData, triggerScope(context), spec.combine.windowMs);
	const others: Unit[] = [];
	const messages: Array<{ sender: string; event: TriggerEvent }> = [];
	for (const event of emitted) {
		const sender = spec.combine.senderOf(event);
		if (sender === undefined) others.push(single(event));
		else messages.push({ sender, event });
	}
	const opened = desk.join(messages);
	const orphans = desk.adoptOrphans();
	desk.save();
	if (opened.length > 0) {
		// Saved now by a call of our own, not only when this long call ends: a restart meanwhile keeps the burst.
		if (spec.endpointSecret) await persistNow(context, spec.endpointSecret);
		await desk.untilQuiet(opened);
	}
	const bursts = [...orphans, ...desk.take(opened)];
	desk.save();
	return [...others, ...bursts.map((collected) => burst(collected.events))];
}

export async function receiveWebhook<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>): Promise<IWebhookResponseData> {
	const auth = verifyWebhookAuth(context, spec.auth);
	if (!auth.ok) {
		reply(context, { status: 401, body: { message: auth.reason }, headers: auth.headers });
		return { noWebhookResponse: true };
	}
	const delivery = readDelivery(context, spec.schema, spec.provider);
	if (!delivery.ok) {
		reply(context, { status: 400, body: { message: delivery.reason } });
		return { noWebhookResponse: true };
	}
	const events = spec.split(delivery.body);
	const emitted = freshEvents(context, events.filter((event) => spec.accept?.(event) ?? true), spec.dedupe);
	const summary = { body: delivery.body, events, emitted };
	const answer = spec.answer?.(summary) ?? { body: { received: events.length, started: emitted.length } };
	const workflowAnswers = typeof spec.respondFromWorkflow === 'function' ? spec.respondFromWorkflow(summary) : spec.respondFromWorkflow === true;
	if (emitted.length === 0 || !workflowAnswers) reply(context, answer);
	// Without combining, nothing new means nothing to do; with it, this call may still take over a cut-off burst.
	if (emitted.length === 0 && !spec.combine) return { noWebhookResponse: true };

	const scope = triggerScope(context);
	let units = await unitsOf(context, spec, emitted);
	if (spec.conversations && units.length > 0) units = await routeReplies(context, spec.conversations, scope, units);
	if (spec.combine && spec.dedupe !== false) refreshIds(context.getWorkflowStaticData('node'), scope, spec.dedupe);
	if (units.length === 0) return { noWebhookResponse: true };

	const items: INodeExecutionData[] = [];
	// One at a time: a batch of a thousand messages must not open a thousand downloads at once.
	for (const unit of units) items.push(await unitItem(context, unit, spec.simplify !== false, spec.media));
	return workflowAnswers ? { workflowData: [items] } : { workflowData: [items], noWebhookResponse: true };
}
