// Runs n8n's own community-package scanner (@n8n/scan-community-package, pinned) on every tarball we publish
// (`npm run pack:providers`: the combined package and one per provider) and on the sources, offline: its
// `analyzePackage` lints a local folder with the scanner's own rule set and plugin versions; only its by-name
// entry point downloads from the registry, and we never call it.
// Legs per tarball: unpacked with analyzePackage's default patterns (every .js/.ts/.json, so a stray .d.ts is
// caught) and as the scanner's gate scopes it; once: the sources with the scanner's source patterns.
// Also per tarball: only dist/, package.json, README.md and LICENSE, and no runtime dependencies.
// Expects a current dist/ (npm run lint builds first). Exits non-zero on any finding.
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

const packed = JSON.parse(
	execFileSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/pack-providers.ts', '--json'], { cwd: root, encoding: 'utf8' }),
);

let failed = false;
async function scan(name, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	// "No files found" passes in the scanner, but here it would mean the check looked at nothing.
	const empty = result.message === 'No files found to analyze';
	failed ||= !result.passed || empty;
	console.log(`lint:pack: scanner on ${name}: ${result.passed && !empty ? 'passed' : `FAILED: ${result.message}`}`);
	if (result.details) console.log(result.details);
}

for (const { name, tarball } of packed) {
	const packageDir = path.join(workDir, name);
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((file) => file.replace(/^package\//, ''));
	const unexpected = files.filter((file) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(file));
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const dependencies = Object.keys(manifest.dependencies ?? {});
	if (unexpected.length > 0) console.error(`lint:pack: ${name} would publish files outside dist/: ${unexpected.join(', ')}`);
	if (dependencies.length > 0) console.error(`lint:pack: ${name} has runtime dependencies: ${dependencies.join(', ')}`);
	failed ||= unexpected.length > 0 || dependencies.length > 0;
	await scan(`${name}, every .js/.ts/.json`, packageDir, undefined);
	await scan(`${name}, as the scanner gate scopes it`, packageDir, ['**/*.js', 'package.json']);
}
await scan('the sources, as the scanner lints them', root, SOURCE_FILE_PATTERNS);
console.log(`lint:pack: ${packed.length} tarballs in .tmp/packages checked with @n8n/scan-community-package's analyzePackage`);
process.exit(failed ? 1 : 0);
