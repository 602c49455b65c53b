/**
 * The one `webhook()` of every chat trigger. A provider's trigger says how its deliveries are authenticated,
 * what they look like (zod), how one delivery splits into events and what the provider expects as an answer;
 * this core does the rest in a fixed order:
 *   auth (401, no execution) -> body check (400, no execution) -> split -> the user's event filter ->
 *   duplicates dropped -> answer -> bursts combined (optional) -> replies handed to waiting executions (optional)
 *   -> media downloads -> items.
 * Filtered-out events and duplicates are answered at once like any other (the provider must stop retrying) but
 * start no execution. A delivery that starts an execution is answered by n8n, after it stored and started the
 * execution (as n8n's own Webhook node, "Respond: Immediately", is): a 200 then means the execution exists, and
 * when n8n cannot start it (its database overloaded) the provider gets an error status and retries, and its
 * retry is not taken for a duplicate. A delivery with something slow before its execution (media downloads, a
 * burst being combined, a reply handed to a waiting execution) is answered before it instead, so providers that
 * retry slow answers are served fast. Nothing here depends on the caller still listening: a delivery that passed
 * auth and the body check starts its execution even when the caller has gone away.
 */
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { z } from 'zod';

import { deliverReplies, hasReplies, planReplies, type ConversationRouting, type ReplyPlan } from '../conversation/route';
import { refreshKeys, type Claim } from '../dedupe';
import { verifyWebhookAuth, type WebhookAuth } from './auth';
import { readDelivery } from './body';
import { claimWhenSettled, scopeOf, type IdDedupe, type PayloadDedupe } from './claims';
import { collectBursts } from './combine';
import { credentialAuth, type CredentialAuth } from './credentialAuth';
import type { MediaDownloadOptions, MediaToDownload } from './media';
import { single, unitItem, unitJson, type Unit } from './units';
import { settleOnAnswer } from './verdict';

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
	/** The check itself, or how to build it from the node's credential (read at most every 2 s: ./credentialAuth). */
	auth: WebhookAuth | CredentialAuth<never>;
	schema: S;
	/** `remembered`: with `resends`, the values the payload's first delivery was answered with, or new ones. */
	split: (body: z.infer<S>, remembered?: string[]) => TriggerEvent[];
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
	/**
	 * The response mode n8n resolves for the node's webhook; default 'onReceived'. In 'lastNode' mode n8n would
	 * answer with the workflow's output, so the trigger answers the deliveries it does not leave to the workflow
	 * itself, before the execution is stored.
	 */
	responseMode?: 'onReceived' | 'lastNode';
	/** Duplicate events by id. Default on: the last 1000 ids of the node (../dedupe). `false`: off. */
	dedupe?: IdDedupe;
	/** Duplicate deliveries by payload, for providers whose calls carry no id; replaces `dedupe`. */
	resends?: PayloadDedupe<z.infer<S>>;
	/** "Combine Messages Sent Within": off when absent. */
	combine?: CombineSpec;
	/** Customer messages that answer a waiting "Send and Wait for Reply" resume it instead of starting anything. */
	conversations?: ConversationRouting;
	/** Signs the trigger's call to its own endpoint that saves a new burst at once (./persist). Read only then. */
	endpointSecret?: () => Promise<string>;
}

/** The trigger node in this workflow and mode: what its memories (ids, waits, bursts) are kept under. */
export const triggerScope = scopeOf;

function reply(context: IWebhookFunctions, answer: WebhookAnswer): void {
	const response = context.getResponseObject();
	for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
	response.status(answer.status ?? 200);
	if (answer.body === undefined) response.end();
	else if (typeof answer.body === 'string') response.send(answer.body);
	else response.json(answer.body);
}

interface Selection {
	events: TriggerEvent[];
	/** The events that start the execution. */
	emitted: TriggerEvent[];
	claim?: Claim;
}

/** Splits, filters and drops what was seen; undefined when the caller went away while an earlier try was pending. */
async function select<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>, body: z.infer<S>): Promise<Selection | undefined> {
	const accepted = (events: TriggerEvent[]) => events.filter((event) => spec.accept?.(event) ?? true);
	if (spec.resends) {
		const { keyOf, values, ...options } = spec.resends;
		const claim = await claimWhenSettled(context, [keyOf(body)], options, () => values(body));
		if (!claim) return undefined;
		const events = spec.split(body, claim.values[0]);
		return { events, emitted: claim.isNew[0] ? accepted(events) : [], claim };
	}
	const events = spec.split(body);
	const candidates = accepted(events);
	if (spec.dedupe === false) return { events, emitted: candidates };
	const claim = await claimWhenSettled(context, candidates.map((event) => event.id), spec.dedupe ?? {});
	if (!claim) return undefined;
	return { events, emitted: candidates.filter((_, index) => claim.isNew[index]), claim };
}

interface Answering {
	answer: WebhookAnswer;
	workflowAnswers: boolean;
	claim?: Claim;
}

