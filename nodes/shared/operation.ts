import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runPool } from './pool';

/** An entry of the Operation selector; `value` defaults to the operation's key in its resource. */
export interface OperationOption {
	name: string;
	value?: string;
	action: string;
	description: string;
}

/**
 * One operation of a node, in one file: its parameters and how to run one input item.
 * Reading parameters is separate from running so that bad input is reported before any request.
 */
export interface Operation<Params> {
	/** How the operation appears in its resource's Operation selector; declared once, see `defineResource`. */
	option?: OperationOption;
	description: INodeProperties[];
	/** Reads and validates one item's parameters; throws a NodeOperationError naming the field. */
	readParameters(this: IExecuteFunctions, itemIndex: number): Params;
	/** Runs one item and returns its output rows (each becomes an item paired with the input). */
	run(this: IExecuteFunctions, params: Params, itemIndex: number): Promise<IDataObject[]>;
	/** Items with the same key run one after another in input order (e.g. messages to one recipient). */
	orderKey?: (params: Params) => string | undefined;
	/** How many input items may run at once. */
	concurrency?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operation has its own parameter type
export type ResourceOperations = Record<string, Operation<any>>;
export type OperationMap = Record<string, ResourceOperations>;

const DEFAULT_CONCURRENCY = 5;

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * Runs an operation over every input item: validate all, then run with bounded concurrency.
 * Output keeps input order, every item carries `pairedItem`, and with "Continue On Fail" every failed
 * input item yields exactly one error item instead of stopping the workflow.
 */
export async function runOperation<Params>(
	context: IExecuteFunctions,
	operation: Operation<Params>,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const params: Array<Params | undefined> = [];
	const failures = new Map<number, Error>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			params[itemIndex] = operation.readParameters.call(context, itemIndex);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context, error, itemIndex);
			failures.set(itemIndex, asNodeError(context, error, itemIndex));
		}
	}

	const runnable = items.map((_, index) => index).filter((index) => !failures.has(index));
	// Without Continue On Fail the first failure fails the node: items not started yet are not sent.
	let failed = false;
	const work = async (itemIndex: number) => {
		if (failed) return undefined;
		try {
			return await operation.run.call(context, params[itemIndex] as Params, itemIndex);
		} catch (error) {
			failed = !continueOnFail;
			throw asNodeError(context, error, itemIndex);
		}
	};
	const options = {
		concurrency: operation.concurrency ?? DEFAULT_CONCURRENCY,
		keyOf: (itemIndex: number) => operation.orderKey?.(params[itemIndex] as Params),
	};
	// The first item runs alone so that a session token it fetches is reused by all the others,
	// instead of every concurrent item logging in at once.
	const results = [
		...(await runPool(runnable.slice(0, 1), options, work)),
		...(await runPool(runnable.slice(1), options, work)),
	];
	const outcomes = new Map(runnable.map((itemIndex, position) => [itemIndex, results[position]]));

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		const outcome = outcomes.get(itemIndex);
		if (outcome?.status === 'fulfilled') {
			for (const json of outcome.value ?? []) output.push({ json, pairedItem });
			continue;
		}
		const error = failures.get(itemIndex) ?? asNodeError(context, outcome?.reason, itemIndex);
		if (!continueOnFail) throw error;
		output.push({ json: errorJson(error), pairedItem });
	}
	return output;
}

function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const { description, httpCode } = error as Partial<NodeApiError>;
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return json;
}

/** The node's execute(): look up the chosen resource and operation, never an if/else chain. */
export async function dispatch(context: IExecuteFunctions, operations: OperationMap): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(context.getNode(), `Operation "${operationName}" of resource "${resource}" is not supported`);
	}
	return [await runOperation(context, operation)];
}
