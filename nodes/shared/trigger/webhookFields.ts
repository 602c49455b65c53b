/**
 * Webhook description fields computed from the node's parameters (a path that depends on an option, a response
 * mode that depends on the events chosen), declared so that n8n can resolve them without its expression engine.
 *
 * Why: a plain `={{ ... }}` template makes n8n 2.41 evaluate an expression on every delivery, and under its
 * default engine ('vm') an expression needs a V8 isolate (~100 ms of CPU each). With `webhookDescriptionFields`
 * n8n resolves the field natively when the node's parameters hold no expression; the template stays for the
 * editor and for n8n versions without the helper (read at run time, so an older n8n still loads the node).
 */
import * as n8nWorkflow from 'n8n-workflow';
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

/** Must be self-contained (no imports or outer names): n8n inlines its source into the template. */
export type ParameterFunction = (parameters: INodeParameters) => NodeParameterValueType | undefined;

const templateOf = (fn: ParameterFunction) => `={{(${String(fn)})($parameter)}}`;

export function parameterFields<K extends string>(fields: Record<K, ParameterFunction>): Record<K, string> {
	const { fromFunction, webhookDescriptionFields } = n8nWorkflow as Partial<typeof n8nWorkflow>;
	const entries = Object.entries(fields) as Array<[K, ParameterFunction]>;
	if (typeof fromFunction === 'function' && typeof webhookDescriptionFields === 'function') {
		return webhookDescriptionFields(Object.fromEntries(entries.map(([field, fn]) => [field, fromFunction(fn)])) as Record<K, ReturnType<typeof fromFunction>>);
	}
	return Object.fromEntries(entries.map(([field, fn]) => [field, templateOf(fn)])) as Record<K, string>;
}
