/**
 * A per-provider package's README, composed from the main README's sections (so the two never disagree):
 * the provider's node section, its credential sections, its spec deviations and the shared sections it refers
 * to. Links that leave the composed document point at the repository.
 */
import { markdownAnchors } from './github-slug';
import { atLevel, markdownSection } from './markdown-sections';
import type { ProviderPackage } from './provider-packages';

export const REPOSITORY_PAGE = 'https://github.com/chat-providers/n8n-nodes-chat-providers';

/** `docs/<slug>.md` on the repository's default branch. */
export function docsPageUrl(slug: string): string {
	return `${REPOSITORY_PAGE}/blob/main/docs/${slug}.md`;
}

/** In-page anchors the composed README lacks go to the main README; relative paths go to the repository. */
function absoluteLinks(markdown: string): string {
	const anchors = markdownAnchors(markdown);
	return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
		if (target.startsWith('#')) return anchors.has(target.slice(1)) ? whole : `](${REPOSITORY_PAGE}${target})`;
		if (/^[a-z]+:/i.test(target) || target === 'LICENSE') return whole;
		return `](${REPOSITORY_PAGE}/blob/main/${target.replace(/^\.\//, '')})`;
	});
}

export function providerReadme(entry: ProviderPackage, mainReadme: string): string {
	const part = (heading: string, level: number) => atLevel(markdownSection(mainReadme, heading), level);
	const sections = [
		`# ${entry.name}`,
		`${entry.description}. An [n8n](https://n8n.io) community node package with one service, as n8n's verification ` +
			`asks; the same nodes ship for all five providers at once in [n8n-nodes-chat-providers](${REPOSITORY_PAGE}), ` +
			'built from the same sources, same version.',
		`**Documentation**: [${entry.provider} in n8n](${docsPageUrl(entry.slug)}): every operation and trigger, ` +
			'its parameters, example output, credentials and webhook setup.',
		'## Install in your n8n',
		`In n8n: **Settings → Community Nodes → Install**, package name \`${entry.name}\`. Self-hosted without the UI: ` +
			`\`npm install ${entry.name}\` in \`~/.n8n/nodes\`, then restart n8n. No runtime dependencies. Tested with n8n ` +
			'2.41.1. Installed beside `n8n-nodes-chat-providers`, both packages load; see the repository README, *Packages*.',
		'## Nodes',
		part(entry.provider, 3),
		'## Credentials',
		...entry.readmeSections.credentials.map((heading) => part(heading, 3)),
		'## Spec deviations and choices',
		part(entry.readmeSections.deviations, 3),
		...entry.readmeSections.shared.map((heading) => part(heading, 2)),
		'## License',
		'[MIT](LICENSE)',
	];
	return `${absoluteLinks(sections.join('\n\n'))}\n`;
}
