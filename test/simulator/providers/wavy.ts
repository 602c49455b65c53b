/**
 * Wavy / Sinch Messaging (specs/wavy-sinch-sessions.txt): `GET /v1/session?customerId=&subAccountId=` with the
 * `UserName` and `AuthenticationToken` headers answers `{ file_url }`, a link to a CSV of
 * `origem,session_created_at` on Wavy's CDN (another host, no auth). Here the link points at this simulator
 * through `localhost`, so it is another host than the `127.0.0.1` base URL, as the real CDN is. The origin
 * column is named as the spec's prose names it ("origem") unless `variants.wavyOriginColumn` says "origin" (its
 * JSON samples' spelling, the default when not strict).
 *
 * Strict (the default): only the two documented query parameters, and a given subAccountId must be a number;
 * not strict, unknown parameters are ignored and an empty subAccountId means none.
 *
 * Customers: WAVY_CUSTOMER_ID has `sizes.wavyOpenSessions` sessions in a spreadsheet-style file (BOM, CRLF,
 * quoted fields); WAVY_PLAIN_CUSTOMER_ID the same sessions in a plain file; WAVY_JSON_CUSTOMER_ID answers the
 * JSON `{ total, data[] }` shape instead of a link; any other customer (or a sub-account without sessions) gets
 * a header-only file, as the spec says. `POST /mo-batches` fires MO batches at a customer's webhook URL.
 */
import { json, text, type ProviderFactory, type Reply, type SimRequest } from '../provider';
import { randomFor } from '../random';
import {
	DEFAULT_OPEN_SESSIONS,
	EXPORT_STYLE,
	PLAIN_STYLE,
	WAVY_AUTHENTICATION_TOKEN,
	WAVY_CUSTOMER_ID,
	WAVY_JSON_CUSTOMER_ID,
	WAVY_PLAIN_CUSTOMER_ID,
	WAVY_USER_NAME,
	WAVY_WEBHOOK_SECRET,
	mediaFile,
	type OriginColumn,
	moBatch,
	sessionsCsv,
	sessionsJson,
	wavySession,
	type WavySession,
} from './wavy-data';

const USER = { userName: WAVY_USER_NAME, authenticationToken: WAVY_AUTHENTICATION_TOKEN };
const DIGITS = /^\d{1,18}$/;
const QUERY_PARAMETERS = ['customerId', 'subAccountId'];

/** Wavy's error body. */
const error = (status: number, errorMessage: string): Reply => json(status, { errorCode: status, errorMessage });

