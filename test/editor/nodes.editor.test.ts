/**
 * `npm run test:editor`: every node of the package in the real n8n editor, in Debian's headless Chromium, as a
 * person adds it: searched in the node panel and added to a new workflow, its parameters open with no error
 * shown, each searchable list loads its entries from the simulator, the credential's Test button reports
 * success with the simulator's credentials, and a screenshot of the node goes to docs/ (the docs pages show it).
 * Not part of `npm test` (see README "Develop": what it costs and when to run it).
 */
import path from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';

import { ensureRuntime } from '../../runtime/ensure';
import { chooseCredentials } from '../../scripts/lib/credentials';
import { screenshotFile } from '../../scripts/lib/docs-page';
import { PROJECT_ROOT, stageN8n, type Stage } from '../../scripts/lib/stage';
import { providerPackageOf, publishedNodes, type PublishedNode } from '../package-manifest';
import { startSimulator, type Simulator } from '../simulator';
import { addNode, chooseOption, editorPage, launchBrowser, listEntries, renderProblems, testCredential } from './editor-page';

const PORT = Number(process.env.EDITOR_N8N_PORT ?? 5698);
const TIMEOUT = 120_000;

/** The action each node is added with, where the first one would not show its searchable lists. */
const ACTION: Record<string, string> = {
	mehery: 'Send a message',
	netcoreBot: 'Get many transcript messages of a bot user',
};

/** Each searchable list (node: its searchListMethod), opened in the node's details view. */
const LIST_CHECKS: Record<string, (page: Page, ndv: Locator) => Promise<Record<string, string[]>>> = {
	mehery: async (page, ndv) => {
		const searchChannels = await listEntries(page, ndv, 'channelId');
		await chooseOption(page, ndv, 'messageType', 'Template');
		return { searchChannels, searchTemplates: await listEntries(page, ndv, 'template') };
	},
	netcoreBot: async (page, ndv) => ({ searchBotUsers: await listEntries(page, ndv, 'botUserId') }),
};

/** Every `searchListMethod` a node's description uses. */
function searchLists(node: PublishedNode): string[] {
	const methods = node.definition.description.properties.flatMap((property) => (property.modes ?? []).map((mode) => mode.typeOptions?.searchListMethod));
	return [...new Set(methods.filter((method): method is string => typeof method === 'string'))].sort();
}

function firstAction(node: PublishedNode): string {
	const operation = node.definition.description.properties.find((property) => property.name === 'operation');
	const action = (operation?.options as Array<{ action?: string }> | undefined)?.[0]?.action;
	if (!action) throw new Error(`${node.type} has no operation with an action`);
	return action;
}

let sim: Simulator;
let stage: Stage;
let browser: Browser;
beforeAll(async () => {
	await ensureRuntime(() => undefined);
	sim = await startSimulator({ quiet: true });
	const credentials = chooseCredentials(sim.providers, { root: PROJECT_ROOT, simulatorOnly: true });
	stage = await stageN8n({ userFolder: path.join(PROJECT_ROOT, '.tmp', 'editor'), port: PORT, credentials });
	browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await stage?.server.stop();
	await sim?.close();
}, 60_000);

const nodes = publishedNodes();

test.each(nodes.map((node) => [node.type, node]))(
	'%s: added from the node panel, its parameters render without error, its lists load, its credential tests OK, screenshot saved',
	async (_type, node) => {
		const { description } = node.definition;
		const entry = providerPackageOf(node);
		const search = description.displayName.replace(/ Trigger$/, '');
		const item = node.isTrigger ? new RegExp(`^On new ${search} event$`) : new RegExp(`^${ACTION[description.name] ?? firstAction(node)}$`);
		const page = await editorPage(browser, stage.server.url, String(stage.client.authCookie));
		try {
			const ndv = await addNode(page, stage.server.url, search, item);
			expect(await renderProblems(ndv)).toEqual([]);

			const lists = (await LIST_CHECKS[description.name]?.(page, ndv)) ?? {};
			expect(Object.keys(lists).sort()).toEqual(searchLists(node));
			for (const [method, entries] of Object.entries(lists)) expect([method, entries.length > 0]).toEqual([method, true]);
			expect(await renderProblems(ndv)).toEqual([]);

			const credential = await testCredential(page, ndv);
			expect(credential).toEqual({ status: 'OK', message: 'Connection successful!', banner: true });

			await page.mouse.move(0, 0);
			await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', screenshotFile(entry, description.name)) });
		} finally {
			await page.context().close();
		}
	},
	TIMEOUT,
);
