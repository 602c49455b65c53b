/**
 * A fresh real n8n with a chosen set of our tarballs installed, each the way n8n installs a community package,
 * in its own user folder: for the per-provider package cases, where the suite's shared n8n (the combined package
 * only) cannot serve. Runs on the e2e port + 2 (broker + 3), one server at a time, always stopped.
 */
import fs from 'node:fs';
import path from 'node:path';

import { installCommunityPackage, N8nClient, startN8n, type InstalledPackage } from '../../scripts/lib/n8n';
import { OWNER } from '../../scripts/lib/stage';
import { E2E_DIR } from './environment';

const PORT = Number(process.env.E2E_N8N_PORT ?? 5690) + 2;

export interface PackagesN8n {
	n8n: N8nClient;
	installed: InstalledPackage[];
	userFolder: string;
}

export async function withPackagesN8n<T>(label: string, tarballs: string[], use: (env: PackagesN8n) => Promise<T>): Promise<T> {
	const userFolder = path.join(E2E_DIR, 'packages', label);
	fs.rmSync(userFolder, { recursive: true, force: true });
	const installed = tarballs.map((tarball) => installCommunityPackage(tarball, userFolder));
	const server = await startN8n({ userFolder, port: PORT, brokerPort: PORT + 1 });
	try {
		const n8n = new N8nClient(server.url);
		await n8n.setupOwner(OWNER);
		await n8n.createApiKey();
		return await use({ n8n, installed, userFolder });
	} finally {
		await server.stop();
	}
}

/** A workflow of the combined package's examples, its node types renamed to another package's. */
export function renamedTypes<W extends { nodes: Array<{ type: string }> }>(workflow: W, packageName: string): W {
	return { ...workflow, nodes: workflow.nodes.map((node) => ({ ...node, type: node.type.replace(/^n8n-nodes-chat-providers\./, `${packageName}.`) })) };
}
