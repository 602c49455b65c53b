import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { README_FILE, readResults, readmeWithResults, renderBenchSection, writeResults, type BenchResults } from '../bench/results';

describe('bench/results.json and the README', () => {
	test("the README's benchmark section is the one generated from the committed bench/results.json", () => {
		const readme = fs.readFileSync(README_FILE, 'utf8');
		// Run `npm run bench:readme` after changing bench/results.json by hand.
		expect(readme).toBe(readmeWithResults(readme, readResults()));
	});

	test('the results name the machine: cores, Node and n8n versions', () => {
		const { machine } = readResults();
		expect(machine.cores).toBeGreaterThan(0);
		expect(machine.node).toMatch(/^v\d+/);
		expect(machine.n8n).toMatch(/^\d+\.\d+\.\d+$/);
	});

	const sample: BenchResults = {
		machine: { cores: 2, cpu: 'x', node: 'v20.0.0', n8n: '2.41.1', loadAverage: { start: 1, end: 2 }, date: '2026-12-06T00:00:00.000Z' },
		cases: [{ id: 'c', title: 'Reads', rows: [{ runner: 'ours | fast', wallMs: 1234.4, orderKept: false }], goals: [{ goal: 'fast', measured: '1x', ok: false }] }],
	};

	test('a rewrite keeps keys the bench does not know (another bench’s, e.g. queueMode)', () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-')), 'results.json');
		fs.writeFileSync(file, JSON.stringify({ queueMode: { rows: [1] }, machine: { cores: 64 } }));
		writeResults(sample, file);
		const written = JSON.parse(fs.readFileSync(file, 'utf8'));
		expect(written.queueMode).toEqual({ rows: [1] });
		expect(written.machine.cores).toBe(2);
		fs.rmSync(path.dirname(file), { recursive: true });
	});

	test('the section shows every row and says a missed goal is missed', () => {
		const section = renderBenchSection(sample);
		expect(section).toContain('| ours \\| fast | 1,234 ms |');
		expect(section).toContain('**MISSED**: fast: 1x');
		expect(section).toContain('0 met, 1 missed');
	});
});
