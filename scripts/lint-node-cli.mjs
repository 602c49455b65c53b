// Runs the n8n-node tooling's own lint (`n8n-node lint` of @n8n/node-cli, pinned) on each package we publish,
// as n8n's verification asks. That command lints the TypeScript sources of a node package folder with the
// CLI's default eslint config and, in strict mode ("n8n": { "strict": true }), first checks that the folder's
// eslint.config.mjs is exactly that default. Our repository holds six packages in one source tree, so for each
// tarball staged by `npm run pack:providers` (.tmp/packages/<name>/) this builds the folder n8n-node expects:
// its package.json (strict), the default eslint.config.mjs copied from @n8n/node-cli's template, our
// tsconfig.json, and the .ts sources of exactly the files that package ships. Exits non-zero on any finding.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = path.join(root, '.tmp', 'packages');
const workDir = path.join(root, '.tmp', 'lint-node-cli');
const template = path.join(root, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs');
const cli = path.join(root, 'node_modules/.bin/n8n-node');

/** Every file under dir, relative to it. */
function walk(dir, base = dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full, base) : [path.relative(base, full)];
	});
}

function stage(name, packageDir) {
	const dir = path.join(workDir, name);
	fs.mkdirSync(dir, { recursive: true });
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	manifest.n8n.strict = true;
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	fs.copyFileSync(template, path.join(dir, 'eslint.config.mjs'));
	fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	const sources = walk(path.join(packageDir, 'dist'))
		.filter((file) => file.endsWith('.js') && file !== 'index.js')
		.map((file) => file.replace(/\.js$/, '.ts'));
	// Icons and codex files sit beside the sources, as in the repository (the icon rule looks for them there).
	const assets = walk(path.join(packageDir, 'dist')).filter((file) => /\.(svg|png|json)$/.test(file));
	for (const file of [...sources, ...assets]) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dir, file));
	}
	return { dir, sources: sources.length };
}

if (!fs.existsSync(packagesDir)) {
	console.error('lint:node-cli: no .tmp/packages: run npm run pack:providers first');
	process.exit(1);
}
fs.rmSync(workDir, { recursive: true, force: true });
const names = fs.readdirSync(packagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
// The combined package is this folder: its tarball ships dist/ as built here.
const combined = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).name;

/** `n8n-node lint` in a staged folder; resolves with its exit code and output. */
function lint(dir) {
	return new Promise((resolve) => {
		const child = spawn(cli, ['lint'], { cwd: dir, env: { ...process.env, CI: 'true' } });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
	});
}

const pending = [[combined, root], ...names.map((name) => [name, path.join(packagesDir, name)])];
let failed = false;
// Two at a time: each is one CPU-bound eslint process, and the machines have two cores.
await Promise.all(
	[0, 1].map(async () => {
		for (let next = pending.shift(); next; next = pending.shift()) {
			const [name, packageDir] = next;
			const { dir, sources } = stage(name, packageDir);
			const { code, output } = await lint(dir);
			failed ||= code !== 0;
			console.log(`lint:node-cli: n8n-node lint (strict) on ${name} (${sources} .ts files): ${code === 0 ? 'passed' : 'FAILED'}`);
			if (code !== 0) console.log(output);
		}
	}),
);
process.exit(failed ? 1 : 0);
