import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { describeIssues } from '../shared/call';
import { moBatchSchema, type MoBatch, type MoMessage } from './api';
import { moToChatMessage } from './normalize';

/** The body as an MO batch, or the problems that make it not one (the caller answers 400). */
export function readMoBatch(body: unknown): { batch: MoBatch } | { problems: string } {
	const parsed = moBatchSchema.safeParse(body);
	return parsed.success ? { batch: parsed.data } : { problems: describeIssues(parsed.error) };
}

/** Wavy's `total` disagreeing with what `data` holds: the batch is still processed, with this note on each item. */
export function totalWarning(batch: MoBatch): string | undefined {
	if (batch.total === undefined || batch.total === null || batch.total === batch.data.length) return undefined;
	return `Wavy said this batch holds ${batch.total} message(s) but sent ${batch.data.length}; every message sent is here.`;
}

/** One item per message, in the order Wavy sent them. */
export function moItems(messages: MoMessage[], warning: string | undefined, now = Date.now()): INodeExecutionData[] {
	return messages.map((message) => {
		const json = moToChatMessage(message, now) as unknown as IDataObject;
		return { json: warning ? { ...json, warning } : json };
	});
}
