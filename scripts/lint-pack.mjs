// Lints what `npm pack` would publish, the way n8n's community-package scanner lints a tarball:
// the compiled .js and package.json, with the scanner's own rule set. Exits non-zero on any error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { ESLint } from 'eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

const scanConfig = [
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{ files: ['**/*.json'], languageOptions: { parser: tseslint.parser } },
];
const eslint = new ESLint({ cwd: packageDir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: scanConfig });
const files = packed.files.map((file) => file.path).filter((file) => file.endsWith('.js') || file === 'package.json');
const results = await eslint.lintFiles(files.map((file) => path.join(packageDir, file)));
const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
const report = await (await eslint.loadFormatter('stylish')).format(results);
if (report) console.log(report);
console.log(`lint:pack: ${files.length} files of ${packed.filename} (${packed.files.length} packed), ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
