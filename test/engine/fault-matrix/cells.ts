/**
 * Runs one cell of the matrix: one operation over its input items, in n8n-core's engine with Continue On Fail, against
 * a simulator of its own (so cells run side by side), with the cell's faults injected; and records what came out
 * and what the simulator received.
 */
import type { Fault, Simulator } from '../../simulator';
import { startSimulator } from '../../simulator';
import { simulatorCredentials } from '../examples';
import { createCredentialStore, loadPackage, runNode } from '../harness';
import type { OperationFixture } from './fixtures';
import type { ActionOperation } from './operations';

export const NODE_NAME = 'Under Test';

export interface ItemOutcome {
	outputs: Array<Record<string, unknown>>;
	errors: Array<Record<string, unknown>>;
}

export interface CellOutcome {
	/** Per input item, what came out paired with it. */
	items: ItemOutcome[];
	/** Output items without a pairedItem naming an input item. */
	unpaired: number;
	/** The node failed as a whole (it must not: Continue On Fail is on). */
	nodeError?: string;
	/** Requests on the operation's own route. */
	routeRequests: number;
	/** Sends: per input item, its requests on the route, and those the provider itself answered 2xx. */
	itemRequests: number[];
	itemAccepted: number[];
	/** Logins (providers with session tokens). */
	logins: number;
	/** Names of credential values (never the values) found anywhere in the run: outputs, errors, descriptions. */
	leaked: string[];
}

/** The secrets a run could leak: every password-typed field of the credential, and every session token issued. */
async function secretsOf(sim: Simulator, fixture: OperationFixture, data: Record<string, unknown>): Promise<Array<[string, string]>> {
	const { credentialTypes } = await loadPackage();
	const fields = credentialTypes
		.getByName(fixture.provider.credentialType)
		.properties.filter((property) => property.typeOptions?.password === true && typeof data[property.name] === 'string' && data[property.name] !== '')
		.map((property): [string, string] => [property.name, data[property.name] as string]);
	const tokens = sim.issuedTokens(fixture.provider.simulator).map(({ id, token }): [string, string] => [`session token #${id}`, token]);
	return [...fields, ...tokens];
}

export async function runCell(operation: ActionOperation, fixture: OperationFixture, faults: Fault[]): Promise<CellOutcome> {
	const sim = await startSimulator({ quiet: true });
	try {
		const data = simulatorCredentials(sim)[fixture.provider.credentialType];
		const store = await createCredentialStore({ [fixture.provider.credentialType]: data });
		for (const fault of faults) sim.injectFault(fault);
		const node = {
			name: NODE_NAME,
			type: operation.nodeType,
			parameters: { resource: operation.resource, operation: operation.operation, ...fixture.parameters },
			credentials: { [fixture.provider.credentialType]: { id: fixture.provider.credentialType, name: 'Simulator account' } },
			onError: 'continueRegularOutput' as const,
		};
		const result = await runNode(node, fixture.items, store);

		const items: ItemOutcome[] = fixture.items.map(() => ({ outputs: [], errors: [] }));
		let unpaired = 0;
		for (const { json, pairedItem } of result.output(NODE_NAME)) {
			const index = typeof pairedItem === 'object' && pairedItem !== null && !Array.isArray(pairedItem) ? pairedItem.item : undefined;
			const item = index === undefined ? undefined : items[index];
			if (!item) unpaired++;
			else if ('error' in json) item.errors.push(json);
			else item.outputs.push(json);
		}
		const onRoute = sim.log.filter((entry) => entry.provider === fixture.provider.simulator && fixture.route.test(entry.route ?? ''));
		const ofItem = (index: number) => onRoute.filter((entry) => fixture.itemBody?.(fixture.items[index]).test(JSON.stringify(entry.body)));
		const accepted = (index: number) => ofItem(index).filter((entry) => entry.fault === undefined && entry.status >= 200 && entry.status < 300);
		const serialized = JSON.stringify(result.run);
		const secrets = await secretsOf(sim, fixture, data);
		return {
			items,
			unpaired,
			nodeError: result.error(NODE_NAME)?.message,
			routeRequests: onRoute.length,
			itemRequests: fixture.items.map((_, index) => ofItem(index).length),
			itemAccepted: fixture.items.map((_, index) => accepted(index).length),
			logins: fixture.provider.login ? sim.count({ provider: fixture.provider.simulator, route: fixture.provider.login }) : 0,
			leaked: secrets.filter(([, value]) => serialized.includes(value)).map(([name]) => name),
		};
	} finally {
		await sim.close();
	}
}

/** At most `limit` tasks at once; each caller gets its own task's promise. */
export function semaphore(limit: number) {
	let running = 0;
	const waiting: Array<() => void> = [];
	return async <T>(task: () => Promise<T>): Promise<T> => {
		// A finishing task hands its slot straight to the next waiting one.
		if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
		else running++;
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}
