import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { providerCredentials } from './credentials';
import { beginExecution, readMaxConcurrentRequests } from './execution';
import { fastParameterReader } from './parameters';
import { runPool } from './pool';
import { declaresIdempotencyKey, SendGuard } from './sendOnce';
import { limiterFor } from './learnedLimits';
import { LimiterClosedError } from './throttle';

/** An entry of the Operation selector; `value` defaults to the operation's key in its resource. */
export interface OperationOption {
	name: string;
	value?: string;
	action: string;
	description: string;
}

interface BaseOperation<Params> {
	/** How the operation appears in its resource's Operation selector; declared once, see `defineResource`. */
	option?: OperationOption;
	description: INodeProperties[];
	/** Reads and validates one item's parameters; throws a NodeOperationError naming the field. */
	readParameters(this: IExecuteFunctions, itemIndex: number): Params;
	/** Runs one item and returns its output rows (each becomes an item paired with the input). */
	run(this: IExecuteFunctions, params: Params, itemIndex: number): Promise<IDataObject[]>;
	/**
	 * What makes two tries of one item the same message, for Retry On Fail (see sendOnce.ts); default: all its
	 * parameters. Leave out what differs between tries of one message, such as a time that defaults to now.
	 */
	identity?(params: Params): unknown;
	/**
	 * For an operation with more than one output (Send and Wait for Reply): runs the node itself, usually around
	 * `runOperation`, and returns every output. Without it the node returns `runOperation`'s items.
	 */
	execute?(this: IExecuteFunctions, runOptions: RunOptions): Promise<INodeExecutionData[][]>;
	/** An operation that sends through another one (whose parameters it shows too): that one's description counts. */
	sendsWith?: { description: INodeProperties[] };
}

/** Reads are idempotent: retried on any transient failure. Items with the same key run in input order. */
export interface ReadOperation<Params> extends BaseOperation<Params> {
	kind?: 'read';
	orderKey?: (params: Params) => string | undefined;
}

/**
 * A send delivers something to a recipient: its requests are never repeated after an ambiguous failure, and
 * it must name the recipient, so that messages to one recipient go out one after another in input order.
 */
export interface SendOperation<Params> extends BaseOperation<Params> {
	kind: 'send';
	orderKey: (params: Params) => string;
}

/**
 * One operation of a node, in one file: its parameters and how to run one input item.
 * Reading parameters is separate from running so that bad input is reported before any request.
 */
export type Operation<Params> = ReadOperation<Params> | SendOperation<Params>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operation has its own parameter type
export type ResourceOperations = Record<string, Operation<any>>;
export type OperationMap = Record<string, ResourceOperations>;

/**
 * A node's `{resource: {operation}}` table, checked when the node module loads: types stop a TypeScript author,
 * this stops plain JavaScript or a cast from declaring a send without an order key.
 */
