/**
 * n8n's e2e tests run in this environment: Node's, plus a record of every finished test (file, full name, passed)
 * in one file per run, so coverage.e2e.test.ts can check that the cases coverage.ts names really ran.
 */
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';
import fs from 'node:fs';
import path from 'node:path';

import { RAN_FILE, type RanTest } from './ran';

function fullName(test: Circus.TestEntry): string {
	const names: string[] = [test.name];
	for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) {
		names.unshift(block.name);
	}
	return names.join(' ');
}

export default class RecordingEnvironment extends NodeEnvironment {
	private readonly testFile: string;

	constructor(...[config, context]: ConstructorParameters<typeof NodeEnvironment>) {
		super(config, context);
		this.testFile = path.basename(context.testPath);
	}

	handleTestEvent(event: Circus.Event): void {
		if (event.name !== 'test_done') return;
		const entry: RanTest = { file: this.testFile, test: fullName(event.test), passed: event.test.errors.length === 0 };
		fs.mkdirSync(path.dirname(RAN_FILE), { recursive: true });
		fs.appendFileSync(RAN_FILE, `${JSON.stringify(entry)}\n`);
	}
}
