/**
 * How a waiting node stops, and how it goes on. It waits with n8n's own mechanism: `putExecutionToWait` and a
 * restart webhook (served at the execution's resume URL, which carries n8n's token). Then either:
 * - the trigger posts the reply there: `webhook()` checks our signature and returns the reply, which n8n passes on
 *   as the node's outputs (all of them: Reply gets the reply, No Reply nothing); or
 * - the time limit passes: n8n re-enters the node disabled, so no node code runs, and passes on its input. The
 *   node therefore sets that input, before it waits, to nothing on Reply and the "no reply" item on No Reply.
 */
import type { IExecuteFunctions, INodeExecutionData, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

import { rawBodyText } from './endpoint';
import { SIGNATURE_HEADER, verifySignature } from './signature';

/** The waiting node's restart webhook (a shared constant: n8n-nodes-base describes send-and-wait the same way). */
export const REPLY_WEBHOOKS: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '', restartWebhook: true, ndvHideUrl: true },
];

/** Outputs of a node with a waiting operation: Reply and No Reply for it, one output for every other one. */
export function replyOutputs(operation: string): `={{${string}}}` {
	return `={{ $parameter.operation === "${operation}" ? [{ "type": "main", "displayName": "Reply" }, { "type": "main", "displayName": "No Reply" }] : ["main"] }}`;
}

/** Makes the time limit continue on No Reply with `noReply` items (see above), and waits until `until`. */
export async function waitForReply(context: IExecuteFunctions, until: Date, noReply: INodeExecutionData[]): Promise<void> {
	context.setMetadata({ forwardAllOutputs: true });
	const entry = context.getExecuteData();
	entry.data.main = [[], noReply];
	// n8n marks forwarded items as coming from "input 1": that input's source is the real input's, so that
	// expressions like $('Trigger').item still find the item's origin on No Reply.
	const source = entry.source?.main?.[0];
	if (entry.source && source) entry.source.main[1] = source;
	await context.putExecutionToWait(until);
}

const resumeSchema = z.object({ waitId: z.string().min(1), reply: z.record(z.unknown()) }).strict();

/** The restart webhook: a signed reply from our trigger becomes the Reply output. */
export function receiveReply(context: IWebhookFunctions, secret: string): IWebhookResponseData {
	const refuse = (status: number, message: string): IWebhookResponseData => {
		context.getResponseObject().status(status).json({ message });
		return { noWebhookResponse: true };
	};
	const text = rawBodyText(context);
	const signed = verifySignature(context.getHeaderData()[SIGNATURE_HEADER], secret, text);
	if (!signed.ok) return refuse(401, signed.reason);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return refuse(400, 'The body is not JSON');
	}
	const body = resumeSchema.safeParse(parsed);
	if (!body.success) return refuse(400, 'Not a reply from a chat trigger: expected { waitId, reply }');
	const json = { ...body.data.reply, waitId: body.data.waitId } as INodeExecutionData['json'];
	return { workflowData: [[{ json, pairedItem: { item: 0 } }], []] };
}
