/**
 * The README's "Mehery XMS: spec deviations and choices" table mirrors test/engine/mehery-deviations.ts, the one
 * list the conformance check and the strict simulator read: same entries, same order, same words.
 */
import fs from 'node:fs';
import path from 'node:path';

import { deviationRow, MEHERY_DEVIATIONS } from '../engine/mehery-deviations';
import { MEHERY_SPEC } from '../engine/mehery-spec';
import { PACKAGE_ROOT } from '../package-manifest';

const HEADING = '### Mehery XMS: spec deviations and choices';

function readmeSection(): string {
	const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf(HEADING);
	expect(start).toBeGreaterThanOrEqual(0);
	const end = readme.indexOf('\n#', start + HEADING.length);
	return readme.slice(start, end < 0 ? undefined : end);
}

test('the README lists exactly the deviations of mehery-deviations.ts, each with its reason', () => {
	const rows = readmeSection()
		.split('\n')
		.filter((line) => line.startsWith('| `'));
	expect(rows).toEqual(MEHERY_DEVIATIONS.map(deviationRow));
});

test('every deviation names a schema, field or endpoint that the extracted spec has (or a parameter it lacks)', () => {
	for (const deviation of MEHERY_DEVIATIONS) {
		if (deviation.kind === 'extraQuery') {
			expect(MEHERY_SPEC.endpoints[deviation.endpoint]).toBeDefined();
			expect(MEHERY_SPEC.endpoints[deviation.endpoint].query[deviation.parameter]).toBeUndefined();
			continue;
		}
		const schema = MEHERY_SPEC.schemas[deviation.schema];
		expect(schema).toBeDefined();
		// Only a property the spec marks required needs an entry.
		for (const field of deviation.fields) expect([deviation.schema, field, schema[field]?.required]).toEqual([deviation.schema, field, true]);
	}
});
