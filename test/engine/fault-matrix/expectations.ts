/**
 * What must hold in each cell, and the short line the table shows for it. Every check is made against the
 * operation's fault-free run (its baseline), so "succeeds after retries" means "gives what it gives without the
 * fault".
 */
import type { CellOutcome, ItemOutcome } from './cells';
import { readDose, providerWords, type FaultClass } from './faults';
import type { OperationFixture } from './fixtures';
import type { ActionOperation } from './operations';

/** The note every send error carries when the message may have arrived (nodes/shared/errors.ts). */
const MAYBE_DELIVERED = 'may have received this message';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Every cell: one outcome per item, all paired, the node itself never failed, no credential value anywhere. */
function expectSound(outcome: CellOutcome) {
	expect(outcome.nodeError).toBeUndefined();
	expect(outcome.unpaired).toBe(0);
	expect(outcome.leaked).toEqual([]);
	outcome.items.forEach((item, index) => {
		const failedAlone = item.errors.length === 1 && item.outputs.length === 0;
		const succeeded = item.errors.length === 0 && item.outputs.length > 0;
		if (!failedAlone && !succeeded) {
			throw new Error(`Input item ${index + 1} ended in ${item.outputs.length} outputs and ${item.errors.length} errors: ${JSON.stringify(item.errors)}`);
		}
	});
}

const expectLikeBaseline = (item: ItemOutcome, baseline: ItemOutcome) => {
	expect(item.errors).toEqual([]);
	expect(item.outputs).toHaveLength(baseline.outputs.length);
};

/** The one error item of a failed input item: it names the provider, the status and the provider's own words. */
export function expectError(item: ItemOutcome, fault: FaultClass, provider: string, kind: ActionOperation['kind']) {
	expect(item.outputs).toEqual([]);
	expect(item.errors).toHaveLength(1);
	const error = item.errors[0] as { error: string; description?: string; httpCode?: string };
	const status = fault.status === undefined ? undefined : String(fault.status);
	switch (fault.key) {
		case 'reset':
			expect(error.error).toBe(`${provider} could not be reached: the connection was reset before an answer arrived`);
			break;
		case 'timeout':
			expect(error.error).toBe(`${provider} could not be reached: the request timed out`);
			break;
		case 'html':
			expect(error.error).toBe(`${provider} answered HTTP 502 with an HTML page instead of JSON`);
			expect(error.description).toContain('502 Bad Gateway');
			break;
		case 'malformed':
		case 'empty':
			expect(error.error).toContain(provider);
			expect(error.description).toContain(fault.key === 'empty' ? 'The body is empty' : 'The body is not valid JSON');
			break;
		default:
			expect(error.error).toBe(`${provider}: ${providerWords(fault.key)} (HTTP ${status})`);
	}
	expect(error.httpCode).toBe(status);
	// A refusal proves the message did not arrive; anything else may have delivered it.
	if (kind === 'send' && fault.key !== '401') expect(error.description).toContain(MAYBE_DELIVERED);
}

function readCell(outcome: CellOutcome, baseline: CellOutcome, fault: FaultClass, fixture: OperationFixture): string {
	const provider = fixture.provider.name;
	const [first, ...rest] = outcome.items;
	if (fault.key === '401' && fixture.provider.login) {
		outcome.items.forEach((item, index) => expectLikeBaseline(item, baseline.items[index]));
		expect(outcome.logins - baseline.logins).toBe(1);
		return `${outcome.items.length} ok · 1 re-login`;
	}
	if (fault.key === '401') {
		expectLikeBaseline(first, baseline.items[0]);
		for (const item of rest) expectError(item, fault, provider, 'read');
		return `1 ok · ${plural(rest.length, 'error')} 401`;
	}
	if (fault.transient) {
		outcome.items.forEach((item, index) => expectLikeBaseline(item, baseline.items[index]));
		expect(outcome.routeRequests).toBe(baseline.routeRequests + readDose(fault));
		expect(outcome.logins).toBe(baseline.logins);
		return `${outcome.items.length} ok · ${plural(readDose(fault), 'retry', 'retries')}`;
	}
	for (const item of outcome.items) expectError(item, fault, provider, 'read');
	// Not worth another try: the same request gets the same answer.
	expect(outcome.routeRequests).toBe(baseline.routeRequests);
	return `${plural(outcome.items.length, 'error')} ${fault.status}, not retried`;
}

function sendCell(outcome: CellOutcome, fault: FaultClass, fixture: OperationFixture): string {
	const [first, hit, last] = outcome.items;
	for (const [index, item] of [first, last].entries()) {
		expect(item.outputs).toHaveLength(1);
		expect([outcome.itemRequests[index * 2], outcome.itemAccepted[index * 2]]).toEqual([1, 1]);
	}
	// Never delivered twice: the provider itself accepted the hit item's message at most once.
	expect(outcome.itemAccepted[1]).toBeLessThanOrEqual(1);
	if (fault.notTaken) {
		expect(hit.outputs).toHaveLength(1);
		expect([outcome.itemRequests[1], outcome.itemAccepted[1]]).toEqual([2, 1]);
		return `3 sent once · item 2 resent after ${fault.key}`;
	}
	if (fault.key === '401') {
		expectError(hit, fault, fixture.provider.name, 'send');
		expect(outcome.itemAccepted[1]).toBe(0);
		return '2 sent · item 2 refused (401)';
	}
	// An ambiguous failure: the message may be at the provider, so it is not sent again.
	expect(outcome.itemRequests[1]).toBe(1);
	if (hit.outputs.length === 1) {
		// Only a 2xx may count as sent; the provider documents no answer body.
		expect(fault.status).toBe(200);
		return '3 sent once · item 2 taken as sent (2xx)';
	}
	expectError(hit, fault, fixture.provider.name, 'send');
	return '2 sent · item 2 error, not resent';
}

/** Checks one cell (throws on a failed expectation) and returns the table's line for it. */
export function checkCell(operation: ActionOperation, fixture: OperationFixture, fault: FaultClass, outcome: CellOutcome, baseline: CellOutcome): string {
	expectSound(outcome);
	return operation.kind === 'send' ? sendCell(outcome, fault, fixture) : readCell(outcome, baseline, fault, fixture);
}

/** The fault-free run every cell is compared with: each item gives at least one output, once. */
export function checkBaseline(outcome: CellOutcome, operation: ActionOperation) {
	expectSound(outcome);
	for (const item of outcome.items) expect(item.errors).toEqual([]);
	if (operation.kind === 'send') expect([outcome.itemRequests, outcome.itemAccepted]).toEqual([[1, 1, 1], [1, 1, 1]]);
}
