import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------------------
// Community package install (what n8n 2.41.1 does, minus npm)
// ---------------------------------------------------------------------------------------------------------

export interface InstalledPackage {
	name: string;
	version: string;
	/** `<userFolder>/.n8n/nodes/node_modules/<name>` */
	dir: string;
	/** Node types n8n will list: `<name>.<node name>` is how they appear in /types/nodes.json. */
	nodeFiles: string[];
}

/**
 * Installs an `npm pack` tarball the way n8n 2.41.1 installs a community package: unpack it into
 * `<userFolder>/.n8n/nodes/node_modules/<name>` and delete devDependencies, peerDependencies and
 * optionalDependencies from its package.json. n8n would then run a shallow `npm install` there; we require
 * the package to have no runtime `dependencies`, so there is nothing to install (throws otherwise).
 * Do this while n8n is stopped: it loads community packages at start.
 */
export function installCommunityPackage(tarballPath: string, userFolder: string): InstalledPackage {
	const tarball = path.resolve(tarballPath);
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
	const name: string = manifest.name;
	if (!/^(@[a-z0-9][\w.-]*\/)?n8n-nodes-[\w.-]+$/.test(name ?? '')) {
		throw new Error(`${tarball}: package name "${name}" is not n8n-nodes-* or @scope/n8n-nodes-*; n8n would not load it`);
	}
	const deps = Object.keys(manifest.dependencies ?? {});
	if (deps.length) {
		throw new Error(`${name} has runtime dependencies (${deps.join(', ')}); installCommunityPackage does not run npm install`);
	}
	const nodesDir = path.join(path.resolve(userFolder), '.n8n', 'nodes', 'node_modules');
	const dir = path.join(nodesDir, ...name.split('/'));
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	const pkgFile = path.join(dir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	delete pkg.optionalDependencies;
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
	const nodeFiles: string[] = pkg.n8n?.nodes ?? [];
	for (const f of [...nodeFiles, ...(pkg.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(dir, f))) throw new Error(`${name}: package.json n8n entry ${f} is not in the tarball`);
	}
	return { name, version: pkg.version, dir, nodeFiles };
}
