/**
 * bench/results.json: what the last `npm run bench` measured, with the machine it ran on, and the README's
 * benchmark section generated from it (`renderBenchSection`; `npm run bench:readme` rewrites the README from the
 * committed JSON, a unit test checks that the two agree). Keys this file does not know (another bench's, such
 * as `queueMode`) are kept when the file is rewritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { CaseResult, Figures } from './real/figures';

export const RESULTS_FILE = path.resolve(__dirname, '..', '..', 'bench', 'results.json');
export const README_FILE = path.resolve(__dirname, '..', '..', 'README.md');
const START = '<!-- bench:start (generated from bench/results.json by `npm run bench:readme`) -->';
const END = '<!-- bench:end -->';

export interface Machine {
	cores: number;
	cpu: string;
	node: string;
	n8n: string;
	/** 1-minute load average when the bench started and when it ended (the machine may be shared). */
	loadAverage: { start: number; end: number };
	date: string;
}

export interface BenchResults {
	machine: Machine;
	cases: CaseResult[];
	[other: string]: unknown;
}

export function machine(n8nVersion: string, loadAtStart: number): Machine {
	return {
		cores: os.cpus().length,
		cpu: os.cpus()[0]?.model ?? 'unknown',
		node: process.version,
		n8n: n8nVersion,
		loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) },
		date: new Date().toISOString(),
	};
}

/** Writes the results over the file's own keys, keeping any other key already there. */
export function writeResults(results: BenchResults, file = RESULTS_FILE): void {
	const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify({ ...existing, ...results }, null, '\t')}\n`);
}

const cell = (value: string | number | boolean | undefined) => (value === undefined ? '' : typeof value === 'boolean' ? (value ? 'kept' : 'broken') : String(value)).replace(/\|/g, '\\|');
const ms = (value?: number) => (value === undefined ? undefined : `${Math.round(value).toLocaleString('en')} ms`);

function rowLine(row: Figures): string {
	return `| ${[row.runner, ms(row.wallMs), row.requests, row.logins, row.throttled, row.twice, row.lost, row.orderKept, row.items, row.note].map(cell).join(' | ')} |`;
}

/** The README section: the machine, then per case its rows and its goals. */
export function renderBenchSection(results: BenchResults): string {
	const { machine: m } = results;
	const lines = [
		START,
		`Measured ${m.date.slice(0, 10)} on ${m.cores} cores (${m.cpu}), Node ${m.node}, n8n ${m.n8n}; load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end (the machine was shared: compare figures side by side, within a case).`,
		'',
		`Goals: ${results.cases.flatMap((c) => c.goals).filter((goal) => goal.ok).length} met, ${results.cases.flatMap((c) => c.goals).filter((goal) => !goal.ok).length} missed.`,
	];
	for (const result of results.cases) {
		lines.push('', `**${result.title}**`, '');
		if (result.rows.length > 0) {
			lines.push('| runner | wall time | requests | logins | 429s | twice | lost | order | items | note |', '|---|---|---|---|---|---|---|---|---|---|');
			lines.push(...result.rows.map(rowLine), '');
		}
		lines.push(...result.goals.map((goal) => `- ${goal.ok ? 'met' : '**MISSED**'}: ${goal.goal}: ${goal.measured}`));
	}
	lines.push(END);
	return lines.join('\n');
}

/** The README with its benchmark section replaced by one rendered from `results`. */
export function readmeWithResults(readme: string, results: BenchResults): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md has no benchmark section markers (${START} … ${END})`);
	return readme.slice(0, start) + renderBenchSection(results) + readme.slice(end + END.length);
}

export function readResults(file = RESULTS_FILE): BenchResults {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
}

if (require.main === module) {
	fs.writeFileSync(README_FILE, readmeWithResults(fs.readFileSync(README_FILE, 'utf8'), readResults()));
	process.stdout.write(`README.md: benchmark section rewritten from ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
}
