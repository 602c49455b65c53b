/**
 * The fast path of `toChatMessage`: normalizing runs once per message of every Simplify output and every trigger
 * delivery, and zod's parse of the whole message (a copy of each nested object, `raw` included) cost more than the
 * rest of a trigger's work together. This check accepts exactly what `chatMessageSchema` accepts (a unit test
 * holds the two together on valid and broken messages) and returns the same output: a copy with the schema's key
 * order, `raw` kept by reference. Anything it does not accept goes to zod, for zod's error messages.
 */
import type { IDataObject } from 'n8n-workflow';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const nullableString = (value: unknown) => value === null || isString(value);
const optional = (fields: Fields, key: string, check: (value: unknown) => boolean) => !(key in fields) || fields[key] === undefined || check(fields[key]);
const between = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
/** zod's `datetime()` without options: UTC with a Z, seconds required, any fraction. */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export interface ChatMessageShape {
	keys: readonly string[];
	mediaKeys: readonly string[];
	locationKeys: readonly string[];
	types: readonly string[];
	directions: readonly string[];
}

/** Only the shape's keys, each present at most once; `undefined`-valued keys count as present, as for zod. */
const onlyKnownKeys = (fields: Fields, keys: readonly string[]) => Object.keys(fields).every((key) => keys.includes(key));

/** Positions of a shape's keys, made once per key list. */
const positionsOf = new WeakMap<readonly string[], Map<string, number>>();

/** Whether the fields already come in the shape's key order (normalizers build them so): no copy needed then. */
function inOrder(fields: Fields, keys: readonly string[]): boolean {
	let positions = positionsOf.get(keys);
	if (!positions) positionsOf.set(keys, (positions = new Map(keys.map((key, index) => [key, index]))));
	let last = -1;
	for (const key of Object.keys(fields)) {
		const position = positions.get(key) as number;
		if (position < last) return false;
		last = position;
	}
	return true;
}

function copyInOrder(fields: Fields, keys: readonly string[]): IDataObject {
	if (inOrder(fields, keys)) return fields as IDataObject;
	const copy: IDataObject = {};
	for (const key of keys) if (key in fields) copy[key] = fields[key] as IDataObject[string];
	return copy;
}

function validMedia(value: unknown, keys: readonly string[]): boolean {
	return isObject(value) && onlyKnownKeys(value, keys) && isString(value.kind) && value.kind !== '' && isString(value.url) && value.url !== '' && optional(value, 'caption', isString) && optional(value, 'mimeType', isString);
}

function validLocation(value: unknown, keys: readonly string[]): boolean {
	return isObject(value) && onlyKnownKeys(value, keys) && between(value.latitude, -90, 90) && between(value.longitude, -180, 180) && optional(value, 'name', isString) && optional(value, 'address', isString);
}

const REQUIRED = ['provider', 'messageId'];
const NULLABLE = ['conversationId', 'from', 'to', 'contactName', 'text'];

/**
 * The message as zod would return it (the schema's key order; the given object itself when already in that order,
 * as normalizers build it), when the schema accepts it; undefined otherwise.
 */
export function checkedChatMessage(input: unknown, shape: ChatMessageShape): IDataObject | undefined {
	if (!isObject(input) || !onlyKnownKeys(input, shape.keys)) return undefined;
	const required = REQUIRED.every((key) => isString(input[key]) && input[key] !== '');
	const nullable = NULLABLE.every((key) => key in input && nullableString(input[key]));
	const valid =
		required &&
		nullable &&
		shape.directions.includes(input.direction as string) &&
		shape.types.includes(input.type as string) &&
		'timestamp' in input &&
		(input.timestamp === null || (isString(input.timestamp) && UTC_TIMESTAMP.test(input.timestamp))) &&
		isObject(input.raw) &&
		optional(input, 'media', (media) => validMedia(media, shape.mediaKeys)) &&
		optional(input, 'buttons', (buttons) => Array.isArray(buttons) && buttons.every(isString)) &&
		optional(input, 'location', (location) => validLocation(location, shape.locationKeys)) &&
		optional(input, 'status', isString);
	if (!valid) return undefined;
	const message = copyInOrder(input, shape.keys);
	if (isObject(input.media)) message.media = copyInOrder(input.media, shape.mediaKeys);
	if (isObject(input.location)) message.location = copyInOrder(input.location, shape.locationKeys);
	return message;
}
