/** An execution as GET /api/v1/executions/{id}?includeData=true returns it (fields used here). */
export interface N8nExecution {
	id: string;
	finished: boolean;
	mode: string;
	/** new | running | waiting | success | error | crashed | canceled */
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, Array<N8nTaskRun>>;
			error?: { message: string; [k: string]: unknown };
			lastNodeExecuted?: string;
		};
		[k: string]: unknown;
	};
	[k: string]: unknown;
}

export interface N8nTaskRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	error?: { message: string; description?: string; [k: string]: unknown };
	data?: { main: Array<Array<{ json: Record<string, unknown>; [k: string]: unknown }> | null> };
	[k: string]: unknown;
}

/** The items a node output in an execution: runData[node][runIndex].data.main[outputIndex]. */
export function nodeItems(
	execution: N8nExecution,
	nodeName: string,
	runIndex = 0,
	outputIndex = 0,
): Array<{ json: Record<string, unknown>; pairedItem?: unknown }> {
	const run = execution.data?.resultData.runData[nodeName]?.[runIndex];
	if (!run) throw new Error(`execution ${execution.id}: node "${nodeName}" has no run ${runIndex}`);
	return run.data?.main[outputIndex] ?? [];
}

/** The json of a node's output items (see nodeItems for the whole items, with pairedItem). */
export function nodeOutput(execution: N8nExecution, nodeName: string, runIndex = 0, outputIndex = 0): Array<Record<string, unknown>> {
	return nodeItems(execution, nodeName, runIndex, outputIndex).map((item) => item.json);
}
