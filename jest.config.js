/**
 * unit: pure tests and the simulator. engine: the built package (dist/) in n8n-core's WorkflowExecute against
 * the simulator. e2e: a real n8n server with the npm pack tarball installed (one server for the whole suite).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };
const common = {
	testEnvironment: 'node',
	transform,
	setupFiles: ['<rootDir>/test/setup.ts'],
	modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/runtime/', '<rootDir>/.n8n-user/'],
};

module.exports = {
	testSequencer: '<rootDir>/test/e2e/sequencer.js',
	projects: [
		{
			...common,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/simulator/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/unit/jest-timeout.ts'],
		},
		{
			...common,
			displayName: 'engine',
			testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/engine/jest-timeout.ts'],
		},
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			globalSetup: '<rootDir>/test/e2e/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
			// Records which tests ran, for coverage.e2e.test.ts (which the sequencer below runs last).
			testEnvironment: '<rootDir>/test/e2e/recording-environment.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jest-timeout.ts'],
		},
		// `npm run test:editor` only: the n8n editor in headless Chromium (not part of `npm test`).
		{ ...common, displayName: 'editor', testMatch: ['<rootDir>/test/editor/**/*.editor.test.ts'] },
	],
};
