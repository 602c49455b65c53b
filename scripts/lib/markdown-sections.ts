/** Sections of a Markdown document by heading, for composing one document from another's parts. */

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

interface Heading {
	line: number;
	level: number;
	text: string;
}

function headings(lines: string[]): Heading[] {
	const found: Heading[] = [];
	let inFence = false;
	lines.forEach((line, index) => {
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		const match = inFence ? null : HEADING.exec(line);
		if (match) found.push({ line: index, level: match[1].length, text: match[2] });
	});
	return found;
}

/** The section under `heading` (its heading line included) up to the next heading of the same or a higher level. */
export function markdownSection(markdown: string, heading: string): { level: number; text: string } {
	const lines = markdown.split('\n');
	const all = headings(lines);
	const start = all.find((candidate) => candidate.text === heading);
	if (!start) throw new Error(`no heading "${heading}" in the document`);
	const end = all.find((candidate) => candidate.line > start.line && candidate.level <= start.level);
	return { level: start.level, text: lines.slice(start.line, end?.line ?? lines.length).join('\n').trimEnd() };
}

/** The same text with every heading moved to `level + (its level - section level)`. */
export function atLevel(section: { level: number; text: string }, level: number): string {
	const delta = level - section.level;
	let inFence = false;
	return section.text
		.split('\n')
		.map((line) => {
			if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
			const match = inFence ? null : HEADING.exec(line);
			return match ? `${'#'.repeat(Math.min(6, match[1].length + delta))} ${match[2]}` : line;
		})
		.join('\n');
}
