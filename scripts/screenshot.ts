/**
 * `npm run screenshot`: pictures of our nodes in the real n8n editor for the README, taken with Debian's
 * headless Chromium (`apt-get install chromium`). Stages n8n like `npm start`, on its own port and folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { ensureRuntime } from '../runtime/ensure';
import { startSimulator } from '../test/simulator';
import { chooseCredentials } from './lib/credentials';
import { PROJECT_ROOT, stageN8n } from './lib/stage';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = path.join(PROJECT_ROOT, 'docs');
const WORK_DIR = path.join(PROJECT_ROOT, '.tmp', 'screenshot');
// Without these, Chromium keeps trying to reach Google's hosts, which this machine's network refuses.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const say = (line: string) => process.stdout.write(`${line}\n`);

async function shoot(page: Page, file: string) {
	await page.waitForTimeout(800);
	await page.screenshot({ path: path.join(OUT_DIR, file) });
	say(`wrote docs/${file}`);
}

async function main() {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	await ensureRuntime(say);
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	fs.rmSync(WORK_DIR, { recursive: true, force: true });
	const sim = await startSimulator();
	const credentials = chooseCredentials(sim.providers, { root: PROJECT_ROOT, simulatorOnly: true });
	const stage = await stageN8n({ userFolder: WORK_DIR, port: 5695, credentials, log: say });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const [name, value] = String(stage.client.authCookie).split('=');
		await context.addCookies([{ name, value, url: stage.server.url }]);
		const page = await context.newPage();
		const workflowId = stage.workflowIds.get('irisengage-conversation-get-history.json');
		await page.goto(`${stage.server.url}/workflow/${workflowId}`);
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'Get History' });
		await node.waitFor({ timeout: 30_000 });
		// The canvas pane overlays the button in headless runs; a forced click is what a user's click does.
		await page.locator('[data-test-id="execute-workflow-button"]').first().click({ force: true });
		await page.locator('[data-test-id="canvas-node-output-handle"]').first().waitFor({ timeout: 30_000 });
		await shoot(page, 'editor-workflow.png');
		await node.dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 15_000 });
		await shoot(page, 'editor-node.png');
	} finally {
		await browser.close();
		await stage.server.stop();
		await sim.close();
	}
}

main().catch((error: Error) => {
	process.stderr.write(`screenshot failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
