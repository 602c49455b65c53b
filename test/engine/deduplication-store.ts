/**
 * n8n's deduplication store for engine tests: what the n8n server plugs into n8n-core's DataDeduplicationService
 * (n8n 2.41.1, packages/cli/src/deduplication/deduplication-helper.ts, "entries" mode), with its table in memory
 * instead of the database. Kept faithful where it matters to us: one row per workflow + node holding a list of
 * md5 hashes, updated by read-modify-write with a database round trip between the read and the write (so two
 * calls at once lose one's update, as with the real table), maxEntries keeps the newest, a second insert of a
 * new row fails like the table's primary key.
 */
import { createHash } from 'node:crypto';

import { DataDeduplicationService } from 'n8n-core';
import type { DeduplicationItemTypes, DeduplicationScope, ICheckProcessedContextData, ICheckProcessedOptions, IDataDeduplicator } from 'n8n-workflow';

const hash = (value: DeduplicationItemTypes) => createHash('md5').update(value.toString()).digest('base64');
/** A database round trip. */
const roundTrip = async () => await new Promise((resolve) => setImmediate(resolve));

export class EngineDeduplicationStore implements IDataDeduplicator {
	readonly rows = new Map<string, string[]>();
	/** Calls of checkProcessedAndRecord and removeProcessed, for tests that count database writes. */
	calls = 0;

	private rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
		if (scope === 'node' && !contextData.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `${contextData.workflow.id}|${scope === 'node' ? `n:${contextData.node!.id}` : ''}`;
	}

	/** Whether `value` is recorded for the node with this id in workflow `workflowId`. */
	has(workflowId: string, nodeId: string, value: string): boolean {
		return this.rows.get(`${workflowId}|n:${nodeId}`)?.includes(hash(value)) ?? false;
	}

	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: DeduplicationScope, contextData: ICheckProcessedContextData, options: ICheckProcessedOptions) {
		if (options.mode !== 'entries') throw new Error('Only "entries" mode is emulated');
		this.calls++;
		const key = this.rowKey(scope, contextData);
		const found = this.rows.get(key);
		const read = found ? [...found] : undefined;
		await roundTrip();
		const hashed = items.map(hash);
		if (!read) {
			if (options.maxEntries) hashed.splice(0, hashed.length - options.maxEntries);
			if (this.rows.has(key)) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			this.rows.set(key, hashed);
			return { new: items, processed: [] };
		}
		const before = new Set(read);
		const result = { new: [] as DeduplicationItemTypes[], processed: [] as DeduplicationItemTypes[] };
		hashed.forEach((value, index) => {
			if (before.has(value)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				read.push(value);
			}
		});
		if (options.maxEntries) read.splice(0, read.length - options.maxEntries);
		this.rows.set(key, read);
		return result;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, contextData: ICheckProcessedContextData) {
		this.calls++;
		const key = this.rowKey(scope, contextData);
		const found = this.rows.get(key);
		if (!found) return;
		const read = [...found];
		await roundTrip();
		for (const value of items.map(hash)) {
			const index = read.indexOf(value);
			if (index !== -1) read.splice(index, 1);
		}
		this.rows.set(key, read);
	}

	async clearAllProcessedItems(scope: DeduplicationScope, contextData: ICheckProcessedContextData) {
		this.rows.delete(this.rowKey(scope, contextData));
	}

	async getProcessedDataCount(scope: DeduplicationScope, contextData: ICheckProcessedContextData) {
		return this.rows.get(this.rowKey(scope, contextData))?.length ?? 0;
	}
}

let store: EngineDeduplicationStore | undefined;

/** The store n8n-core's helpers use in this test file (n8n allows one per process), created on first use. */
export async function deduplicationStore(): Promise<EngineDeduplicationStore> {
	if (!store) {
		store = new EngineDeduplicationStore();
		await DataDeduplicationService.init(store);
	}
	return store;
}
