/**
 * What a server that reads the Mehery spec to the letter (mehery-spec.ts, extracted from the spec text) says
 * about a request: every way it departs from the spec, except the departures mehery-deviations.ts lists.
 * Used by the conformance check of our nodes' requests (mehery-spec.test.ts) and by the strict simulator.
 */
import type { SpecProperty } from '../../scripts/lib/mehery-spec';
import { MEHERY_DEVIATIONS, type MeheryDeviation, type OmittedRequired } from './mehery-deviations';
import { MEHERY_SPEC } from './mehery-spec';

export interface Departure {
	/** Where, as a path into the body ('to.phone', 'options.buttons[0].url'), or '?name' for a query parameter. */
	field: string;
	problem: string;
}

/** Told about every deviation a request relied on (so a check can tell which entries are exercised). */
export type DeviationUse = (deviation: MeheryDeviation) => void;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The listed deviation that lets `object` (a `schema`) leave out `field`, if any. */
function omission(schema: string, field: string, object: Record<string, unknown>): OmittedRequired | undefined {
	return MEHERY_DEVIATIONS.find(
		(deviation): deviation is OmittedRequired =>
			deviation.kind === 'omitted' &&
			deviation.schema === schema &&
			deviation.fields.includes(field) &&
			(!deviation.sentWhen || object[deviation.sentWhen.field] !== deviation.sentWhen.equals),
	);
}

function scalarProblem(value: unknown, type: string): string | undefined {
	if (type === 'string' || type.startsWith('string(')) return typeof value === 'string' ? undefined : `must be a string, not ${JSON.stringify(value)}`;
	if (type === 'boolean') return typeof value === 'boolean' ? undefined : 'must be a boolean';
	if (type.startsWith('integer')) return Number.isInteger(value) ? undefined : 'must be an integer';
	if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
	if (type === 'object') return isObject(value) ? undefined : 'must be an object';
	return undefined;
}

const SCALARS = /^(string|boolean|integer|number|object)(\(.*\))?$/;

/** Every departure of `value` from the spec's `type` ('[X]', a scalar or a schema name); `field` is its path. */
export function bodyDepartures(value: unknown, type: string, field = '', onDeviation?: DeviationUse): Departure[] {
	const at = field || '(body)';
	if (type.startsWith('[')) {
		if (!Array.isArray(value)) return [{ field: at, problem: `must be an array of ${type.slice(1, -1)}` }];
		return value.flatMap((entry, index) => bodyDepartures(entry, type.slice(1, -1), `${field}[${index}]`, onDeviation));
	}
	if (SCALARS.test(type)) {
		const problem = scalarProblem(value, type);
		return problem ? [{ field: at, problem }] : [];
	}
	const schema = MEHERY_SPEC.schemas[type];
	if (!schema) return [{ field: at, problem: `the spec has no schema ${type}` }];
	if (!isObject(value)) return [{ field: at, problem: `must be a ${type} object` }];
	const unknown = Object.keys(value)
		.filter((key) => !(key in schema))
		.map((key) => ({ field: join(field, key), problem: `is not a field of ${type}` }));
	const known = Object.entries(schema).flatMap(([key, property]) => propertyDepartures(value, type, key, property, field, onDeviation));
	return [...unknown, ...known];
}

function propertyDepartures(
	object: Record<string, unknown>,
	schema: string,
	key: string,
	property: SpecProperty,
	path: string,
	onDeviation?: DeviationUse,
): Departure[] {
	const field = join(path, key);
	const value = object[key];
	if (value === undefined) {
		if (!property.required) return [];
		const deviation = omission(schema, key, object);
		if (deviation) {
			onDeviation?.(deviation);
			return [];
		}
		return [{ field, problem: `is required by ${schema}` }];
	}
	if (property.enum && !property.enum.includes(value as string)) {
		return [{ field, problem: `must be one of ${property.enum.join(', ')}` }];
	}
	return bodyDepartures(value, property.type, field, onDeviation);
}

/** Every query parameter of a call to `endpoint` ('METHOD /api/v1/...') that the spec does not allow. */
export function queryDepartures(endpoint: string, query: URLSearchParams, onDeviation?: DeviationUse): Departure[] {
	const allowed = MEHERY_SPEC.endpoints[endpoint]?.query ?? {};
	return [...query.entries()].flatMap(([name, value]): Departure[] => {
		const parameter = allowed[name];
		if (!parameter) {
			const extra = MEHERY_DEVIATIONS.find((deviation) => deviation.kind === 'extraQuery' && deviation.endpoint === endpoint && deviation.parameter === name);
			if (extra) {
				onDeviation?.(extra);
				return [];
			}
			return [{ field: `?${name}`, problem: `is not a parameter of ${endpoint}` }];
		}
		if (parameter.type === 'boolean' && value !== 'true' && value !== 'false') return [{ field: `?${name}`, problem: 'must be true or false' }];
		if (parameter.type.startsWith('integer') && !/^-?\d+$/.test(value)) return [{ field: `?${name}`, problem: 'must be an integer' }];
		return [];
	});
}

/** Every departure of one request (method, path relative to the API root's host, query, parsed JSON body). */
export function requestDepartures(method: string, path: string, query: URLSearchParams, body: unknown, onDeviation?: DeviationUse): Departure[] {
	const key = `${method} ${path}`;
	const endpoint = MEHERY_SPEC.endpoints[key];
	if (!endpoint) return [{ field: '(path)', problem: `${key} is not an endpoint of the spec` }];
	const found = queryDepartures(key, query, onDeviation);
	if (!endpoint.body) return body === undefined ? found : [...found, { field: '(body)', problem: `${key} takes no body` }];
	if (body === undefined) return endpoint.body.required ? [...found, { field: '(body)', problem: `is required: a ${endpoint.body.schema}` }] : found;
	return [...found, ...bodyDepartures(body, endpoint.body.schema, '', onDeviation)];
}
