/**
 * Coverage by construction: every node and credential package.json publishes has its real-n8n cases, named in
 * coverage.ts, and those cases ran and passed in this run. Runs after every other e2e file (sequencer.js).
 */
import { publishedCredentials, publishedNodes } from '../package-manifest';
import { NODE_CASES, WRONG_SECRET_CASES, type E2ECase } from './coverage';
import { ranTests } from './ran';

const nodes = publishedNodes();
const credentials = publishedCredentials();

test('every published node, trigger included, has e2e cases in coverage.ts', () => {
	const uncovered = nodes.filter((node) => (NODE_CASES[node.type] ?? []).length === 0).map((node) => node.type);
	expect(uncovered).toEqual([]);
});

test('every published credential that logs in or holds a secret has a wrong-secret e2e case in coverage.ts', () => {
	const uncovered = credentials.filter((credential) => credential.hasLogin && !WRONG_SECRET_CASES[credential.type]).map((credential) => credential.type);
	expect(uncovered).toEqual([]);
});

test('coverage.ts names only node and credential types the package publishes', () => {
	expect(Object.keys(NODE_CASES).filter((type) => !nodes.some((node) => node.type === type))).toEqual([]);
	expect(Object.keys(WRONG_SECRET_CASES).filter((type) => !credentials.some((credential) => credential.type === type))).toEqual([]);
});

test('every case coverage.ts names ran and passed in this run', () => {
	const ran = ranTests();
	const passed = new Set(ran.filter((entry) => entry.passed).map((entry) => `${entry.file} › ${entry.test}`));
	const cases: E2ECase[] = [...Object.values(NODE_CASES).flat(), ...Object.values(WRONG_SECRET_CASES)];
	const missing = cases.map((entry) => `${entry.file} › ${entry.test}`).filter((name) => !passed.has(name));
	// Run alone, this file sees nothing: the check needs the whole suite (npm run test:e2e).
	expect({ missing, recorded: ran.length }).toEqual({ missing: [], recorded: expect.any(Number) });
});
