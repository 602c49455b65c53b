/**
 * Renders every `docs/<provider>.md` (scripts/lib/docs-page.ts) from the built package (dist/), README.md and
 * the outputs of a run of every example against `sim`. Shared by `npm run docs` (writes) and
 * test/engine/docs.test.ts (compares).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { INodeType } from 'n8n-workflow';

import { renderProviderDoc, type DocsNode } from '../../scripts/lib/docs-page';
import { instantiate, providerEntries } from '../../scripts/lib/provider-build';
import { PROVIDER_PACKAGES } from '../../scripts/lib/provider-packages';
import { PROJECT_ROOT } from '../../scripts/lib/stage';
import type { Simulator } from '../simulator';
import { collectExampleOutputs } from './example-outputs';

export const DOCS_DIR = path.join(PROJECT_ROOT, 'docs');

function loadNode(distFile: string): DocsNode {
	const { description } = instantiate<INodeType>(path.join(PROJECT_ROOT, distFile));
	return { name: description.name, description };
}

export async function renderDocsPages(sim: Simulator): Promise<Array<{ file: string; text: string }>> {
	const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
	const outputs = await collectExampleOutputs(sim);
	return PROVIDER_PACKAGES.map((entry) => {
		const nodes = providerEntries(PROJECT_ROOT, entry).nodes.map(loadNode);
		return { file: path.join(DOCS_DIR, `${entry.slug}.md`), text: renderProviderDoc(entry, readme, nodes, outputs) };
	});
}

/**
 * A page with the values that change from run to run masked: times (the simulator's data is relative to now,
 * and sends stamp the current time) and random UUIDs. Everything else must match exactly.
 */
export function withoutVolatileValues(text: string): string {
	return text
		.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, '<time>')
		.replace(/\b\d{4}-\d\d-\d\d\b/g, '<date>')
		.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>');
}
