import { loadExamples, ourNodes } from './examples';
import { createCredentialStore, runWorkflow } from './harness';
import { startStrictServer } from './netcore-strict-server';

const examples = loadExamples().filter((example) => example.file.startsWith('netcore-'));

test('there is a Netcore example for each operation and the trigger', () => {
	expect(examples.map((example) => example.file)).toEqual([
		'netcore-transcript-get-many.json',
		'netcore-trigger-new-user.json',
		'netcore-usage-get.json',
		'netcore-user-get-many.json',
	]);
});

test.each(examples.map((example) => [example.file, example]))(
	'%s also runs against an independent strict server, its paths and header set in the credential',
	async (_file, { workflow }) => {
		const server = await startStrictServer({ users: 70 });
		try {
			const result = await runWorkflow(workflow, await createCredentialStore({ netcoreBotApi: server.credentials }));
			for (const node of ourNodes(workflow)) {
				expect(result.error(node.name)).toBeUndefined();
				expect(result.output(node.name).length).toBeGreaterThan(0);
			}
			expect(server.requests.filter((request) => request.path === server.credentials.authPath)).toHaveLength(1);
		} finally {
			await server.close();
		}
	},
);
