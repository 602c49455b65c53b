/**
 * Item parameters read without n8n's expression engine where the expression is just a field of the input item.
 *
 * Why: n8n 2.x evaluates every expression in a V8 isolate, about 1 ms each on a small machine, and dragging a field
 * of the input into a parameter writes exactly `{{ $json.field }}`. Every item's parameters are read and checked
 * before the first request (bad input fails before anything is sent), so 200 sends with two such fields spent 400 ms
 * there before sending anything. The value of `$json.a.b` is the input item's `json.a.b`: n8n's `$json` is the
 * item at the same index of the node's (single) input. Only a plain string, number or boolean found that way is
 * taken; any other expression, a missing field, an object, or a read with options goes to n8n as before.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** `{{ $json.a }}`, `{{ $json.a.b }}`, `{{ $json["a b"] }}`, `{{ $json.list[0] }}`: nothing but field access. */
const FIELD = /\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*"|\d+)\s*\])+)\s*\}\}/y;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^'\\]*)'|"([^"\\]*)"|(\d+))\s*\]/g;
const GUARDED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Text between fields: nothing n8n's template would read as more than text. */
const TEXT = /[^{}\\]+/y;

/** A parameter value as text and item fields, e.g. `={{ $json.id }}-shipped` as [['id'], '-shipped']. */
export type FieldTemplate = Array<string | string[]>;

/** The template of a parameter made only of item fields and plain text; undefined for anything else. */
export function fieldTemplate(raw: unknown): FieldTemplate | undefined {
	if (typeof raw !== 'string' || !raw.startsWith('=') || !raw.includes('{{')) return undefined;
	const parts: FieldTemplate = [];
	for (let at = 1; at < raw.length; ) {
		FIELD.lastIndex = TEXT.lastIndex = at;
		const field = FIELD.exec(raw);
		const text = field ? undefined : TEXT.exec(raw);
		const path = field && [...field[1].matchAll(SEGMENT)].map((segment) => segment[1] ?? segment[2] ?? segment[3] ?? segment[4]);
		// n8n's expression sandbox guards these names; it decides what they give.
		if (path?.some((key) => GUARDED_KEYS.has(key))) return undefined;
		if (path) parts.push(path);
		else if (text) parts.push(text[0]);
		else return undefined;
		at = field ? FIELD.lastIndex : TEXT.lastIndex;
	}
	return parts;
}

/** The value at `path` of `json` when it is a string, number or boolean held by the item itself; else undefined. */
export function plainFieldValue(json: unknown, path: string[]): string | number | boolean | undefined {
	let value = json;
	for (const key of path) {
		if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * What n8n's expression gives for one item: a lone field as it is; fields in text joined as text (strings and
 * finite numbers only). Undefined where n8n must decide (a missing field, an object, null, a boolean in text).
 */
export function renderFieldTemplate(template: FieldTemplate, json: unknown): string | number | boolean | undefined {
	if (template.length === 1 && typeof template[0] !== 'string') return plainFieldValue(json, template[0]);
	let text = '';
	for (const part of template) {
		if (typeof part === 'string') {
			text += part;
			continue;
		}
		const value = plainFieldValue(json, part);
		if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) text += String(value);
		else return undefined;
	}
	return text;
}

/**
 * The execution context with a `getNodeParameter` that takes item fields straight from the input item; every other
 * member is the context's own (the object inherits from it).
 */
export function fastParameterReader(context: IExecuteFunctions): IExecuteFunctions {
	const templates = new Map<string, FieldTemplate | undefined>();
	let items: INodeExecutionData[] | undefined;
	const templateOf = (name: string, itemIndex: number) => {
		if (!templates.has(name)) {
			let raw: unknown;
			try {
				raw = context.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
			} catch {
				raw = undefined; // not set: n8n answers with the fallback or its own error below
			}
			templates.set(name, fieldTemplate(raw));
		}
		return templates.get(name);
	};
	const getNodeParameter = (name: string, itemIndex: number, fallbackValue?: unknown, options?: object) => {
		const template = options === undefined ? templateOf(name, itemIndex) : undefined;
		if (template) {
			items ??= context.getInputData();
			const value = renderFieldTemplate(template, items[itemIndex]?.json);
			if (value !== undefined) return value;
		}
		return context.getNodeParameter(name, itemIndex, fallbackValue, options);
	};
	return Object.create(context, { getNodeParameter: { value: getNodeParameter } }) as IExecuteFunctions;
}
