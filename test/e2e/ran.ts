/** The record of the e2e tests that ran in this run (written by recording-environment.ts, cleared by global setup). */
import fs from 'node:fs';
import path from 'node:path';

import { PROJECT_ROOT } from '../../scripts/lib/stage';

export const RAN_FILE = path.join(PROJECT_ROOT, '.tmp', 'e2e', 'ran.jsonl');

export interface RanTest {
	file: string;
	test: string;
	passed: boolean;
}

export function clearRanTests(): void {
	fs.rmSync(RAN_FILE, { force: true });
}

export function ranTests(): RanTest[] {
	if (!fs.existsSync(RAN_FILE)) return [];
	return fs.readFileSync(RAN_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as RanTest);
}
