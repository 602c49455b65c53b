/**
 * One real n8n 2.41.1 for a benchmark: the packed package installed as n8n installs a community package, an owner,
 * an API key and one credential per provider pointing at the simulator. Shared by the overload bench and the
 * side-by-side bench (./real).
 */
import fs from 'node:fs';
import path from 'node:path';

import { chooseCredentials } from '../../scripts/lib/credentials';
import { N8nClient, installCommunityPackage, startN8n, type N8nServer } from '../../scripts/lib/n8n';
import { OWNER, PROJECT_ROOT, packPackage } from '../../scripts/lib/stage';
import type { ProviderInfo } from '../simulator';

export interface BenchN8n {
	server: N8nServer;
	n8n: N8nClient;
	/** Credential type → the saved credential's id and name. */
	credentials: Map<string, { id: string; name: string }>;
}

export interface BenchN8nOptions {
	/** Holds the n8n user folder (recreated) and the packed tarball. */
	workDir: string;
	port: number;
	providers: Record<string, ProviderInfo>;
	extraEnv?: Record<string, string>;
	log: (line: string) => void;
	/** Another build of the package to install instead of packing this one. */
	tarball?: string;
}

export async function startBenchN8n(options: BenchN8nOptions): Promise<BenchN8n> {
	const userFolder = path.join(options.workDir, 'n8n-user');
	fs.rmSync(userFolder, { recursive: true, force: true });
	installCommunityPackage(options.tarball ?? packPackage(path.join(options.workDir, 'pack')), userFolder);
	const server = await startN8n({ userFolder, port: options.port, extraEnv: options.extraEnv, log: options.log });
	try {
		const n8n = new N8nClient(server.url);
		await n8n.setupOwner(OWNER);
		await n8n.createApiKey();
		const credentials = new Map<string, { id: string; name: string }>();
		for (const choice of chooseCredentials(options.providers, { root: PROJECT_ROOT, simulatorOnly: true })) {
			const created = await n8n.createCredential({ name: choice.name, type: choice.type, data: choice.data });
			credentials.set(choice.type, { id: created.id, name: created.name });
		}
		return { server, n8n, credentials };
	} catch (error) {
		await server.stop();
		throw error;
	}
}
