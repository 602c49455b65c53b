// Runs n8n's own community-package scanner (@n8n/scan-community-package, pinned) on what `npm pack` would
// publish and on the sources, offline: its `analyzePackage` lints a local folder with the scanner's own rule set
// and plugin versions; only its by-name entry point downloads from the registry, and we never call it.
// Legs: the unpacked tarball with analyzePackage's default patterns (every .js/.ts/.json, so a stray .d.ts is
// caught), the tarball as the scanner's gate scopes it, and the sources with the scanner's source patterns.
// Exits non-zero on any finding.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The scanner makes a temp folder when loaded (for its download path); have its `tmp` remove it on exit.
createRequire(path.join(root, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs'))('tmp').setGracefulCleanup();
const workDir = path.join(root, '.tmp', 'lint-pack');
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: root, encoding: 'utf8' }));
const packageDir = path.join(workDir, 'package');
execFileSync('tar', ['-xzf', path.join(workDir, packed.filename), '-C', workDir]);

const unexpected = packed.files.map((file) => file.path).filter((file) => !/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(file));
if (unexpected.length > 0) {
	console.error(`npm pack would publish files outside dist/: ${unexpected.join(', ')}`);
	process.exit(1);
}

const legs = [
	['tarball, every .js/.ts/.json', packageDir, undefined],
	['tarball, as the scanner gate scopes it', packageDir, ['**/*.js', 'package.json']],
	['sources, as the scanner lints them', root, SOURCE_FILE_PATTERNS],
];
let failed = false;
for (const [name, dir, patterns] of legs) {
	const result = await analyzePackage(dir, patterns);
	// "No files found" passes in the scanner, but here it would mean the check looked at nothing.
	const empty = result.message === 'No files found to analyze';
	failed ||= !result.passed || empty;
	console.log(`lint:pack: scanner on ${name}: ${result.passed && !empty ? 'passed' : `FAILED: ${result.message}`}`);
	if (result.details) console.log(result.details);
}
console.log(`lint:pack: ${packed.filename} (${packed.files.length} files) with @n8n/scan-community-package's analyzePackage`);
process.exit(failed ? 1 : 0);
