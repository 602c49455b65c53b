/**
 * The trigger's second webhook: where a waiting node registers its wait (and cancels it when its question could
 * not be sent). Its path is static, `<trigger webhookId>/conversations` (no expression: n8n computes every webhook
 * path of a node on every delivery), found through ./publish; calls must be signed with the credential secret the
 * trigger holds. It never starts an execution.
 */
import type { IDataObject, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

import { describeIssues } from '../call';
import { BurstDesk } from '../trigger/burst';
import { SIGNATURE_HEADER, verifySignature } from './signature';
import type { RegistrationRequest } from './types';
import { MAX_WAITS, WaitBook } from './waitBook';

/** The webhook name of the endpoint (n8n allows 'default' and 'setup'; 'default' is the provider's). */
export const CONVERSATION_WEBHOOK = 'setup';

/** Its path under the trigger's webhookId, beside the provider's ('mehery', 'ctlive', 'mo'). */
export const CONVERSATION_PATH = 'conversations';

/** The description to list beside the trigger's own webhook: every field a plain value n8n reads as is. */
export const conversationWebhook: IWebhookDescription = {
	name: CONVERSATION_WEBHOOK,
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: CONVERSATION_PATH,
	ndvHideUrl: true,
};

const button = z.object({ code: z.string().optional(), name: z.string().optional(), label: z.string().optional() }).strict();
const waitSchema = z
	.object({
		id: z.string().min(1).max(300),
		conversation: z.string().min(1).max(300),
		resumeUrl: z.string().url().refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL'),
		registeredAt: z.number().finite(),
		expiresAt: z.number().finite(),
		accept: z.union([
			z.object({ kind: z.literal('any') }).strict(),
			z.object({ kind: z.literal('buttons') }).strict(),
			z.object({ kind: z.literal('pattern'), pattern: z.string().min(1).max(1000), flags: z.string().regex(/^[imsu]*$/) }).strict(),
		]),
		buttons: z.array(button).max(100),
		otherwise: z.enum(['execute', 'reprompt']),
		reprompt: z.record(z.unknown()).optional(),
	})
	.strict();
// Discriminated by action, so a refusal names the fields that are wrong.
const requestSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('wait'), wait: waitSchema }).strict(),
	z.object({ action: z.literal('cancel'), id: z.string().min(1).max(300) }).strict(),
	z.object({ action: z.literal('sync') }).strict(),
]);

/** The exact text that was signed: the raw body when n8n kept it. */
export function rawBodyText(context: IWebhookFunctions): string {
	const raw = (context.getRequestObject() as { rawBody?: Buffer }).rawBody;
	return Buffer.isBuffer(raw) && raw.length > 0 ? raw.toString('utf8') : JSON.stringify(context.getBodyData());
}

function reply(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * `secret`: the credential value both sides hold; `scope`: the trigger node (workflow + node). Every accepted call
 * also saves what this process holds for the trigger (waits, bursts being collected), which is all `sync` asks.
 */
export function receiveConversationCall(context: IWebhookFunctions, secret: string, scope: string): IWebhookResponseData {
	const text = rawBodyText(context);
	if (!secret) return reply(context, 401, { message: 'The trigger has no secret to check registrations against: complete its credential' });
	const signed = verifySignature(context.getHeaderData()[SIGNATURE_HEADER], secret, text);
	if (!signed.ok) return reply(context, 401, { message: signed.reason });
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return reply(context, 400, { message: 'The body is not JSON' });
	}
	const checked = requestSchema.safeParse(parsed);
	if (!checked.success) return reply(context, 400, { message: `Not a wait registration: ${describeIssues(checked.error, { root: '(body)', max: 5 })}` });
	const request = checked.data as RegistrationRequest | { action: 'sync' };
	const staticData = context.getWorkflowStaticData('node');
	new BurstDesk(staticData, scope, 0).save();
	const book = new WaitBook(staticData, scope);
	if (request.action === 'sync') {
		book.save();
		return reply(context, 200, { saved: true });
	}
	if (request.action === 'cancel') {
		book.cancel(request.id);
		book.save();
		return reply(context, 200, { cancelled: request.id });
	}
	const outcome = book.register(request.wait);
	book.save();
	if (outcome === 'full') return reply(context, 503, { message: `This trigger already holds ${MAX_WAITS} waiting conversations; try again when some have ended` });
	return reply(context, 200, { registered: request.wait.id, alreadyAnswered: outcome === 'done' });
}
