import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { wavyBaseUrl } from '../../endpoint';
import { callProvider } from '../../../shared/call';
import { providerCredentials } from '../../../shared/credentials';
import { csvObjects } from '../../../shared/csv';
import { invalidParameter, providerApiError, unexpectedAnswerError } from '../../../shared/errors';
import { describeFailure } from '../../../shared/failure';
import { providerRequest } from '../../../shared/request';
import { CREDENTIAL_TYPE, CSV_COLUMNS, PROVIDER, SESSIONS_PATH, sessionsAnswerSchema, type SessionRow } from '../../api';
import { openSession, ORIGIN_NAMES, sessionOfRow, sessionsHeader, type SessionsHeader } from './sessionsFile';

export interface OpenSessionsQuery {
	/** Undefined: the credential's Customer ID. */
	customerId?: string;
	subAccountId?: string;
	/** Undefined: every session. */
	limit?: number;
	simplify: boolean;
	timeZone: string;
}

const FILE = `${PROVIDER} sessions file`;
const NUMERIC_ID = /^\d{1,18}$/;

/** A Wavy id as the API takes it, with the spec's trap spelled out: `{42}` must become `42`. */
export function checkNumericId(value: string, refuse: (problem: string) => Error): string {
	if (!NUMERIC_ID.test(value)) throw refuse(value === '' ? 'is required' : `must be a number such as 42 (without braces), got "${value}"`);
	return value;
}

/**
 * The file lives on Wavy's CDN, another host than the API: it is fetched without the Wavy credentials. Only a
 * link back to the API's own origin gets them (and then not across a redirect to another origin).
 */
async function openFile(context: IExecuteFunctions, url: string, apiBase: string, itemIndex: number, abortSignal: AbortSignal): Promise<AsyncIterable<Buffer>> {
	const options: IHttpRequestOptions = { method: 'GET', url, json: false, encoding: 'stream', timeout: 60_000, sendCredentialsOnCrossOriginRedirect: false, abortSignal };
	if (new URL(url).origin === new URL(apiBase).origin) {
		return await providerRequest<AsyncIterable<Buffer>>(context, options, { provider: PROVIDER, credentialType: CREDENTIAL_TYPE, kind: 'read', itemIndex });
	}
	try {
		return (await context.helpers.httpRequest(options)) as AsyncIterable<Buffer>;
	} catch (error) {
		throw providerApiError(context.getNode(), describeFailure(error), { provider: FILE, itemIndex, fallbackMessage: (error as Error)?.message });
	}
}

const badAnswer = (context: IExecuteFunctions, itemIndex: number) => (problem: string) =>
	unexpectedAnswerError(context.getNode(), PROVIDER, `open-sessions list (${ORIGIN_NAMES}, ${CSV_COLUMNS.createdAt})`, problem, itemIndex);

/**
 * Streams the CSV: rows become items as they arrive, and reading stops at the limit. Simplified rows are
 * `{ origin, sessionCreatedAt }` whichever spelling the header uses; raw rows keep the header's own names.
 */
async function readFile(context: IExecuteFunctions, url: string, apiBase: string, query: OpenSessionsQuery, itemIndex: number): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	if (query.limit === 0) return rows;
	// Ending the stream n8n's request helper hands out does not end the download under it: aborting does.
	const download = new AbortController();
	const stream = await openFile(context, url, apiBase, itemIndex, download.signal);
	const bad = badAnswer(context, itemIndex);
	let header: SessionsHeader | undefined;
	let line = 1;
	const records = csvObjects(stream, ',', (names) => (header = sessionsHeader(names)))[Symbol.asyncIterator]();
	try {
		for (;;) {
			let next: IteratorResult<Record<string, string | undefined>>;
			try {
				next = await records.next();
			} catch (error) {
				// Before the header was accepted, the problem is the header itself (or its line).
				throw bad(header ? `Reading the file failed near row ${line + 1}: ${(error as Error).message}` : (error as Error).message);
			}
			if (next.done) return rows;
			line++;
			rows.push(query.simplify ? simplifiedRow(next.value, header!, line, query.timeZone, bad) : (next.value as IDataObject));
			if (rows.length === query.limit) return rows;
		}
	} finally {
		// At the limit, or on a bad row or header, the rest of the file is not wanted: close the download.
		await records.return?.(undefined);
		download.abort();
	}
}

function simplifiedRow(row: Record<string, string | undefined>, header: SessionsHeader, line: number, timeZone: string, bad: (problem: string) => Error): IDataObject {
	try {
		return sessionOfRow(row, header, timeZone);
	} catch (error) {
		throw bad(`Row ${line}: ${(error as Error).message}`);
	}
}

/** The open sessions of a customer (and sub-account): one object per destination number. */
export async function listOpenSessions(context: IExecuteFunctions, query: OpenSessionsQuery, itemIndex: number): Promise<IDataObject[]> {
	const credentials = await providerCredentials(context, CREDENTIAL_TYPE, itemIndex);
	const apiBase = wavyBaseUrl(credentials.baseUrl);
	const customerId =
		query.customerId ??
		checkNumericId(String(credentials.customerId ?? '').trim(), (problem) =>
			invalidParameter(context.getNode(), 'Customer ID', `(from the Wavy API credential) ${problem}; set it there or in the node`, itemIndex),
		);
	const qs: IDataObject = { customerId };
	if (query.subAccountId) qs.subAccountId = query.subAccountId;
	const answer = await callProvider(context, { method: 'GET', url: `${apiBase}${SESSIONS_PATH}`, qs }, {
		provider: PROVIDER,
		credentialType: CREDENTIAL_TYPE,
		kind: 'read',
		itemIndex,
		schema: sessionsAnswerSchema,
		expected: 'open-sessions answer ({ file_url } or { total, data })',
	});
	if ('file_url' in answer && typeof answer.file_url === 'string') return await readFile(context, answer.file_url, apiBase, query, itemIndex);

	const rows = (answer as { data: SessionRow[] }).data.slice(0, query.limit);
	if (!query.simplify) return rows as IDataObject[];
	return rows.map((row, position) => {
		const createdAt = row.session_created_at ?? row.receivedAt ?? row.receivedDate ?? row.createdAt;
		try {
			return openSession((row.origin ?? row.origem ?? row.source) as string, createdAt as string | number | undefined, query.timeZone);
		} catch (error) {
			throw badAnswer(context, itemIndex)(`data.${position}: ${(error as Error).message}`);
		}
	});
}
