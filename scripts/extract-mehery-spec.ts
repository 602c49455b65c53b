/**
 * Regenerates test/engine/mehery-spec.ts from Mehery's API document.
 * Usage: node -r ts-node/register/transpile-only scripts/extract-mehery-spec.ts [path/to/mehery-xms.txt]
 * (default: ../shared/specs/mehery-xms.txt beside the repository, where the project keeps its specs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { extractMeherySpec, renderMeherySpec } from './lib/mehery-spec';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_MEHERY_SPEC = resolve(ROOT, '..', 'shared', 'specs', 'mehery-xms.txt');
export const MEHERY_SPEC_OUTPUT = join(ROOT, 'test', 'engine', 'mehery-spec.ts');

if (require.main === module) {
	const source = resolve(process.argv[2] ?? DEFAULT_MEHERY_SPEC);
	const spec = extractMeherySpec(readFileSync(source, 'utf8'));
	writeFileSync(MEHERY_SPEC_OUTPUT, renderMeherySpec(spec));
	process.stdout.write(
		`Wrote ${MEHERY_SPEC_OUTPUT}: ${Object.keys(spec.endpoints).length} endpoints, ${Object.keys(spec.schemas).length} schemas (from ${source})\n`,
	);
}
