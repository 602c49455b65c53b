/**
 * Waits until `condition` holds, checking every millisecond or so. Gives up with an error naming `what` when
 * `running` (the node run the test waits on) settles first or after `timeoutMs`: a run that failed early then
 * fails its test at once instead of leaving a loop polling after jest has reported.
 */
export async function waitFor(
	condition: () => boolean,
	what: string,
	{ running, timeoutMs = 10_000 }: { running?: Promise<unknown>; timeoutMs?: number } = {},
): Promise<void> {
	let settled = false;
	void running?.then(
		() => (settled = true),
		() => (settled = true),
	);
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (settled) throw new Error(`The run ended before ${what}`);
		if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}
