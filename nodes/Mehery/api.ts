import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods, ILoadOptionsFunctions, IWebhookFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { meheryApiUrl } from './endpoint';
import { callProvider } from '../shared/call';
import { providerCredentials } from '../shared/credentials';
import type { RequestKind } from '../shared/request';

export const PROVIDER = 'Mehery XMS';
export const CREDENTIAL_TYPE = 'meheryXmsApi';

/**
 * Schemas of Mehery's answers (spec: Schemas). Only what we use is checked, everything else passes through, so
 * raw output loses nothing. The spec's examples write phone-like strings as numbers: both are accepted.
 */
const text = z.union([z.string(), z.number()]);

export const channelSchema = z
	.object({ channelId: z.string().min(1), contactType: z.string().nullish(), lane: text.nullish(), name: z.string().nullish() })
	.passthrough();
export type MeheryChannel = z.infer<typeof channelSchema> & IDataObject;

export const templateSchema = z
	.object({
		id: z.string().min(1),
		code: z.string().nullish(),
		name: z.string().nullish(),
		lang: z.string().nullish(),
		approved: z.array(z.object({ channelId: z.string().nullish(), status: z.string().nullish() }).passthrough()).nullish(),
	})
	.passthrough();
export type MeheryTemplate = z.infer<typeof templateSchema> & IDataObject;

export const attachmentSchema = z
	.object({
		mediaType: z.string().nullish(),
		mediaURL: z.string().nullish(),
		mediaSrc: z.string().nullish(),
		mediaCaption: z.string().nullish(),
		mediaMimeType: z.string().nullish(),
		mediaName: z.string().nullish(),
	})
	.passthrough();

export const chatMessageDtoSchema = z
	.object({
		messageId: text.nullish(),
		messageIdExt: text.nullish(),
		sessionId: z.string().nullish(),
		type: z.string().nullish(),
		text: z.string().nullish(),
		sender: z.string().nullish(),
		name: z.string().nullish(),
		timestamp: z.number().nullish(),
		attachments: z.array(attachmentSchema).nullish(),
		contact: z
			.object({ contactId: z.string().nullish(), phone: text.nullish(), name: z.string().nullish(), lane: text.nullish(), email: z.string().nullish() })
			.passthrough()
			.nullish(),
	})
	.passthrough();
export type MeheryChatMessage = z.infer<typeof chatMessageDtoSchema> & IDataObject;

/** ApiResultsMetaCompactResponse: the list is in `results`. */
export const resultsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ results: z.array(item).nullish() }).passthrough();
/** ApiResponse: one `data`, and the same or a whole list in `results`. */
export const dataOf = <T extends z.ZodTypeAny>(item: T) =>
	z.object({ data: item.nullish(), results: z.array(item).nullish() }).passthrough();

export const receiptSchema = dataOf(z.object({ id: text }).passthrough()).refine((answer) => answer.data?.id !== undefined, {
	message: 'the answer has no receipt id (data.id)',
});
export const anyObject = z.object({}).passthrough();

export type MeheryContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface MeheryCall {
	method: IHttpRequestMethods;
	/** Relative to /api/v1, e.g. '/message/send'. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** 'send' for calls that deliver a message: never repeated after an ambiguous failure. */
	kind?: RequestKind;
	itemIndex?: number;
}

/** The credential's API root, e.g. https://api.mehery.xyz/xms/api/v1. */
export async function meheryApiRoot(context: MeheryContext, itemIndex?: number): Promise<string> {
	const { baseUrl } = await providerCredentials(context, CREDENTIAL_TYPE, itemIndex);
	return meheryApiUrl(baseUrl);
}

/** One call to Mehery, its answer checked against `schema` (`what` names the shape in the error). */
export async function meheryRequest<T extends z.ZodTypeAny>(
	context: MeheryContext,
	call: MeheryCall,
	schema: T,
	what: string,
): Promise<z.infer<T>> {
	return await callProvider(
		context,
		{ method: call.method, url: `${await meheryApiRoot(context, call.itemIndex)}${call.path}`, qs: call.qs, body: call.body },
		{ provider: PROVIDER, credentialType: CREDENTIAL_TYPE, kind: call.kind ?? 'read', itemIndex: call.itemIndex, schema, expected: what },
	);
}

/** The results list of an ApiResultsMetaCompactResponse or ApiResponse answer (a lone `data` counts as one). */
export function resultList<T>(answer: { results?: T[] | null; data?: T | null }): T[] {
	if (answer.results) return answer.results;
	return answer.data ? [answer.data] : [];
}

/** GET /config/channels. The spec names the parameter `sabdnox` but describes `sandbox`: both are sent. */
export async function listChannels(context: MeheryContext, sandbox: boolean, itemIndex?: number): Promise<MeheryChannel[]> {
	const qs = sandbox ? { sandbox: true, sabdnox: true } : undefined;
	const answer = await meheryRequest(context, { method: 'GET', path: '/config/channels', qs, itemIndex }, resultsOf(channelSchema), 'channel list');
	return resultList(answer) as MeheryChannel[];
}

/**
 * Every channel, sandbox ones marked `sandbox: true` and live ones `sandbox: false`. Mehery's channel object has no
 * such flag, so the sandbox ones are those the list with sandbox channels adds to the list without them.
 */
export async function listChannelsMarked(context: MeheryContext, itemIndex?: number): Promise<MeheryChannel[]> {
	const [live, all] = await Promise.all([listChannels(context, false, itemIndex), listChannels(context, true, itemIndex)]);
	const liveIds = new Set(live.map((channel) => channel.channelId));
	return all.map((channel) => ({ ...channel, sandbox: !liveIds.has(channel.channelId) }));
}

/** GET /config/tmpl/hsm, optionally only templates with `channelStatus` on `channelId`. */
export async function listTemplates(
	context: MeheryContext,
	filter: { channelId?: string; channelStatus?: string },
	itemIndex?: number,
): Promise<MeheryTemplate[]> {
	const qs: IDataObject = {};
	if (filter.channelId) qs.channelId = filter.channelId;
	if (filter.channelStatus) qs.channelStatus = filter.channelStatus;
	const answer = await meheryRequest(context, { method: 'GET', path: '/config/tmpl/hsm', qs, itemIndex }, dataOf(templateSchema), 'template list');
	return resultList(answer) as MeheryTemplate[];
}

/** InBoundEvent, as session and contact calls answer (ApiResultsMetaCompactResponse of InBoundEvent). */
export const inboundEventSchema = z.object({ eventCode: z.string().nullish(), sessionId: z.string().nullish() }).passthrough();
export const eventResults = resultsOf(inboundEventSchema);
