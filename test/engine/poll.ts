import 'reflect-metadata';

import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type { INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';

import { saveStaticData, triggerAdditionalData, triggerWorkflow, type TestNode, type TriggerOptions } from './trigger-workflow';

export interface PollOptions extends TriggerOptions {
	/** 'trigger' (default): a scheduled poll of an active workflow; 'manual': the editor's "Fetch test event". */
	mode?: 'trigger' | 'manual';
	/** The activation mode the poller was started with; default 'activate'. */
	activation?: WorkflowActivateMode;
}

/**
 * Runs the node type's `poll()` in n8n-core's PollContext.
 * - 'trigger': a scheduled poll of an active workflow, through n8n-core's PollTriggerExecutor (as the server's
 *   poller does): a non-null result is what would start an execution; an error, which n8n reports through
 *   `__emitError` (failed execution / deactivation), is thrown here. Static data is saved afterwards.
 * - 'manual': the editor's "Fetch test event", as WorkflowExecute.executePollNode does it. n8n discards static
 *   data changes of manual executions, so nothing is saved.
 */
export async function runPoll(node: TestNode, options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const { workflow, node: fullNode, nodeType } = await triggerWorkflow(node, options);
	if (typeof nodeType.poll !== 'function') throw new Error(`Node type ${fullNode.type} has no poll() method`);
	const additionalData = triggerAdditionalData(options);
	if (options.mode === 'manual') {
		const context = new PollContext(workflow, fullNode, additionalData, 'manual', 'manual');
		return await nodeType.poll.call(context);
	}
	const outcome: { data: INodeExecutionData[][] | null; error?: unknown } = { data: null };
	const context = new PollContext(
		workflow,
		fullNode,
		additionalData,
		'trigger',
		options.activation ?? 'activate',
		(data) => {
			outcome.data = data;
		},
		(error) => {
			outcome.error = error;
		},
	);
	const executePoll = Container.get(PollTriggerExecutor).create(workflow, fullNode, context, () => true);
	await executePoll();
	saveStaticData(workflow, options);
	if (outcome.error !== undefined) throw outcome.error;
	return outcome.data;
}
