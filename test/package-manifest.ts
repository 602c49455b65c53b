/**
 * What package.json's `n8n` section publishes: every node and credential, read from its TypeScript source (the
 * file the listed dist/*.js is built from), so tests that must cover "every node" or "every credential" take the
 * list from the one place n8n takes it from and a newly listed entry cannot be forgotten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { instantiate } from '../scripts/lib/provider-build';
import { PROVIDER_PACKAGES, type ProviderPackage } from '../scripts/lib/provider-packages';

export const PACKAGE_ROOT = path.resolve(__dirname, '..');

interface PackageJson {
	name: string;
	homepage?: string;
	n8n: { credentials: string[]; nodes: string[] };
}

export function readPackageJson(): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

export interface PublishedCredential {
	/** The credential type name, e.g. `irisEngageApi`. */
	type: string;
	source: string;
	definition: ICredentialType;
	/** It logs in (`preAuthentication`) or holds a secret the user types: a wrong value must be tested. */
	hasLogin: boolean;
}

export interface PublishedNode {
	/** The full node type as n8n lists it, e.g. `n8n-nodes-chat-providers.irisEngage`. */
	type: string;
	source: string;
	/** The codex file beside the node's source (`<Node>.node.json`). */
	codex: string;
	definition: INodeType;
	isTrigger: boolean;
	/** Started by a provider's HTTP call (`webhook()`), not by a click or a poll. */
	isWebhookTrigger: boolean;
}

/** dist/nodes/X/X.node.js → <root>/nodes/X/X.node.ts */
function sourceOf(distFile: string): string {
	const source = path.join(PACKAGE_ROOT, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	if (!fs.existsSync(source)) throw new Error(`package.json lists ${distFile}, but ${path.relative(PACKAGE_ROOT, source)} does not exist`);
	return source;
}

export function publishedCredentials(): PublishedCredential[] {
	return readPackageJson().n8n.credentials.map((distFile) => {
		const source = sourceOf(distFile);
		const definition = instantiate<ICredentialType>(source);
		const typedSecret = definition.properties.some((property) => property.type !== 'hidden' && property.typeOptions?.password === true);
		return { type: definition.name, source, definition, hasLogin: typeof definition.preAuthentication === 'function' || typedSecret };
	});
}

export function publishedNodes(): PublishedNode[] {
	const { name: packageName, n8n } = readPackageJson();
	return n8n.nodes.map((distFile) => {
		const source = sourceOf(distFile);
		const definition = instantiate<INodeType>(source);
		const { description } = definition;
		// A webhook of an action node (the restart webhook a waiting operation is resumed through) starts nothing.
		const resumedOnly = (description.webhooks ?? []).every((webhook) => webhook.restartWebhook === true);
		const isWebhookTrigger = typeof definition.webhook === 'function' && !resumedOnly;
		const isTrigger = description.group.includes('trigger') || isWebhookTrigger || Boolean(definition.poll ?? definition.trigger);
		return { type: `${packageName}.${description.name}`, source, codex: source.replace(/\.ts$/, '.json'), definition, isTrigger, isWebhookTrigger };
	});
}

/** Full node types of the published webhook triggers: examples they start are fired by their provider's tests. */
export function webhookTriggerTypes(): Set<string> {
	return new Set(publishedNodes().filter((node) => node.isWebhookTrigger).map((node) => node.type));
}

/** The per-provider package a node of the combined package belongs to (its folder under nodes/). */
export function providerPackageOf(node: PublishedNode): ProviderPackage {
	const entry = PROVIDER_PACKAGES.find((candidate) => node.source.includes(`${path.sep}nodes${path.sep}${candidate.nodeFolder}${path.sep}`));
	if (!entry) throw new Error(`${node.type} is in no provider package (scripts/lib/provider-packages.ts)`);
	return entry;
}
