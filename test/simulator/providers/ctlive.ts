/**
 * CTLive channel API (specs/ctlive-channel-api.txt), both directions:
 * - the message endpoint where the channel (our node) posts new messages, delivery and seen reports. Served on
 *   the spec's literal path `/imchanne/message` and on CTLive's real path `/imchannel/message`, with each auth
 *   style CTLive installations use (Basic, a `ctlivetoken` header, Bearer); `/open/imchannel/message` takes no
 *   auth, for installations that rely on network rules instead. Errors are Infobip's
 *   `requestError.serviceException`; a good post gets an empty 200 (the spec documents no answer body).
 *   Strict (the default): an empty `results` array is refused with 400, as the spec never shows one; not strict,
 *   it is a post that changes nothing.
 * - CTLive's outbound calls: `POST /simulate/outbound` makes CTLive post an agent's text / image / document to a
 *   URL with Basic auth, as often as asked (CTLive resends the same payload after network errors).
 */
import { json, text, type AuthCheck, type ProviderFactory, type Reply, type SimRequest } from '../provider';
import { checkBasicAuthHeader, outboundRequestFromJson } from './ctlive-input';
import { MEDIA, outboundPayload } from './ctlive-outbound';
import { checkResults } from './ctlive-validate';

export const CTLIVE_PATHS = ['/imchanne/message', '/imchannel/message'] as const;
export const CTLIVE_OPEN_PATH = '/open/imchannel/message';

/** What the channel uses to post to CTLive, and what CTLive sends when it calls the channel. */
const CREDENTIALS = {
	user: 'ctlive-channel',
	password: 'ctlive-pass-1',
	token: 'ctlive-token-1',
	webhookUser: 'ctlive',
	webhookPassword: 'ctlive-hook-pass-1',
};

/** How many received messages and reports the simulator keeps for `GET /simulate/received`. */
const MAX_KEPT = 10_000;

export function infobipError(status: number, messageId: string, message: string): Reply {
	return json(status, { requestError: { serviceException: { messageId, text: message } } });
}

const unauthorized = (scheme?: string): AuthCheck => ({
	scheme,
	rejection: infobipError(401, 'UNAUTHORIZED', 'Invalid login details'),
});

function authenticate(request: SimRequest): AuthCheck {
	const authorization = request.headers.authorization;
	const token = request.headers.ctlivetoken;
	if (typeof token === 'string') return token === CREDENTIALS.token ? { scheme: 'ctlivetoken' } : unauthorized('ctlivetoken');
	if (typeof authorization !== 'string') return unauthorized();
	const [scheme, value = ''] = authorization.split(' ', 2);
	if (scheme.toLowerCase() === 'bearer') return value === CREDENTIALS.token ? { scheme } : unauthorized(scheme);
	if (scheme.toLowerCase() === 'basic')
		return checkBasicAuthHeader(authorization, CREDENTIALS.user, CREDENTIALS.password) ? { scheme } : unauthorized(scheme);
	return unauthorized(scheme);
}

interface Received {
	messages: Array<Record<string, unknown>>;
	deliveryReports: Array<Record<string, unknown>>;
	seenReports: Array<Record<string, unknown>>;
	/** New messages dropped because their messageId was already received (a channel's resend). */
	duplicates: number;
}

export const ctLive: ProviderFactory = ({ seed, sizes, strict, simulatorUrl, sendWebhook }) => {
	const received: Received = { messages: [], deliveryReports: [], seenReports: [], duplicates: 0 };
	const seenIds = new Set<string>();
	const keep = (list: Array<Record<string, unknown>>, entry: Record<string, unknown>) => {
		list.push(entry);
		if (list.length > MAX_KEPT) list.shift();
	};

	const postMessage = ({ body }: SimRequest): Reply => {
		const checked = checkResults(body, { allowEmpty: !strict });
		if (!checked.ok) return infobipError(400, 'BAD_REQUEST', checked.error);
		const results = (body as { results: Array<Record<string, unknown>> }).results;
		results.forEach((entry, index) => {
			const kind = checked.kinds[index];
			if (kind === 'delivery') return keep(received.deliveryReports, entry);
			if (kind === 'seen') return keep(received.seenReports, entry);
			// CTLive drops a message whose messageId it already has: the channel may resend after network errors.
			if (seenIds.has(entry.messageId as string)) return void received.duplicates++;
			seenIds.add(entry.messageId as string);
			keep(received.messages, entry);
		});
		// The spec documents no answer body for these posts; an empty 200 is the strictest reading.
		return text(200, '', 'text/plain');
	};

	return {
		name: 'ctlive',
		credentials: { ...CREDENTIALS },
		authenticate,
		routes: [
			...CTLIVE_PATHS.map((path) => ({ method: 'POST' as const, path, auth: true, handler: postMessage })),
			{ method: 'POST', path: CTLIVE_OPEN_PATH, auth: false, handler: postMessage },
			{
				method: 'GET',
				path: '/media/:file',
				auth: false,
				handler: ({ params }) => {
					const media = MEDIA[params.file];
					return media ? text(200, media.body, media.contentType) : json(404, { message: `No media ${params.file}` });
				},
			},
			{
				method: 'GET',
				path: '/simulate/received',
				auth: false,
				handler: () => json(200, received),
			},
			{
				method: 'POST',
				path: '/simulate/outbound',
				auth: false,
				handler: async ({ body }) => {
					const parsed = outboundRequestFromJson(body);
					if ('error' in parsed) return json(400, { message: parsed.error });
					const { url, times, auth, ...options } = parsed;
					const payload = outboundPayload(seed, simulatorUrl, { ...options, count: options.count ?? sizes.ctliveDestinations });
					const user = auth === 'none' ? undefined : (auth?.user ?? CREDENTIALS.webhookUser);
					const password = auth === 'none' ? undefined : (auth?.password ?? CREDENTIALS.webhookPassword);
					const headers: Record<string, string> =
						user === undefined ? {} : { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
					const answers = [];
					try {
						// The same payload each time: what CTLive does when it did not get (or believe) the first answer.
						for (let attempt = 0; attempt < times; attempt++) answers.push(await sendWebhook(url, { body: payload, headers }));
					} catch (error) {
						return json(502, { message: (error as Error).message, payload, answers });
					}
					return json(200, { payload, answers });
				},
			},
		],
	};
};
