// Jest's default order, except that coverage.e2e.test.ts comes last: it checks which e2e cases ran before it.
const { default: Sequencer } = require('@jest/test-sequencer');

const LAST = /[\\/]test[\\/]e2e[\\/]coverage\.e2e\.test\.ts$/;

module.exports = class CoverageLastSequencer extends Sequencer {
	async sort(tests) {
		const sorted = await super.sort(tests);
		return [...sorted.filter((test) => !LAST.test(test.path)), ...sorted.filter((test) => LAST.test(test.path))];
	}
};
