/**
 * "Call the provider and check its answer": one request through `providerRequest` (retries, error mapping,
 * n8n's credential handling), its answer checked against a zod schema of what the provider documents.
 *
 * A provider's api.ts describes each answer once as a zod schema and calls, for example,
 * `callProvider(this, { method: 'GET', url: `${base}/users`, qs: { page } }, { provider: 'Netcore',
 * credentialType: 'netcoreBotApi', kind: 'read', itemIndex, schema: userPage, expected: 'user list' })`.
 * It works in every context `providerRequest` accepts (execute, poll, hook, webhook, loadOptions).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import type { z } from 'zod';

import { unexpectedAnswerError } from './errors';
import { providerRequest, requestKind, type ProviderRequest, type RequestContext } from './request';

export interface ProviderCall<S extends z.ZodTypeAny> extends ProviderRequest {
	/** What a good answer looks like; only what we use need be checked (`.passthrough()` keeps the rest). */
	schema: S;
	/** What the answer should be, for the error message: "session list", "send receipt". */
	expected: string;
}

/**
 * The problems zod found, one `path: message` each, e.g. `message.0.createdDate: Required`. `root` names the
 * whole value; with `max`, later problems are only counted ("(and 3 more)").
 */
export function describeIssues(error: z.ZodError, options: { root?: string; max?: number } = {}): string {
	const { root = '(root)', max = Number.POSITIVE_INFINITY } = options;
	const listed = error.issues.slice(0, max).map((issue) => `${issue.path.join('.') || root}: ${issue.message}`);
	const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
	return `${listed.join('; ')}${more}`;
}

/** The provider's answer, parsed; a non-JSON or wrongly shaped answer is an `unexpectedAnswerError`. */
export async function callProvider<S extends z.ZodTypeAny>(
	context: RequestContext,
	options: IHttpRequestOptions,
	call: ProviderCall<S>,
): Promise<z.infer<S>> {
	const { schema, expected, ...request } = call;
	const answer = await providerRequest(context, options, request);
	const parsed = schema.safeParse(answer);
	if (parsed.success) return parsed.data;
	// With json: true a body that is not JSON arrives as text.
	let problems = describeIssues(parsed.error);
	if (typeof answer === 'string') {
		problems = answer.trim() === '' ? 'The body is empty' : `The body is not valid JSON: ${answer.slice(0, 200)}`;
	}
	// A send answered 2xx: the message was most likely taken, whatever the body says.
	throw unexpectedAnswerError(context.getNode(), call.provider, expected, problems, call.itemIndex, requestKind(context, request) === 'send');
}