const header = (request: SimRequest, name: string) => {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

interface FileRef {
	customerId: string;
	subAccountId?: string;
}

/** What the sessions call was asked, or the 400 a server reading the spec literally answers. */
function sessionsQuery(query: URLSearchParams, strict: boolean): FileRef | Reply {
	const unknown = [...query.keys()].filter((name) => !QUERY_PARAMETERS.includes(name));
	if (strict && unknown.length > 0) return error(400, `Unknown query parameter(s) ${unknown.join(', ')}: only customerId and subAccountId`);
	const customerId = query.get('customerId');
	const subAccountId = query.get('subAccountId');
	if (!customerId) return error(400, 'customerId is required');
	if (!DIGITS.test(customerId)) return error(400, `customerId must be numeric, got '${customerId}'`);
	if (subAccountId !== null && (strict || subAccountId !== '') && !DIGITS.test(subAccountId))
		return error(400, `subAccountId must be numeric, got '${subAccountId}'`);
	return { customerId, subAccountId: subAccountId || undefined };
}

export const wavy: ProviderFactory = ({ seed, sizes, strict, variants, simulatorUrl, sendWebhook }) => {
	const openSessions = sizes.wavyOpenSessions ?? DEFAULT_OPEN_SESSIONS;
	const originColumn: OriginColumn = variants.wavyOriginColumn ?? (strict ? 'origem' : 'origin');
	const files = new Map<string, FileRef>();
	const cdnUrl = simulatorUrl.replace('//127.0.0.1:', '//localhost:');

	const sessionsOf = ({ customerId, subAccountId }: FileRef): WavySession[] => {
		if (customerId !== WAVY_CUSTOMER_ID && customerId !== WAVY_PLAIN_CUSTOMER_ID && customerId !== WAVY_JSON_CUSTOMER_ID) return [];
		const sessions: WavySession[] = [];
		for (let index = 0; index < openSessions; index++) {
			const session = wavySession(seed, WAVY_CUSTOMER_ID, index);
			if (subAccountId === undefined || session.subAccountId === subAccountId) sessions.push(session);
		}
		return sessions;
	};

	/** A stable, unguessable-looking file id per customer and sub-account, like the CDN's. */
	const fileFor = (ref: FileRef): string => {
		const id = randomFor(seed, 'wavy-file', ref.customerId, ref.subAccountId ?? '').guid();
		files.set(id, ref);
		return `${cdnUrl}/wavy/files/${id}`;
	};

	return {
		name: 'wavy',
		credentials: { ...USER, customerId: WAVY_CUSTOMER_ID, webhookSecret: WAVY_WEBHOOK_SECRET },
		authenticate: (request) => {
			const userName = header(request, 'username');
			const token = header(request, 'authenticationtoken');
			if (userName === undefined && token === undefined) return { rejection: error(401, 'Missing UserName and AuthenticationToken headers') };
			const ok = userName === USER.userName && token === USER.authenticationToken;
			return { scheme: 'UserName/AuthenticationToken', rejection: ok ? undefined : error(401, 'Invalid UserName or AuthenticationToken') };
		},
		routes: [
			{
				method: 'GET',
				path: '/v1/session',
				auth: true,
				handler: ({ query }) => {
					const ref = sessionsQuery(query, strict);
					if ('status' in ref) return ref;
					if (ref.customerId === WAVY_JSON_CUSTOMER_ID) return json(200, sessionsJson(sessionsOf(ref)));
					return json(200, { file_url: fileFor(ref) });
				},
			},
			{
				method: 'GET',
				path: '/files/:fileId',
				auth: false,
				handler: ({ params: { fileId } }) => {
					const ref = files.get(fileId);
					if (!ref) return text(404, '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>', 'application/xml');
					const style = ref.customerId === WAVY_PLAIN_CUSTOMER_ID ? PLAIN_STYLE : EXPORT_STYLE;
					return text(200, sessionsCsv(sessionsOf(ref), style, originColumn), 'text/csv; charset=utf-8');
				},
			},
			{
				// The media MO messages link to (on Wavy's CDN for real; here when a batch is built with this base).
				method: 'GET',
				path: '/media/:file',
				auth: false,
				handler: ({ params: { file } }) => {
					const media = mediaFile(seed, file);
					return media ? text(200, media.content, media.mimeType) : text(404, 'Not Found', 'text/plain');
				},
			},
			{
				// Not Wavy's API: the simulator's way to play Wavy calling a customer's MO webhook.
				method: 'POST',
				path: '/mo-batches',
				auth: false,
				handler: async ({ body }) => {
					const { url, size = 1, batches = 1, offset = 0, total } = (body ?? {}) as Record<string, unknown>;
					if (typeof url !== 'string') return error(400, 'url is required');
					for (const [name, value] of Object.entries({ size, batches, offset }))
						if (!(Number.isInteger(value) && (value as number) >= 0)) return error(400, `${name} must be a non-negative integer`);
					const responses: Array<{ status: number; ms: number }> = [];
					for (let batch = 0; batch < (batches as number); batch++) {
						const started = Date.now();
						const payload = moBatch({
							size: size as number,
							offset: (offset as number) + batch * (size as number),
							seed,
							total: typeof total === 'number' ? total : undefined,
						});
						try {
							const response = await sendWebhook(url, { body: payload });
							responses.push({ status: response.status, ms: Date.now() - started });
						} catch (failure) {
							return error(failure instanceof TypeError ? 400 : 502, (failure as Error).message);
						}
					}
					return json(200, { responses });
				},
			},
		],
	};
};
