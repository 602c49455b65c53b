/** What the shared-core unit tests have in common: a node to blame, and ways to make a request fail. */
import axios from 'axios';
import { createServer, type AddressInfo } from 'node:net';
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { Fault, Simulator } from '../simulator';

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

/** Credential values every provoked request carries, so tests can prove none of them leaks. */
export const SECRETS = ['SECRET-TOKEN-123', 'SECRET-PASSWORD-456', 'SECRET-KEY-789'];

/** A way for a request to fail: a simulator fault, or nothing listening at all. */
export type Way = FaultShape | 'refused';

/**
 * Makes a real request carrying credentials (bearer token, password in the body, key in the query) fail
 * the given way, and returns what n8n's request helper would throw: a NodeApiError around the axios error.
 */
export async function provokeFailure(sim: Simulator, refusedUrl: string, way: Way): Promise<NodeApiError> {
	let url = `${refusedUrl}?apiKey=${SECRETS[2]}`;
	if (way !== 'refused') {
		sim.injectFault({ ...way, times: 1, match: { provider: 'irisengage', route: /GetContent/ } });
		url = `${sim.providers.irisengage.baseUrl}/IrisEngage_API/api/GetContent?apiKey=${SECRETS[2]}`;
	}
	try {
		await axios.post(
			url,
			{ RequestId: 'r1', Name: 'user1', Password: SECRETS[1] },
			// Tight only where the timeout is the failure: elsewhere a loaded machine must not turn an answer into one.
			{ headers: { Authorization: `Bearer ${SECRETS[0]}` }, timeout: way !== 'refused' && way.kind === 'delay' ? 100 : 10_000 },
		);
	} catch (error) {
		return new NodeApiError(testNode, error as JsonObject);
	}
	throw new Error(`${JSON.stringify(way)}: the request unexpectedly succeeded`);
}