export function operationTable<Map extends OperationMap>(operations: Map): Map {
	for (const [resource, byName] of Object.entries(operations)) {
		for (const [name, operation] of Object.entries(byName)) {
			const kind = (operation as { kind?: unknown }).kind;
			if (kind !== undefined && kind !== 'read' && kind !== 'send') {
				throw new Error(`Operation "${resource}/${name}" has kind ${JSON.stringify(kind)}; use "read" or "send"`);
			}
			if (kind === 'send' && typeof operation.orderKey !== 'function') {
				throw new Error(
					`Operation "${resource}/${name}" sends but declares no orderKey: name the recipient so messages to it keep their order`,
				);
			}
			if (kind === 'send' && !declaresIdempotencyKey(operation.sendsWith?.description ?? operation.description)) {
				throw new Error(`Operation "${resource}/${name}" sends but has no Idempotency Key option: add idempotencyKeyOption to its Options`);
			}
		}
	}
	return operations;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * Runs an operation over every input item: validate all, then run them side by side, with one adaptive bound on
 * the provider requests in flight over the whole execution (see throttle.ts).
 * Output keeps input order, every item carries `pairedItem`, and with "Continue On Fail" every failed
 * input item yields exactly one error item instead of stopping the workflow.
 */
export interface RunOptions {
	/**
	 * Where the node's credential keeps a session token it logs in for (IrisEngage, Netcore). While it is empty,
	 * the first item runs alone, so that one login serves every item (n8n would otherwise run the credential's
	 * login step, and save its token, once per concurrent request).
	 */
	sessionToken?: { credentialType: string; field: string };
	/** e.g. 'message/send': what the limiter learns from 429s is remembered per operation (learnedLimits.ts). */
	operationName?: string;
}

export async function runOperation<Params>(
	context: IExecuteFunctions,
	operation: Operation<Params>,
	runOptions: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const params: Array<Params | undefined> = [];
	const keys: Array<string | undefined> = [];
	const failures = new Map<number, NodeApiError | NodeOperationError>();
	// One bound over every request of this execution, nested ones included; the user's bound is read first so a
	// bad value fails the node before any request.
	const { limiter, remember } = limiterFor(context, runOptions.operationName ?? '', readMaxConcurrentRequests(context));
	// What the operation gets as `this`, for reading and running alike: the context, reading item fields straight
	// from the items (parameters.ts).
	const reader = fastParameterReader(context);
	const scope = { limiter, kind: operation.kind ?? 'read' } as const;
	beginExecution(context, scope);
	beginExecution(reader, scope);
	// What changes state at the provider happens once per item, however n8n retries (see sendOnce.ts).
	const guard = operation.kind === 'send' || declaresIdempotencyKey(operation.description) ? new SendGuard<Params>(context, operation.identity?.bind(operation)) : undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			params[itemIndex] = operation.readParameters.call(reader, itemIndex);
			keys[itemIndex] = orderKeyOf(context, operation, params[itemIndex] as Params, itemIndex);
			guard?.prepare(itemIndex, reader);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context, error, itemIndex);
			failures.set(itemIndex, asNodeError(context, error, itemIndex));
		}
	}

	const runnable = items.map((_, index) => index).filter((index) => !failures.has(index));
	// Without Continue On Fail the first failure fails the node: items not sent yet are not sent at all.
	let failed = false;
	const work = async (itemIndex: number) => {
		if (failed) return undefined;
		const itemParams = params[itemIndex] as Params;
		try {
			const instead = await guard?.instead(itemIndex, itemParams);
			if (instead) return instead;
			// An item that failed the node while this one claimed its key.
			if (failed) throw new LimiterClosedError();
			const rows = await operation.run.call(reader, itemParams, itemIndex);
			guard?.sent(itemIndex, itemParams, rows);
			return rows;
		} catch (error) {
			guard?.failed(itemIndex, error);
			if (error instanceof LimiterClosedError) return undefined;
			if (!continueOnFail) {
				failed = true;
				limiter.close();
			}
			throw asNodeError(context, error, itemIndex);
		}
	};
	// The limiter bounds the requests. Items start only a little ahead of its window: an item started long before
	// it can send does its preparation while answers of requests already out wait for the event loop.
	const options = {
		concurrency: () => Math.min(limiter.max, limiter.limit + Math.ceil(limiter.limit / 5)),
		keyOf: (itemIndex: number) => keys[itemIndex],
	};
	// A send's first item runs alone: if it fails without Continue On Fail (a wrong channel, template or credential),
	// nothing else was sent. Reads start at once, unless they must log in first.
	const alone = operation.kind === 'send' || (await mustLogIn(context, runOptions)) ? 1 : 0;
	const results = [...(await runPool(runnable.slice(0, alone), options, work)), ...(await runPool(runnable.slice(alone), options, work))];
	const outcomes = new Map(runnable.map((itemIndex, position) => [itemIndex, results[position]]));
	const firstFailure = continueOnFail ? undefined : runnable.find((itemIndex) => outcomes.get(itemIndex)?.status === 'rejected');
	remember();
	await guard?.finish(firstFailure === undefined);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		const outcome = outcomes.get(itemIndex);
		if (outcome?.status === 'fulfilled') {
			for (const json of outcome.value ?? []) output.push({ json, pairedItem });
			continue;
		}
		const error = failures.get(itemIndex) ?? asNodeError(context, outcome?.reason, itemIndex);
		if (!continueOnFail) {
			guard?.explain(error, items.length);
			throw error;
		}
		output.push({ json: errorJson(error), pairedItem });
	}
	return output;
}

async function mustLogIn(context: IExecuteFunctions, { sessionToken }: RunOptions): Promise<boolean> {
	if (!sessionToken) return false;
	const credentials = await providerCredentials(context, sessionToken.credentialType);
	return !credentials[sessionToken.field];
}

/** A send's recipient must be known before anything goes out; a read's key is optional. */
function orderKeyOf<Params>(context: IExecuteFunctions, operation: Operation<Params>, params: Params, itemIndex: number) {
	const key = operation.orderKey?.(params);
	if (operation.kind === 'send' && (typeof key !== 'string' || key === '')) {
		throw new NodeOperationError(context.getNode(), 'The recipient of this message is empty', {
			itemIndex,
			description: 'A message needs a recipient; it keeps messages to one recipient in their input order.',
		});
	}
	return key;
}

function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const { description, httpCode } = error as Partial<NodeApiError>;
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return json;
}

/** The node's execute(): look up the chosen resource and operation, never an if/else chain. */
export async function dispatch(context: IExecuteFunctions, operations: OperationMap, runOptions?: RunOptions): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = operationTable(operations)[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(context.getNode(), `Operation "${operationName}" of resource "${resource}" is not supported`);
	}
	const options: RunOptions = { ...runOptions, operationName: `${resource}/${operationName}` };
	if (operation.execute) return await operation.execute.call(context, options);
	return [await runOperation(context, operation, options)];
}
