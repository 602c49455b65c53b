/**
 * Every provider folder follows the scheme of README "Adding a provider": what a provider sends us under
 * trigger/, what we send or ask under resources/<resource>/, and at the top only the node files, api.ts,
 * endpoint.ts, fields.ts and helpers that more than one side uses.
 */
import fs from 'node:fs';
import path from 'node:path';

const NODES = path.join(__dirname, '..', '..', 'nodes');
const PROVIDERS = fs.readdirSync(NODES).filter((name) => name !== 'shared' && fs.statSync(path.join(NODES, name)).isDirectory());
const FOLDERS = new Set(['resources', 'trigger', 'listSearch']);
const CORE = new Set(['api.ts', 'endpoint.ts', 'fields.ts']);

const sources = (provider: string) =>
	fs.readdirSync(path.join(NODES, provider), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => file.split(path.sep).join('/'));

/** The provider's own files `file` imports, as paths inside the provider folder. */
function localImports(provider: string, file: string): string[] {
	const text = fs.readFileSync(path.join(NODES, provider, file), 'utf8');
	return [...text.matchAll(/from '(\.[^']+)'/g)]
		.map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])) + '.ts')
		.filter((target) => !target.startsWith('..'));
}

/** Which side of the scheme a file is on: 'trigger', 'resources/<resource>', or 'top' (node files, api.ts, …). */
function sideOf(provider: string, file: string): string {
	if (file.startsWith('trigger/') || file === `${provider}Trigger.node.ts`) return 'trigger';
	const resource = /^resources\/([^/]+)\//.exec(file);
	return resource ? `resources/${resource[1]}` : 'top';
}

test.each(PROVIDERS)('%s has only resources/, trigger/ and listSearch/ folders', (provider) => {
	const folders = fs.readdirSync(path.join(NODES, provider), { withFileTypes: true }).filter((entry) => entry.isDirectory());
	expect(folders.map((entry) => entry.name).filter((name) => !FOLDERS.has(name))).toEqual([]);
	expect(fs.existsSync(path.join(NODES, provider, 'resources'))).toBe(true);
});

test.each(PROVIDERS)('%s keeps at the top only what more than one side uses', (provider) => {
	const files = sources(provider);
	const isHelper = (file: string) => !file.includes('/') && !file.endsWith('.node.ts') && !CORE.has(file);
	const importersOf = (target: string) => files.filter((file) => localImports(provider, file).includes(target));
	/** The sides a file serves: a helper serves whatever its importers serve (a helper of a trigger helper is the trigger's). */
	const sides = (file: string, seen: Set<string>): Set<string> => {
		if (!isHelper(file)) return new Set([sideOf(provider, file)]);
		if (seen.has(file)) return new Set();
		seen.add(file);
		return new Set(importersOf(file).flatMap((importer) => [...sides(importer, seen)]));
	};
	const misplaced = files.filter(isHelper).flatMap((file) => {
		const served = [...sides(file, new Set())];
		return served.length === 1 && served[0] !== 'top' ? [`${file} is used only by ${served[0]}: move it there`] : [];
	});
	expect(misplaced).toEqual([]);
});

test.each(PROVIDERS)('%s: trigger/ and resources/ do not import each other', (provider) => {
	const crossing = sources(provider).flatMap((file) =>
		localImports(provider, file)
			.filter((target) => (file.startsWith('trigger/') && target.startsWith('resources/')) || (file.startsWith('resources/') && target.startsWith('trigger/')))
			.map((target) => `${file} imports ${target}`),
	);
	expect(crossing).toEqual([]);
});

test('the scheme was checked on all five providers', () => {
	expect(PROVIDERS.sort()).toEqual(['CtLive', 'IrisEngage', 'Mehery', 'NetcoreBot', 'Wavy']);
});
