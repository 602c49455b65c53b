/**
 * Stages one per-provider package from the built combined package (dist/): its nodes (from the root
 * package.json's `n8n.nodes` under `nodes/<folder>/`), the credentials those nodes name, every file they
 * require (require-graph.ts), their codex files and icons (no source maps: they point at TypeScript sources no
 * package holds, and were 40% of its size); a package.json with the root's version and only these entries; a
 * README composed from the main one; the LICENSE.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { providerReadme } from './package-readme';
import type { ProviderPackage } from './provider-packages';
import { requireClosure } from './require-graph';

export interface RootManifest {
	name: string;
	version: string;
	license: string;
	homepage: string;
	author: unknown;
	repository: unknown;
	engines: unknown;
	keywords: string[];
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
	peerDependencies: Record<string, string>;
}

export interface StagedPackage {
	name: string;
	dir: string;
	manifest: RootManifest;
}

export function readRootManifest(root: string): RootManifest {
	return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as RootManifest;
}

/** n8n instantiates the class named like the file (`Mehery` in Mehery.node.js); so do we, to read what n8n would read. */
export function instantiate<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = (require(file) as Record<string, new () => T>)[path.basename(file).split('.')[0]];
	if (typeof exported !== 'function') throw new Error(`${file} does not export a class named like the file`);
	return new exported();
}

/** `file:x.svg` icons (one, or light and dark), as absolute paths beside `definitionFile`. */
function iconFiles(definitionFile: string, icon: INodeTypeDescription['icon'] | ICredentialType['icon']): string[] {
	const values: unknown[] = typeof icon === 'string' ? [icon] : icon ? Object.values(icon) : [];
	return values.filter((value): value is string => typeof value === 'string' && value.startsWith('file:')).map((value) => path.resolve(path.dirname(definitionFile), value.slice('file:'.length)));
}

/** The dist files (relative to root) of a provider's nodes and the credentials they name. */
export function providerEntries(root: string, entry: ProviderPackage) {
	const manifest = readRootManifest(root);
	const nodes = manifest.n8n.nodes.filter((file) => file.startsWith(`dist/nodes/${entry.nodeFolder}/`));
	if (nodes.length === 0) throw new Error(`${entry.name}: no node under dist/nodes/${entry.nodeFolder}/ in package.json`);
	const nodeDefinitions = nodes.map((file) => ({ file, description: instantiate<INodeType>(path.join(root, file)).description }));
	const used = new Set(nodeDefinitions.flatMap(({ description }) => (description.credentials ?? []).map((credential) => credential.name)));
	const credentialDefinitions = manifest.n8n.credentials
		.map((file) => ({ file, definition: instantiate<ICredentialType>(path.join(root, file)) }))
		.filter(({ definition }) => used.has(definition.name));
	const missing = [...used].filter((name) => !credentialDefinitions.some(({ definition }) => definition.name === name));
	if (missing.length > 0) throw new Error(`${entry.name}: nodes use credential(s) ${missing.join(', ')} that package.json does not list`);
	const icons = [
		...nodeDefinitions.flatMap(({ file, description }) => iconFiles(path.join(root, file), description.icon)),
		...credentialDefinitions.flatMap(({ file, definition }) => iconFiles(path.join(root, file), definition.icon)),
	];
	return { manifest, nodes, credentials: credentialDefinitions.map(({ file }) => file), icons };
}

function copyInto(root: string, dir: string, file: string): void {
	const target = path.join(dir, path.relative(root, file));
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.copyFileSync(file, target);
}

/** Writes `<outDir>/<name>/` ready for `npm pack`. */
export function stageProviderPackage(root: string, entry: ProviderPackage, outDir: string): StagedPackage {
	const { manifest, nodes, credentials, icons } = providerEntries(root, entry);
	const dir = path.join(outDir, entry.name);
	fs.rmSync(dir, { recursive: true, force: true });
	const code = requireClosure([...nodes, ...credentials, 'dist/index.js'].map((file) => path.join(root, file)));
	const codex = nodes.map((file) => path.join(root, file.replace(/\.js$/, '.json'))).filter((file) => fs.existsSync(file));
	for (const file of [...code, ...icons]) copyInto(root, dir, file);
	for (const file of codex) {
		const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: string };
		json.node = json.node.replace(/^[^.]+\./, `${entry.name}.`);
		fs.writeFileSync(path.join(dir, path.relative(root, file)), `${JSON.stringify(json, null, '\t')}\n`);
	}
	const providerManifest = {
		name: entry.name,
		version: manifest.version,
		description: entry.description,
		keywords: ['n8n-community-node-package', 'n8n', ...entry.keywords],
		license: manifest.license,
		homepage: `${String(manifest.homepage).replace(/#readme$/, '')}/blob/main/docs/${entry.slug}.md`,
		author: manifest.author,
		repository: manifest.repository,
		engines: manifest.engines,
		main: 'dist/index.js',
		files: ['dist'],
		n8n: { n8nNodesApiVersion: manifest.n8n.n8nNodesApiVersion, strict: true, credentials, nodes },
		peerDependencies: manifest.peerDependencies,
	};
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(providerManifest, null, 2)}\n`);
	fs.writeFileSync(path.join(dir, 'README.md'), providerReadme(entry, fs.readFileSync(path.join(root, 'README.md'), 'utf8')));
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
	return { name: entry.name, dir, manifest: providerManifest as unknown as RootManifest };
}
