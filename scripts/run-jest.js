#!/usr/bin/env node
/**
 * Runs jest with a watchdog, so nothing a test leaves behind can hold a run (or CI) open:
 *
 *   node scripts/run-jest.js [--grace-seconds 15] [--limit-minutes 20] -- <jest arguments with --outputFile=...>
 *
 * - Once jest has written its results file (after every test and the global teardown), it has `grace` seconds to
 *   exit. If it has not (a server, a timer or a loop a test left running), the watchdog says so, kills jest's whole
 *   process group and exits 1: the run ends at once and fails with the reason, rather than hanging or passing
 *   with the leak hidden (what jest's --forceExit would do).
 * - A run that has not finished after `limit` minutes (a test stuck in a synchronous loop, which jest's own test
 *   timeout cannot interrupt) is killed the same way.
 * - Ctrl-C or SIGTERM stops jest's whole process group (n8n servers the e2e suite started included).
 * Otherwise the exit code is jest's.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function parseArguments(argv) {
	const split = argv.indexOf('--');
	const own = split === -1 ? [] : argv.slice(0, split);
	const jestArguments = split === -1 ? argv : argv.slice(split + 1);
	const option = (name, fallback) => {
		const at = own.indexOf(name);
		if (at === -1) return fallback;
		const value = Number(own[at + 1]);
		if (!(value > 0)) throw new Error(`${name} must be a positive number, got ${own[at + 1]}`);
		return value;
	};
	const outputFile = jestArguments.find((argument) => argument.startsWith('--outputFile='))?.slice('--outputFile='.length);
	if (!outputFile) throw new Error('run-jest needs jest\'s --outputFile=<path> (with --json): its appearance marks the end of the run');
	return {
		graceMs: option('--grace-seconds', 15) * 1000,
		limitMs: option('--limit-minutes', 20) * 60_000,
		jestArguments,
		outputFile: path.resolve(outputFile),
	};
}

/** The results jest wrote, once the file is complete JSON; undefined before. */
function readResults(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function main() {
	const { graceMs, limitMs, jestArguments, outputFile } = parseArguments(process.argv.slice(2));
	fs.rmSync(outputFile, { force: true }); // a results file from an earlier run must not count as this one's
	fs.mkdirSync(path.dirname(outputFile), { recursive: true });
	const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...jestArguments], { stdio: 'inherit', detached: true });
	const started = Date.now();
	let resultsAt;
	let verdict;

	const killGroup = (signal) => {
		try {
			process.kill(-jest.pid, signal);
		} catch {
			// already gone
		}
	};
	const stop = (message) => {
		clearInterval(watch);
		process.stderr.write(`\nrun-jest: ${message}\n`);
		killGroup('SIGTERM');
		setTimeout(() => killGroup('SIGKILL'), 5_000).unref();
		process.exitCode = 1;
	};
	const watch = setInterval(() => {
		if (resultsAt === undefined) {
			const results = readResults(outputFile);
			if (results) {
				resultsAt = Date.now();
				verdict = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
			}
		}
		if (resultsAt !== undefined && Date.now() - resultsAt > graceMs) {
			stop(
				`jest wrote its results (${verdict}) ${graceMs / 1000} s ago but has not exited: a test left a server, ` +
					'a timer or a loop running. Killed. Find it with `npx jest --detectOpenHandles <test file>`.',
			);
		} else if (resultsAt === undefined && Date.now() - started > limitMs) {
			stop(`jest has not finished after ${limitMs / 60_000} minutes (a test stuck in a synchronous loop?). Killed.`);
		}
	}, 250);

	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			clearInterval(watch);
			killGroup(signal);
			setTimeout(() => killGroup('SIGKILL'), 5_000).unref();
			process.exitCode = 130;
		});
	}
	jest.on('exit', (code, signal) => {
		clearInterval(watch);
		if (process.exitCode === undefined) process.exitCode = code ?? (signal ? 1 : 0);
		killGroup('SIGKILL'); // anything jest started and left behind (its group outlives it)
	});
}

main();
