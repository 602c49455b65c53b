/**
 * The fault classes of the matrix, and where each hits an operation:
 * - a read meets a transient fault twice (a timeout once: one 30 s wait) on its own request, and must still
 *   succeed; a fault no retry can fix (malformed JSON, an empty body) on every request, and each item must fail
 *   alone with a clear error;
 * - a send meets the fault on the second input item's request only: that item is retried when the provider surely
 *   did not take it (429, 503) and never resent after an ambiguous failure; the other items go out once each;
 * - a 401 in the middle of a run: for providers with session tokens, the tokens expire as the second request
 *   arrives (one re-login, then success); for providers with fixed header credentials, the provider refuses the
 *   key from the second request on (a clear error per refused item).
 */
import type { Fault } from '../../simulator';
import type { OperationFixture, ProviderFixture } from './fixtures';
import type { OperationKind } from './operations';

export type FaultKey = '429' | '500' | '502' | '503' | 'reset' | 'timeout' | '401' | 'malformed' | 'html' | 'empty';

export interface FaultClass {
	key: FaultKey;
	/** Column header of the table. */
	label: string;
	/** Retrying a read after it is safe and may succeed. */
	transient: boolean;
	/** The provider surely did not take a send it answered so: a send is retried. */
	notTaken: boolean;
	/** The status an item failed by it carries (none for transport failures). */
	status?: number;
}

/** The request timeout every provider request has (nodes/shared/request.ts); the simulator answers later still. */
export const REQUEST_TIMEOUT_MS = 30_000;
const TIMEOUT_DELAY_MS = REQUEST_TIMEOUT_MS + 15_000;

export const FAULTS: FaultClass[] = [
	{ key: '429', label: '429 + Retry-After', transient: true, notTaken: true, status: 429 },
	{ key: '500', label: '500', transient: true, notTaken: false, status: 500 },
	{ key: '502', label: '502', transient: true, notTaken: false, status: 502 },
	{ key: '503', label: '503', transient: true, notTaken: true, status: 503 },
	{ key: 'reset', label: 'connection reset', transient: true, notTaken: false },
	{ key: 'timeout', label: 'timeout (30 s)', transient: true, notTaken: false },
	{ key: '401', label: '401 mid-run', transient: false, notTaken: false, status: 401 },
	{ key: 'malformed', label: 'malformed JSON', transient: false, notTaken: false, status: 200 },
	{ key: 'html', label: 'HTML error page', transient: true, notTaken: false, status: 502 },
	{ key: 'empty', label: 'empty body', transient: false, notTaken: false, status: 200 },
];

/** The provider's own words in a status fault, which its error must carry. */
export const providerWords = (fault: FaultKey) => `Fault matrix: ${fault} from the provider`;

type Shape = Fault extends infer F ? (F extends Fault ? Omit<F, 'match' | 'times' | 'skip'> : never) : never;

function shape(fault: FaultClass, provider: ProviderFixture): Shape {
	const body = (provider.errorBody ?? ((text: string) => ({ message: text })))(providerWords(fault.key));
	switch (fault.key) {
		case '429':
			return { kind: 'status', status: 429, retryAfter: 1, body };
		case '500':
		case '502':
		case '503':
		case '401':
			return { kind: 'status', status: Number(fault.key), body };
		case 'reset':
			return { kind: 'reset' };
		case 'timeout':
			return { kind: 'delay', ms: TIMEOUT_DELAY_MS };
		case 'malformed':
			return { kind: 'malformed' };
		case 'html':
			return { kind: 'html', status: 502 };
		case 'empty':
			return { kind: 'empty' };
	}
}

/** Reads meet a transient fault this often before the answer comes. */
export const readDose = (fault: FaultClass) => (fault.key === 'timeout' ? 1 : 2);
/** Enough to outlast every retry: the fault is there for every request. */
const ALWAYS = 1000;

/** The faults one cell injects before the run. */
export function injection(fault: FaultClass, kind: OperationKind, fixture: OperationFixture): Fault[] {
	const { provider, route } = fixture;
	const onRoute = { provider: provider.simulator, route };
	if (fault.key === '401' && provider.login) return [{ kind: 'expire-tokens', skip: 1, times: 1, match: onRoute }];
	if (kind === 'send') {
		if (!fixture.itemBody) throw new Error('A send fixture must recognize each item by its request body (itemBody)');
		const match = { ...onRoute, body: fixture.itemBody(fixture.items[1]) };
		return [{ ...shape(fault, provider), times: fault.key === '401' ? ALWAYS : 1, match }];
	}
	if (fault.key === '401') return [{ ...shape(fault, provider), skip: 1, times: ALWAYS, match: onRoute }];
	return [{ ...shape(fault, provider), times: fault.transient ? readDose(fault) : ALWAYS, match: onRoute }];
}
