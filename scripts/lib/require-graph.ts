/**
 * The files a set of compiled entry points needs, read from tsc's CommonJS output: every `require("./…")` is
 * followed to its file, transitively. Anything else a file requires must be on the allowed list (what n8n
 * itself provides at run time, or Node's own modules): a package that needs more would not load in n8n.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Modules n8n puts on a community package's path (n8n-workflow as peer, zod as n8n's own copy). */
export const PROVIDED_BY_N8N = ['n8n-workflow', 'zod', 'zod/v4'];

const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

function resolveRelative(fromFile: string, request: string): string {
	const base = path.resolve(path.dirname(fromFile), request);
	for (const candidate of [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${fromFile} requires "${request}", which is not in dist/`);
}

function isNodeBuiltin(request: string): boolean {
	return request.startsWith('node:') || builtinModules.includes(request);
}

/** Absolute paths of the entry files and every file they require, transitively (sorted). */
export function requireClosure(entries: string[]): string[] {
	const seen = new Set<string>();
	const pending = entries.map((entry) => path.resolve(entry));
	while (pending.length > 0) {
		const file = pending.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		if (!file.endsWith('.js')) continue;
		for (const [, request] of fs.readFileSync(file, 'utf8').matchAll(REQUIRE)) {
			if (request.startsWith('.')) pending.push(resolveRelative(file, request));
			else if (!PROVIDED_BY_N8N.includes(request) && !isNodeBuiltin(request)) {
				throw new Error(`${file} requires "${request}": neither ours nor provided by n8n (a runtime dependency)`);
			}
		}
	}
	return [...seen].sort();
}
