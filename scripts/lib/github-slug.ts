/**
 * The anchors GitHub gives a Markdown file's headings (github-slugger's rules): the heading's text, lower case,
 * with every character that is not a letter, digit, space, `-` or `_` dropped and each space turned into `-`;
 * a repeated slug gets `-1`, `-2`, ... appended.
 */
export function githubSlug(heading: string): string {
	return heading
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Rendered text of a heading line: links become their text, code and emphasis markers go. */
function headingText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`/g, '')
		.replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
		.trim();
}

/** Every anchor of a Markdown document's ATX headings (`#` to `######`), code blocks skipped. */
export function markdownAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		const heading = inFence ? null : /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const base = githubSlug(headingText(heading[1]));
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}
