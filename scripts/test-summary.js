// One closing line over the three test levels (jest prints one per level): "tests: N passed, N failed".
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', '.tmp', 'results');
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
	const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	passed += result.numPassedTests;
	failed += result.numFailedTests;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
