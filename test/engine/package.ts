import 'reflect-metadata';

import { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialTypes,
	IExecuteFunctions,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import path from 'node:path';

import { CredentialStore } from './credentials';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-chat-providers';

/**
 * n8n-nodes-base is not a dependency of this package, so the two base nodes our example workflows use are
 * stood in for: Manual Trigger does what it does in a manual run (emit one empty item), Sticky Note nothing.
 */
const manualTrigger: INodeType = {
	description: {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Stand-in for n8n-nodes-base.manualTrigger',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [[{ json: {} }]];
	},
};

const stickyNote: INodeType = {
	description: {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: 1,
		description: 'Stand-in for n8n-nodes-base.stickyNote',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Width', name: 'width', type: 'number', default: 240 },
			{ displayName: 'Height', name: 'height', type: 'number', default: 160 },
		],
	},
};

export interface LoadedPackage {
	loader: PackageDirectoryLoader;
	nodeTypes: INodeTypes;
	credentialTypes: ICredentialTypes;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Package prefix of node types that exist only in the tests (fixtures), never in the published package. */
export const TEST_FIXTURE_PREFIX = 'test-fixtures';
const fixtureNodeTypes = new Map<string, INodeType | IVersionedNodeType>();
const fixtureCredentialTypes = new Map<string, ICredentialType>();

/**
 * Makes a test-only node type (and the credential types it uses) known to the harness as
 * `test-fixtures.<description.name>`. Returns that type name.
 */
export function registerFixtureNodeType(type: INodeType, credentialTypes: ICredentialType[] = []): string {
	for (const credentialType of credentialTypes) fixtureCredentialTypes.set(credentialType.name, credentialType);
	const name = `${TEST_FIXTURE_PREFIX}.${type.description.name}`;
	fixtureNodeTypes.set(name, type);
	return name;
}

/** Loads the built package (dist/) exactly the way n8n does, through n8n-core's PackageDirectoryLoader. */
export async function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const byType = new Map<string, INodeType | IVersionedNodeType>();
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) byType.set(`${PACKAGE_NAME}.${name}`, type);
		byType.set('n8n-nodes-base.manualTrigger', manualTrigger);
		byType.set('n8n-nodes-base.stickyNote', stickyNote);
		const nodeType = (type: string) => required(byType.get(type) ?? fixtureNodeTypes.get(type), `node type ${type}`);
		const credentialType = (type: string) => loader.credentialTypes[type]?.type ?? fixtureCredentialTypes.get(type);
		const nodeTypes: INodeTypes = {
			getByName: nodeType,
			getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeType(type), version),
			getKnownTypes: () => ({}),
		};
		const credentialTypes: ICredentialTypes = {
			recognizes: (type) => credentialType(type) !== undefined,
			getByName: (type) => required(credentialType(type), `credential type ${type}`) as ICredentialType,
			getSupportedNodes: () => [],
			getParentTypes: (type) => credentialType(type)?.extends ?? [],
		};
		return { loader, nodeTypes, credentialTypes };
	})();
	return await loaded;
}

export function required<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`Unknown ${what}`);
	return value;
}

/** A credential store over this package's credential types, to share across several executions. */
export async function createCredentialStore(credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
	const store = new CredentialStore((await loadPackage()).credentialTypes);
	for (const [type, data] of Object.entries(credentials)) store.set(type, data);
	return store;
}
