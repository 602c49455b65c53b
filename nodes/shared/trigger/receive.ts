/**
 * The one `webhook()` of every chat trigger. A provider's trigger says how its deliveries are authenticated,
 * what they look like (zod), how one delivery splits into events and what the provider expects as an answer;
 * this core does the rest in a fixed order:
 *   auth (401, no execution) -> body check (400, no execution) -> split -> the user's event filter ->
 *   duplicates dropped -> answer -> media downloads -> items.
 * Filtered-out events and duplicates are answered at once like any other (the provider must stop retrying) but
 * start no execution. A delivery that starts an execution is answered by n8n, after it stored and started the
 * execution (as n8n's own Webhook node, "Respond: Immediately", is): a 200 then means the execution exists, and
 * when n8n cannot start it (its database overloaded) the provider gets an error status and retries, and its
 * retry is not taken for a duplicate. With media downloads on, the answer goes out before them instead, so
 * providers that retry slow answers are served fast. Nothing here depends on the caller still listening: a
 * delivery that passed auth and the body check starts its execution even when the caller has gone away.
 */
import type { IBinaryKeyData, IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { z } from 'zod';

import type { Claim } from '../dedupe';
import { verifyWebhookAuth, type WebhookAuth } from './auth';
import { readDelivery } from './body';
import { claimWhenSettled, type IdDedupe, type PayloadDedupe } from './claims';
import { credentialAuth, type CredentialAuth } from './credentialAuth';
import { downloadMedia, type MediaDownloadOptions, type MediaToDownload } from './media';
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
	/** The events that start the execution (selected and not seen before). */
	emitted: TriggerEvent[];
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
}

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

const itemOf = (event: TriggerEvent, spec: Pick<WebhookTriggerSpec<z.ZodTypeAny>, 'simplify'>): INodeExecutionData => ({
	json: { ...(spec.simplify === false ? event.raw : event.simplified) },
});

async function toItem(context: IWebhookFunctions, event: TriggerEvent, spec: Pick<WebhookTriggerSpec<z.ZodTypeAny>, 'simplify' | 'media'>): Promise<INodeExecutionData> {
	const { json } = itemOf(event, spec);
	if (!spec.media || !event.media) return { json };
	try {
		const binary: IBinaryKeyData = { data: await downloadMedia(context, event.media, spec.media) };
		return { json, binary };
	} catch (error) {
		return { json: { ...json, mediaError: (error as Error).message } };
	}
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
	if (emitted.length === 0) {
		reply(context, answer);
		return { noWebhookResponse: true };
	}
	const workflowAnswers = typeof spec.respondFromWorkflow === 'function' ? spec.respondFromWorkflow(summary) : spec.respondFromWorkflow === true;
	const downloads = spec.media !== undefined && emitted.some((event) => event.media);
	const n8nAnswers = !workflowAnswers && !downloads && spec.responseMode !== 'lastNode' && (answer.status ?? 200) === 200 && !answer.headers && answer.body !== undefined;
	if (n8nAnswers) {
		// n8n answers 200 with this body once the execution is stored and started, an error status if it cannot.
		if (claim) settleOnAnswer(context, claim.settle);
		return { workflowData: [emitted.map((event) => itemOf(event, spec))], webhookResponse: answer.body };
	}
	claim?.settle(true);
	if (!workflowAnswers) reply(context, answer);
	const items: INodeExecutionData[] = [];
	// One at a time: a batch of a thousand messages must not open a thousand downloads at once.
	for (const event of emitted) items.push(await toItem(context, event, spec));
	return workflowAnswers ? { workflowData: [items] } : { workflowData: [items], noWebhookResponse: true };
}
