/**
 * The one `webhook()` of every chat trigger. A provider's trigger says how its deliveries are authenticated,
 * what they look like (zod), how one delivery splits into events and what the provider expects as an answer;
 * this core does the rest in a fixed order:
 *   auth (401, no execution) -> body check (400, no execution) -> split -> the user's event filter ->
 *   duplicate ids dropped -> answer -> media downloads -> items.
 * Filtered-out events and duplicates are answered like any other (the provider must stop retrying) but start no
 * execution. The answer is written before media downloads, so providers that retry slow answers are served fast.
 */
import type { IBinaryKeyData, IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { z } from 'zod';

import { claimIds, type ClaimOptions } from '../dedupe';
import { verifyWebhookAuth, type WebhookAuth } from './auth';
import { readDelivery } from './body';
import { downloadMedia, type MediaDownloadOptions, type MediaToDownload } from './media';

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
}

function reply(context: IWebhookFunctions, answer: WebhookAnswer): void {
	const response = context.getResponseObject();
	for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
	response.status(answer.status ?? 200);
	if (answer.body === undefined) response.end();
	else if (typeof answer.body === 'string') response.send(answer.body);
	else response.json(answer.body);
}

function scopeOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}\u0000${context.getMode()}`;
}

function freshEvents(context: IWebhookFunctions, events: TriggerEvent[], dedupe: WebhookTriggerSpec<z.ZodTypeAny>['dedupe']): TriggerEvent[] {
	if (dedupe === false) return events;
	const isNew = claimIds(context.getWorkflowStaticData('node'), scopeOf(context), events.map((event) => event.id), dedupe);
	return events.filter((_, index) => isNew[index]);
}

async function toItem(context: IWebhookFunctions, event: TriggerEvent, spec: Pick<WebhookTriggerSpec<z.ZodTypeAny>, 'simplify' | 'media'>): Promise<INodeExecutionData> {
	const json = { ...(spec.simplify === false ? event.raw : event.simplified) };
	if (!spec.media || !event.media) return { json };
	try {
		const binary: IBinaryKeyData = { data: await downloadMedia(context, event.media, spec.media) };
		return { json, binary };
	} catch (error) {
		return { json: { ...json, mediaError: (error as Error).message } };
	}
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
	if (emitted.length === 0) return { noWebhookResponse: true };
	const items: INodeExecutionData[] = [];
	// One at a time: a batch of a thousand messages must not open a thousand downloads at once.
	for (const event of emitted) items.push(await toItem(context, event, spec));
	return workflowAnswers ? { workflowData: [items] } : { workflowData: [items], noWebhookResponse: true };
}
