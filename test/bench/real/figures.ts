/** What the side-by-side bench records per case: one row per runner (our node, the HTTP Request baselines), goals. */

export interface Figures {
	/** Who ran the case: our node, or n8n's HTTP Request node wired as a user would. */
	runner: string;
	/** Run time of the nodes doing the work, ms (n8n's own executionTime; median when several runs). */
	wallMs?: number;
	requests?: number;
	logins?: number;
	/** 429s the provider answered. */
	throttled?: number;
	/** Messages the provider took more than once. */
	twice?: number;
	/** Messages never delivered. */
	lost?: number;
	/** Every recipient got its messages in input order. */
	orderKept?: boolean;
	/** Output items. */
	items?: number;
	note?: string;
}

export interface Goal {
	goal: string;
	measured: string;
	ok: boolean;
}

export interface CaseResult {
	id: string;
	title: string;
	rows: Figures[];
	goals: Goal[];
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const ratio = (value: number, reference: number) => `${(value / reference).toFixed(2)}x`;
