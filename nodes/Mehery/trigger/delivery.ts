import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from '../../shared/trigger';
import { inboundMediaObject, simplifyContactRequest, simplifyEvent, simplifyInboundMessage, simplifyStatus } from '../normalize';
import { z, type Infer } from '../../shared/trigger/zod';

/**
 * What Mehery posts to the webhook (spec: Inbound Requests). One URL receives both shapes:
 * - InBoundWrapper: `messages`, `statuses`, `events` and `actions` lists (plus `contacts`, `meta`, `type`);
 * - InBoundContact: a contact-information request (`contactId`, `channelId`, `profile`...), answered with a
 *   ContactInfoUpdate.
 * Only what we rely on is checked; everything else passes through into `raw`.
 */

const id = z.union([z.string().min(1), z.number()]);

const inboundMessage = z.object({ id, type: z.string().nullish(), timestamp: z.union([z.number(), z.string()]).nullish() }).passthrough();
const inboundStatus = z.object({ id, status: z.string().min(1), timestamp: z.union([z.number(), z.string()]).nullish() }).passthrough();
const inboundEvent = z.object({ eventCode: z.string().min(1), eventId: id.nullish() }).passthrough();
const inboundAction = z.object({ actionCode: z.string().min(1) }).passthrough();
const inboundContact = z.object({ contactId: id, channelId: z.string().nullish() }).passthrough();

const EXPECTED = 'expected an InBoundWrapper (messages, statuses, events or actions) or an InBoundContact (contactId, channelId)';

const wrapper = z
	.object({
		type: z.string().nullish(),
		messages: z.array(inboundMessage).nullish(),
		statuses: z.array(inboundStatus).nullish(),
		events: z.array(inboundEvent).nullish(),
		actions: z.array(inboundAction).nullish(),
		contacts: z.array(z.object({}).passthrough()).nullish(),
	})
	.passthrough()
	.refine((body) => ['messages', 'statuses', 'events', 'actions'].some((list) => list in body), { message: EXPECTED });

// `errorMap` is zod 3's way, `message` zod 4's (see ../../shared/trigger/zod.ts).
export const deliverySchema = z.union([wrapper, inboundContact], { errorMap: () => ({ message: EXPECTED }), message: EXPECTED });
export type MeheryDelivery = Infer<typeof deliverySchema>;

export const EVENT_KINDS = ['message', 'status', 'event', 'action', 'contactInfo'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const isContactRequest = (body: MeheryDelivery): body is Infer<typeof inboundContact> => !('messages' in body || 'statuses' in body || 'events' in body || 'actions' in body);

type Raw = Record<string, unknown>;

/** `notification` says what each item is, so one Switch on it routes a workflow, with Simplify on or off. */
const tagged = (kind: EventKind, simplified: object): IDataObject => ({ notification: kind, ...(simplified as IDataObject) });

function mediaOf(message: Raw): TriggerEvent['media'] {
	const media = inboundMediaObject(message);
	const url = media?.linkSecure || media?.link;
	if (!media || typeof url !== 'string') return undefined;
	return {
		url,
		mimeType: typeof media.mime_type === 'string' ? media.mime_type : undefined,
		fileName: typeof media.filename === 'string' ? media.filename : undefined,
	};
}

/**
 * One event per message, status, session event, action or contact request. Ids for duplicate detection are
 * scoped by kind; a status id includes its code, because one message legitimately reports SENT, DLVRD, READ.
 */
export function splitDelivery(body: MeheryDelivery): TriggerEvent[] {
	if (isContactRequest(body)) {
		return [{ kind: 'contactInfo', raw: tagged('contactInfo', body), simplified: tagged('contactInfo', simplifyContactRequest(body)) }];
	}
	const contacts = (body.contacts ?? []) as Raw[];
	return [
		...(body.messages ?? []).map(
			(message): TriggerEvent => ({
				kind: 'message',
				id: `message:${String(message.id)}`,
				raw: tagged('message', message),
				media: mediaOf(message),
				simplified: tagged('message', simplifyInboundMessage(message, contacts)),
			}),
		),
		...(body.statuses ?? []).map(
			(status): TriggerEvent => ({
				kind: 'status',
				id: `status:${String(status.id)}:${status.status}`,
				raw: tagged('status', status),
				simplified: tagged('status', simplifyStatus(status)),
			}),
		),
		...(body.events ?? []).map(
			(event): TriggerEvent => ({
				kind: 'event',
				id: event.eventId === undefined || event.eventId === null ? undefined : `event:${String(event.eventId)}`,
				raw: tagged('event', event),
				simplified: tagged('event', simplifyEvent(event)),
			}),
		),
		...(body.actions ?? []).map(
			(action): TriggerEvent => ({ kind: 'action', raw: tagged('action', action), simplified: tagged('action', { provider: 'mehery', action: action.actionCode, raw: action as IDataObject }) }),
		),
	];
}

/** The code an event is filtered on: the status code of a status, the event code of a session event. */
export function codeOf(event: TriggerEvent): string | undefined {
	if (event.kind === 'status') return String((event.raw as Raw).status);
	if (event.kind === 'event') return String((event.raw as Raw).eventCode);
	return undefined;
}