/** The execution of `units`, answered by n8n once it is stored when nothing slow comes first (see above). */
async function start<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>, units: Unit[], { answer, workflowAnswers, claim }: Answering): Promise<IWebhookResponseData> {
	if (units.length === 0) {
		reply(context, answer);
		return { noWebhookResponse: true };
	}
	const simplify = spec.simplify !== false;
	const downloads = spec.media !== undefined && units.some((unit) => unit.events.some((event) => event.media));
	const n8nAnswers = !workflowAnswers && !downloads && spec.responseMode !== 'lastNode' && (answer.status ?? 200) === 200 && !answer.headers && answer.body !== undefined;
	if (n8nAnswers) {
		// n8n answers 200 with this body once the execution is stored and started, an error status if it cannot.
		if (claim) settleOnAnswer(context, claim.settle);
		return { workflowData: [units.map((unit) => ({ json: unitJson(unit, simplify) }))], webhookResponse: answer.body };
	}
	claim?.settle(true);
	if (!workflowAnswers) reply(context, answer);
	return await itemsOf(context, spec, units, workflowAnswers);
}

async function itemsOf<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>, units: Unit[], workflowAnswers: boolean): Promise<IWebhookResponseData> {
	const items: INodeExecutionData[] = [];
	// One at a time: a batch of a thousand messages must not open a thousand downloads at once.
	for (const unit of units) items.push(await unitItem(context, unit, spec.simplify !== false, spec.media));
	return workflowAnswers ? { workflowData: [items] } : { workflowData: [items], noWebhookResponse: true };
}

/** What a delivery waits for before its execution: its messages' bursts, or the replies it hands over. */
type Pending = { bursts: TriggerEvent[] } | { plan: ReplyPlan };

/**
 * Bursts and replies to waiting executions: the provider is answered at once, and this call sees the delivery's
 * messages through (into a burst's execution, a waiting execution, or an execution of their own). What a restart
 * meanwhile does: README "Conversations".
 */
async function converse<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>, pending: Pending, answering: Answering): Promise<IWebhookResponseData> {
	answering.claim?.settle(true);
	if (!answering.workflowAnswers) reply(context, answering.answer);
	const scope = scopeOf(context);
	let starting: Unit[];
	if ('plan' in pending) {
		starting = await deliverReplies(context, spec.conversations!, pending.plan);
	} else {
		starting = await collectBursts(context, spec.combine!, scope, pending.bursts, spec.endpointSecret);
		if (spec.conversations && starting.length > 0) starting = await deliverReplies(context, spec.conversations, planReplies(context, spec.conversations, scope, starting));
	}
	// This call's copy of static data is as old as the call: it must not put back the ids remembered then.
	const staticData = context.getWorkflowStaticData('node');
	if (spec.resends) refreshKeys(staticData, scope, spec.resends, true);
	else if (spec.dedupe !== false) refreshKeys(staticData, scope, spec.dedupe);
	if (starting.length === 0) {
		if (answering.workflowAnswers) reply(context, answering.answer);
		return { noWebhookResponse: true };
	}
	return await itemsOf(context, spec, starting, answering.workflowAnswers);
}

export async function receiveWebhook<S extends z.ZodTypeAny>(context: IWebhookFunctions, spec: WebhookTriggerSpec<S>): Promise<IWebhookResponseData> {
	const auth = verifyWebhookAuth(context, 'credential' in spec.auth ? await credentialAuth(context, spec.auth) : spec.auth);
	if (!auth.ok) {
		reply(context, { status: 401, body: { message: auth.reason }, headers: auth.headers });
		return { noWebhookResponse: true };
	}
	const delivery = readDelivery(context, spec.schema, spec.provider);
	if (!delivery.ok) {
		reply(context, { status: 400, body: { message: delivery.reason } });
		return { noWebhookResponse: true };
	}
	const selection = await select(context, spec, delivery.body);
	if (!selection) return { noWebhookResponse: true };
	const { events, emitted, claim } = selection;
	const summary = { body: delivery.body, events, emitted };
	const answer = spec.answer?.(summary) ?? { body: { received: events.length, started: emitted.length } };
	const workflowAnswers = typeof spec.respondFromWorkflow === 'function' ? spec.respondFromWorkflow(summary) : spec.respondFromWorkflow === true;
	const answering = { answer, workflowAnswers, claim };
	// Combining: messages join their senders' bursts; a call with nothing new may still take over a cut-off burst.
	const { combine, conversations } = spec;
	if (combine && (emitted.length === 0 || emitted.some((event) => combine.senderOf(event) !== undefined))) return await converse(context, spec, { bursts: emitted }, answering);
	const units = emitted.map(single);
	const plan = conversations && units.length > 0 ? planReplies(context, conversations, scopeOf(context), units) : undefined;
	if (plan && hasReplies(plan)) return await converse(context, spec, { plan }, answering);
	return await start(context, spec, units, answering);
}
