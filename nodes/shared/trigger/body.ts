/**
 * Reads and checks a delivery's body. n8n has parsed JSON, form and text bodies before `webhook()` runs (an
 * unparseable body declared as `application/json` is refused by n8n itself with 422, before any node runs); a
 * provider that sends JSON under another content type leaves only the raw bytes, which are parsed here.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { describeIssues } from '../call';

export type DeliveryCheck<T> = { ok: true; body: T } | { ok: false; reason: string };

const MAX_PROBLEMS = 5;

function rawText(context: IWebhookFunctions): string | undefined {
	const raw = (context.getRequestObject() as { rawBody?: Buffer }).rawBody;
	return Buffer.isBuffer(raw) && raw.length > 0 ? raw.toString('utf8').replace(/^\uFEFF/, '') : undefined;
}

function isEmptyObject(value: unknown): boolean {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** The body as JSON, whatever content type it came with; undefined when it is not JSON. */
function bodyAsJson(context: IWebhookFunctions): { json: unknown } | undefined {
	const parsed: unknown = context.getBodyData();
	const text = rawText(context);
	if (typeof parsed === 'string' || (isEmptyObject(parsed) && text !== undefined)) {
		try {
			return { json: JSON.parse(typeof parsed === 'string' ? parsed : (text as string)) };
		} catch {
			return undefined;
		}
	}
	return { json: parsed };
}

/** Parses the body and checks it against the provider's schema; the reason lists what is wrong. */
export function readDelivery<S extends z.ZodTypeAny>(context: IWebhookFunctions, schema: S, provider: string): DeliveryCheck<z.infer<S>> {
	const body = bodyAsJson(context);
	if (!body) return { ok: false, reason: `The body is not JSON; ${provider} sends JSON` };
	const result = schema.safeParse(body.json);
	if (result.success) return { ok: true, body: result.data };
	return { ok: false, reason: `Not a ${provider} delivery: ${describeIssues(result.error, { root: '(body)', max: MAX_PROBLEMS })}` };
}
