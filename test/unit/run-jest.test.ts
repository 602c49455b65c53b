/**
 * The watchdog around jest (scripts/run-jest.js) that `npm test` runs every level under: a test that leaves
 * something open, or never finishes, cannot hold the run. Each case runs real jest on a fixture test file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'run-jest');

let scratch: string;
beforeAll(() => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'run-jest-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs the watchdog on one fixture; kills its whole process group if it is still running after `deadlineMs`. */
async function watch(fixture: string, options: string[]): Promise<{ code: number | null; stderr: string; seconds: number; killedByTest: boolean }> {
	const started = Date.now();
	const outputFile = path.join(scratch, `${fixture}-${started}.json`);
	const child = spawn(
		process.execPath,
		['scripts/run-jest.js', ...options, '--', '--config', path.join(FIXTURES, 'jest.config.js'), '--testPathPatterns', `${fixture}\\.check`, '--json', `--outputFile=${outputFile}`],
		{ cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	let killedByTest = false;
	// A watchdog that fails to stop jest is stopped as Ctrl-C would: SIGTERM, which it passes on to jest's group.
	const deadline = setTimeout(() => {
		killedByTest = true;
		child.kill('SIGTERM');
	}, 30_000);
	try {
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		return { code, stderr, seconds: (Date.now() - started) / 1000, killedByTest };
	} finally {
		clearTimeout(deadline);
		if (child.exitCode === null) child.kill('SIGKILL');
	}
}

describe('scripts/run-jest.js', () => {
	test('a clean run exits with jest\'s own code', async () => {
		const run = await watch('clean', ['--grace-seconds', '2']);
		expect(run).toMatchObject({ code: 0, killedByTest: false });
	}, 60_000);

	test('a test that leaves a server open fails the run within the grace period, with the reason', async () => {
		const run = await watch('leaky', ['--grace-seconds', '2']);
		expect(run.killedByTest).toBe(false);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('jest wrote its results (1 passed, 0 failed) 2 s ago but has not exited');
	}, 60_000);

	test('a test stuck in a synchronous loop is killed at the time limit', async () => {
		const run = await watch('spinning', ['--limit-minutes', '0.1']);
		expect(run.killedByTest).toBe(false);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('jest has not finished after 0.1 minutes');
	}, 60_000);
});
