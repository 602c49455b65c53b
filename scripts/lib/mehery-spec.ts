/**
 * Mechanical extraction of the request side of Mehery's API document (mehery-xms.txt, a text rendering of a
 * Swagger page). A pure function of the text, so it is tested on excerpts and its output can be regenerated:
 * `node -r ts-node/register/transpile-only scripts/extract-mehery-spec.ts [spec path]` writes
 * test/engine/mehery-spec.ts.
 *
 * What it reads, and nothing else:
 * - an endpoint: a line `METHOD /path` followed by its `Name In Type Required Description` table;
 * - a schema: the line before a `Properties` line names it; its `Name Type Required Restrictions Description`
 *   rows follow, then optionally `Enumerated Values` (`Property Value` rows).
 * Calls to Mehery are the endpoints authorized with the `x-api-key` header; the others (with `x-verify-token`)
 * are Mehery's calls to the customer's webhook. The schemas kept are those the calls' bodies reach.
 */

export interface SpecProperty {
	/** As the spec writes it: string, boolean, object, number, integer(int64), [X] (array of X), or a schema name. */
	type: string;
	required: boolean;
	/** The spec's Enumerated Values for this property, when it lists any. */
	enum?: string[];
}

export type SpecSchema = Record<string, SpecProperty>;

export interface SpecParameter {
	type: string;
	required: boolean;
}

export interface SpecEndpoint {
	query: Record<string, SpecParameter>;
	headers: Record<string, SpecParameter>;
	body?: { schema: string; required: boolean };
}

export interface ExtractedSpec {
	/** 'METHOD /path' of every call to Mehery. */
	endpoints: Record<string, SpecEndpoint>;
	/** 'METHOD /path' of Mehery's calls to the customer (webhooks), not requests our nodes make. */
	webhooks: string[];
	/** The schemas the calls' bodies use, directly or nested. */
	schemas: Record<string, SpecSchema>;
}

const ENDPOINT_LINE = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;
const PARAMETER_HEADER = 'Name In Type Required Description';
const PARAMETER_ROW = /^(\S+) (query|header|path|body|formData) (\S+) (true|false)(?: .*)?$/;
const PROPERTY_HEADER = 'Name Type Required Restrictions Description';
const PROPERTY_ROW = /^(\S+) (\S+) (true|false) \S+(?: .*)?$/;
const ENUM_ROW = /^(\S+) (.+)$/;

/** The rows of the table whose header line is at `header`: up to the first blank line. */
function tableRows(lines: string[], header: number): string[] {
	const rows: string[] = [];
	for (let index = header + 1; index < lines.length && lines[index].trim() !== ''; index++) rows.push(lines[index].trim());
	return rows;
}

/** The index of the first line equal to `wanted` from `start`, before `stop` (an endpoint's end). */
function findLine(lines: string[], wanted: string, start: number, stop = lines.length): number {
	for (let index = start; index < stop; index++) if (lines[index].trim() === wanted) return index;
	return -1;
}

function readEndpoint(lines: string[], start: number, stop: number): SpecEndpoint {
	const endpoint: SpecEndpoint = { query: {}, headers: {} };
	const header = findLine(lines, PARAMETER_HEADER, start, stop);
	if (header < 0) return endpoint;
	for (const row of tableRows(lines, header)) {
		const match = PARAMETER_ROW.exec(row);
		if (!match) continue;
		const [, name, place, type, required] = match;
		if (place === 'body') endpoint.body = { schema: type, required: required === 'true' };
		else if (place === 'query') endpoint.query[name] = { type, required: required === 'true' };
		else if (place === 'header') endpoint.headers[name] = { type, required: required === 'true' };
	}
	return endpoint;
}

function readEndpoints(lines: string[]): Array<[string, SpecEndpoint]> {
	const starts = lines.flatMap((line, index) => (ENDPOINT_LINE.test(line.trim()) ? [index] : []));
	return starts.map((start, position) => {
		const [, method, path] = ENDPOINT_LINE.exec(lines[start].trim())!;
		return [`${method} ${path}`, readEndpoint(lines, start + 1, starts[position + 1] ?? lines.length)];
	});
}

function previousNonEmpty(lines: string[], index: number): string {
	for (let position = index - 1; position >= 0; position--) if (lines[position].trim() !== '') return lines[position].trim();
	return '';
}

/** Property rows; `»` rows (details of the row above) and wrapped description lines are not properties. */
function readProperties(rows: string[]): SpecSchema {
	const schema: SpecSchema = {};
	for (const row of rows) {
		const match = PROPERTY_ROW.exec(row);
		if (!match || row.startsWith('»')) continue;
		schema[match[1]] = { type: match[2], required: match[3] === 'true' };
	}
	return schema;
}

/** `Enumerated Values` right after a property table (only blank lines between). */
function readEnums(lines: string[], afterTable: number, schema: SpecSchema): void {
	let index = afterTable;
	while (index < lines.length && lines[index].trim() === '') index++;
	if (lines[index]?.trim() !== 'Enumerated Values') return;
	const header = findLine(lines, 'Property Value', index + 1, index + 4);
	if (header < 0) return;
	for (const row of tableRows(lines, header)) {
		const match = ENUM_ROW.exec(row);
		const property = match && schema[match[1]];
		if (property) property.enum = [...(property.enum ?? []), match[2]];
	}
}

