/**
 * `npm run pack:providers`: the six tarballs that get published, from one build: the combined
 * n8n-nodes-chat-providers (`npm pack` of this folder) and one package per provider (staged by
 * provider-build.ts into `.tmp/packages/<name>/`). Tarballs land in `.tmp/packages/`; `--json` prints their list.
 * Expects a current dist/ (`npm run build`, which the npm script runs first).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { stageProviderPackage } from './lib/provider-build';
import { PROVIDER_PACKAGES } from './lib/provider-packages';
import { PROJECT_ROOT } from './lib/stage';

export const PACKAGES_DIR = path.join(PROJECT_ROOT, '.tmp', 'packages');

export interface PackedTarball {
	name: string;
	version: string;
	/** Absolute path of the .tgz. */
	tarball: string;
	files: number;
	/** Unpacked size in bytes, as npm pack reports it. */
	unpackedSize: number;
}

function npmPack(dir: string): PackedTarball {
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', PACKAGES_DIR], { cwd: dir, encoding: 'utf8' })) as Array<{
		name: string;
		version: string;
		filename: string;
		entryCount: number;
		unpackedSize: number;
	}>;
	return { name: packed.name, version: packed.version, tarball: path.join(PACKAGES_DIR, packed.filename), files: packed.entryCount, unpackedSize: packed.unpackedSize };
}

/** Packs all six; returns them combined first. */
export function packAll(): PackedTarball[] {
	if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'index.js'))) throw new Error('no dist/: run npm run build first');
	fs.rmSync(PACKAGES_DIR, { recursive: true, force: true });
	fs.mkdirSync(PACKAGES_DIR, { recursive: true });
	const combined = npmPack(PROJECT_ROOT);
	const providers = PROVIDER_PACKAGES.map((entry) => npmPack(stageProviderPackage(PROJECT_ROOT, entry, PACKAGES_DIR).dir));
	return [combined, ...providers];
}

if (require.main === module) {
	const packed = packAll();
	if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(packed, null, 2)}\n`);
	else {
		for (const { tarball, files, unpackedSize } of packed) {
			process.stdout.write(`${path.relative(PROJECT_ROOT, tarball)}  ${files} files, ${(unpackedSize / 1024).toFixed(0)} kB unpacked\n`);
		}
	}
}
