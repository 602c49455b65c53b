/** Whether a customer's message counts as the reply a wait asked for, and which button it chose. */
import type { ReplyButton, ReplyFilter } from './types';

export interface ReplyVerdict {
	accepted: boolean;
	/** The code (else name, else label) of the question's button the reply names, or null. */
	buttonCode: string | null;
}

const normalized = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A quick-reply tap arrives as the button's text (its label, name or code): matched case- and space-insensitively. */
export function chosenButton(text: string | null | undefined, buttons: ReplyButton[]): string | null {
	if (typeof text !== 'string' || text.trim() === '') return null;
	const said = normalized(text);
	const button = buttons.find((candidate) => [candidate.code, candidate.name, candidate.label].some((value) => value && normalized(value) === said));
	return button ? (button.code || button.name || button.label || null) : null;
}

/** `texts`: the message's text, or every text of a combined burst (a button anywhere in it counts). */
export function replyVerdict(filter: ReplyFilter, buttons: ReplyButton[], texts: Array<string | null | undefined>): ReplyVerdict {
	const codes = texts.map((text) => chosenButton(text, buttons)).filter((code): code is string => code !== null);
	const buttonCode = codes.at(-1) ?? null;
	if (filter.kind === 'any') return { accepted: true, buttonCode };
	if (filter.kind === 'buttons') return { accepted: buttonCode !== null, buttonCode };
	const whole = texts.filter((text): text is string => typeof text === 'string').join('\n');
	return { accepted: new RegExp(filter.pattern, filter.flags).test(whole), buttonCode };
}

/** `/pattern/flags` or a bare pattern; throws a SyntaxError naming the problem. */
export function parsePattern(source: string): { pattern: string; flags: string } {
	const literal = /^\/(.+)\/([a-z]*)$/s.exec(source.trim());
	const pattern = literal ? literal[1] : source.trim();
	const flags = (literal ? literal[2] : '').replace(/[gy]/g, '');
	new RegExp(pattern, flags);
	return { pattern, flags };
}
