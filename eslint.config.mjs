import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

/**
 * The rules n8n's community-package scanner applies (@n8n/eslint-plugin-community-nodes) plus the classic
 * n8n-nodes-base rules for nodes, credentials and package.json. `npm run lint:pack` runs this same config
 * over the files `npm pack` would publish.
 */
const communityRules = n8nCommunityNodesPlugin.configs.recommended;

export default [
	{ ignores: ['node_modules/**', 'dist/**', 'runtime/**', 'coverage/**', '.n8n-user/**', '.tmp/**', '**/*.d.ts', 'eslint.config.mjs'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		plugins: { ...communityRules.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: communityRules.rules,
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			...n8nNodesBase.configs.credentials.rules,
			'no-console': 'error',
			// As in n8n's starter: these apply to nodes inside the n8n repository only.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/node-resource-description-filename-against-convention': 'off',
			// Superseded by the scanner's node-connection-type-literal rule, which asks for NodeConnectionTypes.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Kept identical to n8n's scanner: its credential-password-field rule is the accurate one, and
			// a provider's real maximum is a valid maxValue.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
];
