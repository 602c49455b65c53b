import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_ROOT, providerPackageOf, publishedCredentials, publishedNodes, readPackageJson } from '../package-manifest';
import { githubSlug, markdownAnchors } from '../../scripts/lib/github-slug';

/** The repository page whose README GitHub renders: package.json's homepage without `#readme`. */
const repositoryPage = String(readPackageJson().homepage).replace(/#readme$/, '');
/** Documentation links point at a docs page of the repository: `<repository>/blob/main/docs/<page>.md#<anchor>`. */
const DOCS_LINK = new RegExp(`^${repositoryPage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/blob/main/(docs/[\\w-]+\\.md)#(.+)$`);

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

test.each(documentationLinks())('%s (%s) points at a section of a docs page that exists', (_where, url) => {
	const [, page, anchor] = DOCS_LINK.exec(url) ?? [];
	expect(page).toBeDefined();
	expect([...markdownAnchors(fs.readFileSync(path.join(PACKAGE_ROOT, page), 'utf8'))]).toContain(anchor);
});

test.each(publishedNodes().map((node) => [node.type, node]))("%s's codex links its own provider's docs page", (_type, node) => {
	const entry = providerPackageOf(node);
	const codex = JSON.parse(fs.readFileSync(node.codex, 'utf8')) as { resources: { primaryDocumentation: Array<{ url: string }> } };
	expect(codex.resources.primaryDocumentation.map(({ url }) => DOCS_LINK.exec(url)?.[1])).toEqual([`docs/${entry.slug}.md`]);
});
