/** What the shared-core unit tests have in common: a node to blame, and ways to make a request fail. */
import { createServer, type AddressInfo } from 'node:net';
import type { INode } from 'n8n-workflow';

import type { Fault } from '../simulator';

export const testNode: INode = {
	id: 'node-1',
	name: 'IrisEngage',
	type: 'n8n-nodes-chat-providers.irisEngage',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A fault's shape without where and how often; distributes over the union, unlike a plain Omit. */
export type FaultShape<F = Fault> = F extends Fault ? Omit<F, 'times' | 'match'> : never;

/** A port on 127.0.0.1 that nothing listens on, for "connection refused". */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}
