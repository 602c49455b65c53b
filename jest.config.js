/** Unit tests are pure; engine tests run the built package (dist/) in n8n-core's WorkflowExecute against the simulator. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };
const common = {
	testEnvironment: 'node',
	transform,
	setupFiles: ['<rootDir>/test/setup.ts'],
	modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/runtime/', '<rootDir>/.n8n-user/'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/simulator/**/*.test.ts'] },
		{ ...common, displayName: 'engine', testMatch: ['<rootDir>/test/engine/**/*.test.ts'], testTimeout: 60000 },
	],
};
