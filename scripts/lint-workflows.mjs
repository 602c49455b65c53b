// Validates every GitHub Actions workflow in .github/workflows against GitHub's workflow schema, offline, with
// action-validator (@action-validator/core, a WebAssembly build that carries the schema: no network).
// Exits non-zero on any error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { validateWorkflow } from '@action-validator/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.github', 'workflows');
const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
let failed = files.length === 0;
for (const file of files) {
	const { errors } = validateWorkflow(fs.readFileSync(path.join(dir, file), 'utf8'));
	failed ||= errors.length > 0;
	console.log(`lint:workflows: .github/workflows/${file}: ${errors.length === 0 ? 'valid' : 'INVALID'}`);
	if (errors.length > 0) console.log(JSON.stringify(errors, null, 2));
}
process.exit(failed ? 1 : 0);
