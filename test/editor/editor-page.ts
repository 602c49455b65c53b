/**
 * The n8n 2.41.1 editor as a person uses it, driven in Debian's headless Chromium (playwright-core, no browser
 * download): add a node through the node panel, open its parameters, open a searchable list, test a credential.
 * Selectors are the editor's own `data-test-id`s.
 */
import fs from 'node:fs';

import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without these, Chromium keeps trying to reach Google's hosts, which this machine's network refuses.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const STEP_TIMEOUT = 30_000;

export async function launchBrowser(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function editorPage(browser: Browser, n8nUrl: string, authCookie: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const [name, value] = authCookie.split('=');
	await context.addCookies([{ name, value, url: n8nUrl }]);
	const page = await context.newPage();
	page.setDefaultTimeout(STEP_TIMEOUT);
	return page;
}

/**
 * On a new workflow: the node panel, searched for `search`, the matching node opened, and `item` (an action's or
 * a trigger's name as the panel lists it) clicked. The node details view opens on the added node.
 */
export async function addNode(page: Page, n8nUrl: string, search: string, item: string | RegExp): Promise<Locator> {
	await page.goto(`${n8nUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await page.getByTestId('node-creator-item-name').first().waitFor();
	await page.keyboard.press('Enter');
	const entry = page.getByTestId('node-creator-item-name').filter({ hasText: item });
	// On an empty canvas the panel folds the actions away under "Actions (n)".
	if (!(await entry.first().isVisible())) await page.getByTestId('node-creator-category-item').filter({ hasText: 'Actions' }).click();
	await entry.first().click();
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('node-parameters').waitFor();
	return ndv;
}

/** Problems the parameters panel shows as text (a failed options load, a parameter that cannot render). */
export async function renderProblems(ndv: Locator): Promise<string[]> {
	const text = (await ndv.getByTestId('node-parameters').innerText()).split('\n');
	return text.filter((line) => /error|problem|could not|failed|not (be )?loaded/i.test(line));
}

/** Opens a resource locator's list and returns the entries it loaded (from the server, i.e. the simulator). */
export async function listEntries(page: Page, ndv: Locator, parameter: string): Promise<string[]> {
	const locator = ndv.getByTestId(`resource-locator-${parameter}`);
	await locator.getByTestId('rlc-input').click();
	const items = page.getByTestId('rlc-item');
	await items.first().waitFor();
	const entries = await items.allInnerTexts();
	await items.first().click();
	return entries;
}

/** Picks an option of an options parameter by its shown name. */
export async function chooseOption(page: Page, ndv: Locator, parameter: string, option: string): Promise<void> {
	await ndv.getByTestId(`parameter-input-${parameter}`).click();
	// An option shows its name, then its description.
	await page.getByTestId('parameter-input-item').filter({ visible: true }).filter({ hasText: new RegExp(`^${option}`) }).first().click();
}

/**
 * Opens the node's credential, presses its Test button (the modal's Retry, which tests again) and returns what
 * n8n's test endpoint answered; the modal is closed again.
 */
export async function testCredential(page: Page, ndv: Locator): Promise<{ status: string; message?: string; banner: boolean }> {
	await ndv.getByTestId('credential-edit-button').click();
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.waitFor();
	const success = dialog.getByTestId('credentials-config-container-test-success');
	// Opening an existing credential tests it once; wait for that to settle before pressing the button.
	await success.or(dialog.getByText(/Couldn.t connect|failed/i)).first().waitFor();
	const answer = page.waitForResponse((response) => response.url().includes('/rest/credentials/test') && response.request().method() === 'POST');
	await dialog.getByRole('button', { name: 'Retry' }).click();
	const { data } = (await (await answer).json()) as { data: { status: string; message?: string } };
	const banner = await success.isVisible();
	// The modal's own close button (Escape would close the node's details view too).
	await page.getByTestId('editCredential-modal').locator('.el-dialog__headerbtn').click();
	await dialog.waitFor({ state: 'hidden' });
	return { ...data, banner };
}
