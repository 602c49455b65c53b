/**
 * Provider-neutral parameters and their validating readers.
 *
 * A provider's operation file builds its description from these, passing its own `show` (resource + operation)
 * and, where it differs, its own names: `...returnAllOrLimitFields(show)`, `simplifyField(show)`,
 * `optionsField(show, [timeZoneOption('Mehery')])`. Its `readParameters` reads them back with the matching reader
 * (`readLimit(this, itemIndex)`, `readSimplify(this, itemIndex)`, `readTimeZone(this, itemIndex, 'Mehery')`),
 * each of which throws `invalidParameter` naming the field before any request is sent.
 */
import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
	NodeParameterValueType,
} from 'n8n-workflow';

import { isValidTimeZone } from './dates';
import { invalidParameter } from './errors';

/** A property's `displayOptions.show`, e.g. `{ resource: ['message'], operation: ['getMany'] }`. */
export type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Execute contexts read a parameter per item; triggers, hooks and dropdowns have one value per node. */
export type ParameterContext =
	| IExecuteFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export function getParameter(
	context: ParameterContext,
	name: string,
	itemIndex: number,
	fallback?: NodeParameterValueType,
): unknown {
	if ('getInputData' in context) return (context as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
	return (context as IPollFunctions).getNodeParameter(name, fallback);
}

export function returnAllField(show: Show): INodeProperties {
	return {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	};
}

/** A count that stands for "how many", shown only while Return All is off. */
export interface LimitSpec {
	name?: string;
	displayName?: string;
	description?: string;
	default?: number;
	/** The most the provider allows; also shown to the user as the field's maximum. */
	max?: number;
}

const LIMIT: Required<Omit<LimitSpec, 'max'>> = {
	name: 'limit',
	displayName: 'Limit',
	description: 'Max number of results to return',
	default: 50,
};

export function limitField(show: Show, spec: LimitSpec = {}): INodeProperties {
	const { name, displayName, description, default: defaultValue } = { ...LIMIT, ...spec };
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 1, ...(spec.max !== undefined ? { maxValue: spec.max } : {}) },
		default: defaultValue,
		description,
		displayOptions: { show: { ...show, returnAll: [false] } },
	};
}

/** Return All followed by its Limit, the pair every list operation has. */
export function returnAllOrLimitFields(show: Show, limit: LimitSpec = {}): INodeProperties[] {
	return [returnAllField(show), limitField(show, limit)];
}

const SIMPLIFY_DESCRIPTION =
	'Whether to return messages in the normalized chat-message shape with dates in ISO 8601 UTC, instead of the raw API answer';

export function simplifyField(show: Show, description = SIMPLIFY_DESCRIPTION): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description, displayOptions: { show } };
}

export const timeZoneDisplayName = (provider: string) => `Time Zone of ${provider} Dates`;

/** For providers whose dates carry no offset: the zone their server writes them in. Goes into the Options. */
export function timeZoneOption(provider: string): INodeProperties {
	return {
		displayName: timeZoneDisplayName(provider),
		name: 'timeZone',
		type: 'string',
		default: 'UTC',
		placeholder: 'Asia/Dubai',
		description: `IANA time zone in which your ${provider} server writes its dates (they carry no offset). Dates are output in UTC.`,
	};
}

/** The "Options" collection; its entries are sorted by display name, as n8n's linter wants. */
export function optionsField(show: Show, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The "Additional Fields" collection: optional fields of the request itself (Options tune how the node runs). */
export function additionalFieldsField(show: Show, fields: INodeProperties[]): INodeProperties {
	return { ...optionsField(show, fields), displayName: 'Additional Fields', name: 'additionalFields', placeholder: 'Add Field' };
}

export interface IntegerSpec {
	name: string;
	displayName: string;
	/** Defaults to 1. */
	min?: number;
	max?: number;
}

export function readPositiveInteger(context: ParameterContext, itemIndex: number, spec: IntegerSpec): number {
	const { min = 1, max = Number.MAX_SAFE_INTEGER } = spec;
	const raw = getParameter(context, spec.name, itemIndex);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
		throw invalidParameter(context.getNode(), spec.displayName, `must be a whole number ${range}, got ${JSON.stringify(raw) ?? 'nothing'}`, itemIndex);
	}
	return value;
}

export interface TextSpec {
	name: string;
	displayName: string;
	/** What to give instead, e.g. "give the request ID of a chat session". */
	hint?: string;
}

/** Trimmed text that must not be empty; numbers from an expression are taken as their digits. */
export function readRequiredString(context: ParameterContext, itemIndex: number, spec: TextSpec): string {
	const value = getParameter(context, spec.name, itemIndex, '');
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
	if (!text) {
		const problem = text === undefined ? `must be text, got ${JSON.stringify(value) ?? 'nothing'}` : 'must not be empty';
		throw invalidParameter(context.getNode(), spec.displayName, spec.hint ? `${problem}: ${spec.hint}` : problem, itemIndex);
	}
	return text;
}

export interface BooleanSpec {
	name: string;
	displayName: string;
	fallback: boolean;
}

/** Accepts true/false, also as the text an expression may produce. */
export function readBoolean(context: ParameterContext, itemIndex: number, spec: BooleanSpec): boolean {
	const value = getParameter(context, spec.name, itemIndex, spec.fallback);
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidParameter(context.getNode(), spec.displayName, `must be true or false, got ${JSON.stringify(value) ?? 'nothing'}`, itemIndex);
}

export const readReturnAll = (context: ParameterContext, itemIndex: number) =>
	readBoolean(context, itemIndex, { name: 'returnAll', displayName: 'Return All', fallback: false });

export const readSimplify = (context: ParameterContext, itemIndex: number) =>
	readBoolean(context, itemIndex, { name: 'simplify', displayName: 'Simplify', fallback: true });

/** The Limit (or the provider's own count field), or undefined when Return All is on. */
export function readLimit(context: ParameterContext, itemIndex: number, spec: LimitSpec = {}): number | undefined {
	if (readReturnAll(context, itemIndex)) return undefined;
	const { name, displayName } = { ...LIMIT, ...spec };
	return readPositiveInteger(context, itemIndex, { name, displayName, max: spec.max });
}

/** The time zone set with `timeZoneOption(provider)`; UTC when unset. */
export function readTimeZone(context: ParameterContext, itemIndex: number, provider: string, path = 'options.timeZone'): string {
	const value = getParameter(context, path, itemIndex, 'UTC');
	const timeZone = (typeof value === 'string' ? value.trim() : value) || 'UTC';
	if (!isValidTimeZone(timeZone)) {
		throw invalidParameter(
			context.getNode(),
			timeZoneDisplayName(provider),
			`"${String(timeZone)}" is not an IANA time zone such as UTC, Asia/Dubai or Europe/London`,
			itemIndex,
		);
	}
	return timeZone as string;
}

/** An absolute http(s) URL with a host: what a provider can fetch media from or call back. */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** Drops undefined and empty-string fields, so the body holds only what the user gave. */
export function compact<T extends object>(object: T): Partial<T> {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}
