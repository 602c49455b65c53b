import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_ROOT, publishedCredentials, publishedNodes, readPackageJson } from '../package-manifest';
import { githubSlug, markdownAnchors } from '../../scripts/lib/github-slug';

const readmeAnchors = markdownAnchors(fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8'));
/** The repository page whose README GitHub renders: package.json's homepage without `#readme`. */
const repositoryPage = String(readPackageJson().homepage).replace(/#readme$/, '');

describe('GitHub anchors', () => {
	test.each([
		['IrisEngage API', 'irisengage-api'],
		['Adding a provider', 'adding-a-provider'],
		['Mehery XMS: send & receive (v2)', 'mehery-xms-send--receive-v2'],
		['Wavy / Sinch', 'wavy--sinch'],
		['n8n_nodes', 'n8n_nodes'],
	])('%s → #%s', (heading, slug) => {
		expect(githubSlug(heading)).toBe(slug);
	});

	test('links, code and emphasis count by their text; repeats get a number; fenced code is no heading', () => {
		const anchors = markdownAnchors('# [Nodes](x) `a`\n## **Bold** title\n## Nodes a\n```\n# not a heading\n```\n');
		expect([...anchors]).toEqual(['nodes-a', 'bold-title', 'nodes-a-1']);
	});
});

/** Every documentation link the package shows in n8n: credentials' documentationUrl and the nodes' codex links. */
function documentationLinks(): Array<[string, string]> {
	const links: Array<[string, string]> = publishedCredentials().map(({ type, definition }) => [
		`credential ${type} documentationUrl`,
		String(definition.documentationUrl),
	]);
	for (const node of publishedNodes()) {
		const codex = JSON.parse(fs.readFileSync(node.codex, 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
		for (const [kind, entries] of Object.entries(codex.resources ?? {})) {
			for (const { url } of entries) links.push([`${path.basename(node.codex)} ${kind}`, url]);
		}
	}
	return links;
}

test.each(documentationLinks())('%s (%s) points at a README section that exists', (_where, url) => {
	expect(url.startsWith(`${repositoryPage}#`)).toBe(true);
	const anchor = url.slice(repositoryPage.length + 1);
	expect([...readmeAnchors]).toContain(anchor);
});
