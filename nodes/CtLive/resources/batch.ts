import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SendOperation } from '../../shared/operation';
import { postResults, type ResultEntry } from '../api';
import { readItemsPerRequest } from '../fields';

/**
 * "Items per Request": several input items posted as one `results` array. Built on the shared runOperation, so
 * validation before any request, pairedItem and Continue On Fail stay as for every operation: all items are
 * validated first, then the first valid item of each group posts the group's entries and the others share its
 * outcome (a refused request fails each of its items). Groups run one after another, in input order.
 */

type Batched<P> = P & { itemsPerRequest: number };

interface RunState {
	params: Map<number, { entry: ResultEntry }>;
	groups?: Map<number, { leader: number; members: number[]; posted?: Promise<void> }>;
}

const BATCH_KEY = '\u0000batch';

function groupsOf(state: RunState, size: number) {
	if (!state.groups) {
		state.groups = new Map();
		const valid = [...state.params.keys()].sort((a, b) => a - b);
		for (let start = 0; start < valid.length; start += size) {
			const members = valid.slice(start, start + size);
			const group = { leader: members[0], members };
			for (const itemIndex of members) state.groups.set(itemIndex, group);
		}
	}
	return state.groups;
}

export function withBatching<P extends { entry: ResultEntry }>(operation: SendOperation<P>): SendOperation<Batched<P>> {
	// One state per node run: runOperation calls readParameters and run with the same context object.
	const states = new WeakMap<object, RunState>();
	const stateOf = (context: IExecuteFunctions) => {
		let state = states.get(context);
		if (!state) states.set(context, (state = { params: new Map() }));
		return state;
	};
	return {
		...operation,
		readParameters(this: IExecuteFunctions, itemIndex: number): Batched<P> {
			const params = { ...operation.readParameters.call(this, itemIndex), itemsPerRequest: readItemsPerRequest(this) };
			stateOf(this).params.set(itemIndex, params);
			return params;
		},
		// Grouped items go out one group after another, so order holds for every recipient at once.
		orderKey: (params) => (params.itemsPerRequest > 1 ? BATCH_KEY : operation.orderKey(params)),
		async run(this: IExecuteFunctions, params: Batched<P>, itemIndex: number): Promise<IDataObject[]> {
			if (params.itemsPerRequest === 1) return await operation.run.call(this, params, itemIndex);
			const state = stateOf(this);
			const group = groupsOf(state, params.itemsPerRequest).get(itemIndex)!;
			group.posted ??= postResults(
				this,
				group.members.map((member) => state.params.get(member)!.entry),
				group.leader,
			);
			await group.posted;
			return [params.entry];
		},
	};
}
