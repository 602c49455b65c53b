#!/usr/bin/env node
'use strict';
/**
 * Patch a package-lock.json (the project's or runtime/'s) so `npm ci` accepts it on this machine's partial npm mirror.
 *
 * Why: the mirror lacks the other platforms' optional prebuilt packages of some native modules
 * (e.g. @msgpackr-extract/msgpackr-extract-darwin-arm64@3.0.7 for n8n, @unrs/resolver-binding-darwin-x64 for jest). `npm install` then writes a lockfile
 * without entries for them, and `npm ci` refuses it ("Missing: ... from lock file"). Adding entries with
 * their `os`/`cpu` (and no tarball) satisfies `npm ci`, which skips them by platform anyway.
 *
 * Usage, after any `npm install` that rewrites a lockfile:
 *   node scripts/fix-lock.js package-lock.json && node scripts/fix-lock.js runtime/package-lock.json
 * Only optional dependencies whose name ends in `-<os>-<cpu>` are added; anything else missing is an error.
 */
const fs = require('fs');
const path = require('path');

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'android', 'openharmony'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64'];
const PLATFORM_RE = new RegExp(`-(${OS.join('|')})-(${CPU.join('|')})(?:-(?:gnu|musl|msvc|eabi|gnueabihf|musleabihf))?$`);

/** Where npm would look up `name` from the package installed at lock key `from` (node_modules walk). */
function findInstalled(packages, from, name) {
	let dir = from;
	for (;;) {
		const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
		if (packages[key]) return key;
		if (!dir) return null;
		const idx = dir.lastIndexOf('/node_modules/');
		dir = idx === -1 ? '' : dir.slice(0, idx);
	}
}

function fixLock(lockPath) {
	const text = fs.readFileSync(lockPath, 'utf8');
	const indent = (/^{\n([ \t]+)"/.exec(text) || [null, '  '])[1];
	const lock = JSON.parse(text);
	const packages = lock.packages;
	const added = [];
	for (const [key, pkg] of Object.entries(packages)) {
		for (const [name, range] of Object.entries(pkg.optionalDependencies || {})) {
			if (findInstalled(packages, key, name)) continue;
			const m = PLATFORM_RE.exec(name);
			if (!m) throw new Error(`${key}: optional dependency ${name} missing from lock and not platform-specific`);
			if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) {
				throw new Error(`${key}: optional dependency ${name}@${range} is not an exact version`);
			}
			const target = packages[`node_modules/${name}`] ? `${key}/node_modules/${name}` : `node_modules/${name}`;
			packages[target] = { version: range, cpu: [m[2]], optional: true, os: [m[1]] };
			added.push(`${target}@${range}`);
		}
	}
	if (added.length) {
		const sorted = {};
		const root = packages[''];
		sorted[''] = root;
		const keys = Object.keys(packages).filter((k) => k !== '');
		keys.sort((a, b) => a.localeCompare(b, 'en'));
		for (const k of keys) sorted[k] = packages[k];
		lock.packages = sorted;
		fs.writeFileSync(lockPath, JSON.stringify(lock, null, indent) + '\n');
	}
	return added;
}

module.exports = { fixLock };

if (require.main === module) {
	const lockPath = path.resolve(process.argv[2] || 'package-lock.json');
	const added = fixLock(lockPath);
	console.log(added.length ? `added ${added.length} lock entries:\n  ${added.join('\n  ')}` : 'lockfile already complete');
}