function readSchemas(lines: string[]): Record<string, SpecSchema> {
	const schemas: Record<string, SpecSchema> = {};
	const from = Math.max(0, findLine(lines, 'Schemas', 0));
	for (let index = from; index < lines.length; index++) {
		if (lines[index].trim() !== 'Properties') continue;
		const name = previousNonEmpty(lines, index);
		const header = findLine(lines, PROPERTY_HEADER, index + 1, index + 4);
		if (!name || header < 0) continue;
		const rows = tableRows(lines, header);
		schemas[name] = readProperties(rows);
		readEnums(lines, header + 1 + rows.length, schemas[name]);
	}
	return schemas;
}

const schemaNameOf = (type: string) => type.replace(/^\[(.*)\]$/, '$1');

/** `roots` and every schema their properties name, in the spec's order. */
function reachable(schemas: Record<string, SpecSchema>, roots: string[]): string[] {
	const seen = new Set<string>();
	const visit = (name: string) => {
		if (seen.has(name) || !schemas[name]) return;
		seen.add(name);
		for (const property of Object.values(schemas[name])) visit(schemaNameOf(property.type));
	};
	roots.forEach(visit);
	return Object.keys(schemas).filter((name) => seen.has(name));
}

export function extractMeherySpec(text: string): ExtractedSpec {
	const lines = text.split(/\r?\n/);
	const all = readEndpoints(lines);
	const calls = all.filter(([, endpoint]) => 'x-api-key' in endpoint.headers);
	const allSchemas = readSchemas(lines);
	const bodies = calls.flatMap(([, endpoint]) => (endpoint.body ? [endpoint.body.schema] : []));
	return {
		endpoints: Object.fromEntries(calls),
		webhooks: all.filter(([, endpoint]) => !('x-api-key' in endpoint.headers)).map(([key]) => key),
		schemas: Object.fromEntries(reachable(allSchemas, bodies).map((name) => [name, allSchemas[name]])),
	};
}

const KEY = /^[A-Za-z_$][\w$]*$/;
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (name: string) => (KEY.test(name) ? name : quote(name));

function renderProperty(property: SpecProperty): string {
	const values = property.enum ? `, enum: [${property.enum.map(quote).join(', ')}]` : '';
	return `{ type: ${quote(property.type)}, required: ${property.required}${values} }`;
}

const renderTable = (table: Record<string, SpecParameter>) =>
	`{ ${Object.entries(table)
		.map(([name, parameter]) => `${key(name)}: ${renderProperty(parameter)}`)
		.join(', ')} }`.replace('{  }', '{}');

function renderEndpoint(name: string, endpoint: SpecEndpoint): string[] {
	const body = endpoint.body ? [`\t\t\tbody: { schema: ${quote(endpoint.body.schema)}, required: ${endpoint.body.required} },`] : [];
	return [
		`\t\t${quote(name)}: {`,
		`\t\t\tquery: ${renderTable(endpoint.query)},`,
		`\t\t\theaders: ${renderTable(endpoint.headers)},`,
		...body,
		'\t\t},',
	];
}

function renderSchema(name: string, schema: SpecSchema): string[] {
	const properties = Object.entries(schema).map(([property, value]) => `\t\t\t${key(property)}: ${renderProperty(value)},`);
	return [`\t\t${key(name)}: {`, ...properties, '\t\t},'];
}

/** test/engine/mehery-spec.ts, as the extractor writes it. */
export function renderMeherySpec(spec: ExtractedSpec): string {
	return [
		'/**',
		' * GENERATED from Mehery\'s API document (mehery-xms.txt) by scripts/extract-mehery-spec.ts: do not edit by hand.',
		' * Regenerate: node -r ts-node/register/transpile-only scripts/extract-mehery-spec.ts [path/to/mehery-xms.txt]',
		' * (test/unit/mehery-spec-extract.test.ts compares this file with a fresh extraction when the spec is present).',
		' *',
		' * The request side of the spec read literally: every call to Mehery with its query and header parameters and',
		' * body schema, and every schema those bodies use, with each property\'s type, Required flag and enumerated',
		' * values. Where our nodes depart from it, test/engine/mehery-deviations.ts lists each departure and its reason.',
		' */',
		"import type { ExtractedSpec } from '../../scripts/lib/mehery-spec';",
		'',
		'export const MEHERY_SPEC: ExtractedSpec = {',
		'\tendpoints: {',
		...Object.entries(spec.endpoints).flatMap(([name, endpoint]) => renderEndpoint(name, endpoint)),
		'\t},',
		`\twebhooks: [${spec.webhooks.map(quote).join(', ')}],`,
		'\tschemas: {',
		...Object.entries(spec.schemas).flatMap(([name, schema]) => renderSchema(name, schema)),
		'\t},',
		'};',
		'',
	].join('\n');
}
