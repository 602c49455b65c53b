/**
 * Mehery XMS (specs/mehery-xms.txt): configuration, contacts, analytics, outbound messages and sessions under
 * /api/v1, authorized by the `x-api-key` and `x-api-id` headers, plus Mehery's calls to the customer's webhook
 * (one URL per account, set by POST /api/v1/config/webhook, each call carrying `x-verify-token`).
 * Answers use the spec's envelopes: ApiResponse (`data` + `results`) and ApiResultsMetaCompactResponse
 * (`results`); refusals are `{ status, statusKey, message, errors: [ApiFieldError] }`.
 */
import { createHash } from 'node:crypto';

import { json, type ProviderFactory, type Reply, type SimRequest } from '../provider';
import { randomFor } from '../random';
import { MeheryData } from './mehery-data';
import { literalRoutes } from './mehery-literal';
import { notificationBody, readNotifyRequest } from './mehery-notify';
import {
	checkContactPrefs,
	checkDigitalEvent,
	checkDigitalObject,
	checkOutboundMessage,
	checkRouting,
	checkSessionId,
	isObject,
	type FieldProblem,
} from './mehery-validate';

export const MEHERY_API = '/api/v1';
export const MEHERY_CREDENTIALS = {
	apiKey: 'mehery-key-1',
	apiId: 'mehery-app-1',
	verifyToken: 'mehery-verify-1',
};

let traceCounter = 0;
const envelope = (status: number, statusKey: string, message: string) => ({
	status,
	statusKey,
	message,
	messageKey: `MESSAGE_${statusKey}`,
	timestamp: Date.now(),
	traceid: `trace-${++traceCounter}`,
});

/** ApiResultsMetaCompactResponse. */
const compact = (results: unknown[]) => json(200, { ...envelope(200, 'SUCCESS', 'Success'), meta: {}, results });
/** ApiResponse: one `data` plus the same in `results`. */
const single = (data: unknown) => json(200, { ...envelope(200, 'SUCCESS', 'Success'), data, results: [data] });

function refusal(status: number, statusKey: string, message: string, problem?: FieldProblem): Reply {
	const errors = problem
		? [{ field: problem.field, code: 'INVALID', codeKey: 'INVALID_FIELD', codes: ['INVALID'], description: problem.description, descriptionKey: 'INVALID_FIELD', obzect: 'request', body: {}, possibleValues: [] }]
		: [];
	return json(status, { ...envelope(status, statusKey, message), errors });
}
const badField = (problem: FieldProblem) =>
	refusal(400, 'BAD_REQUEST', `${problem.field}: ${problem.description}`, problem);
const notFound = (message: string) => refusal(404, 'NOT_FOUND', message);

function authenticate(request: SimRequest) {
	const key = request.headers['x-api-key'];
	const id = request.headers['x-api-id'];
	if (typeof key !== 'string' || key === '')
		return { scheme: undefined, rejection: refusal(401, 'UNAUTHORIZED', 'Missing x-api-key header') };
	if (key !== MEHERY_CREDENTIALS.apiKey)
		return { scheme: 'x-api-key', rejection: refusal(401, 'UNAUTHORIZED', 'Invalid API key') };
	if (id !== MEHERY_CREDENTIALS.apiId)
		return { scheme: 'x-api-key', rejection: refusal(403, 'FORBIDDEN', 'The API key does not belong to this API Id') };
	return { scheme: 'x-api-key' };
}

/** Mehery needs an https webhook; the simulator can only call this machine over http. */
function webhookUrlProblem(url: unknown): string | undefined {
	if (typeof url !== 'string' || url === '') return 'url is required';
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `url '${url}' is not a valid URL`;
	}
	const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
	if (parsed.protocol === 'http:' && !local) return 'The webhook URL must use HTTPS with a valid SSL certificate';
	if (!local) return 'The simulator can only call webhooks on http://127.0.0.1 or http://localhost';
	return undefined;
}

export const mehery: ProviderFactory = ({ seed, sizes, strict, webhooks, sendWebhook }) => {
	const data = new MeheryData(seed, sizes);
	const ids = randomFor(seed, 'mehery-receipts');
	let notifications = 0;
	const receiptId = () => createHash('sha1').update(String(ids.next())).digest('base64url').slice(0, 27);

	const session = (request: SimRequest) => {
		const problem = checkSessionId(request.body);
		if (problem) return { reply: badField(problem) };
		const found = data.sessions.get((request.body as { sessionId: string }).sessionId);
		return found ? { found } : { reply: notFound('Session not found') };
	};
	/** What close, resolve and routing answer: the session event they caused. */
	const sessionEvent = (eventCode: string, sessionId: string, extra: Record<string, unknown> = {}) =>
		compact([{ eventId: `evt-${receiptId()}`, eventCode, sessionId, contactId: data.sessions.get(sessionId)?.contactId, ...extra }]);

	return {
		name: 'mehery',
		credentials: { ...MEHERY_CREDENTIALS },
		authenticate,
		// Strict (the default): the spec's literal reading first, then each route's own checks.
		routes: literalRoutes(strict, badField, [
			{
				method: 'GET',
				path: `${MEHERY_API}/config/channels`,
				auth: true,
				// The spec names the parameter `sabdnox` and describes it as `sandbox`: both are honoured (a listed
				// deviation lets the strict reading accept `sandbox` too).
				handler: ({ query }) => compact(data.channels([query.get('sandbox'), query.get('sabdnox')].includes('true'))),
			},
			{
				method: 'GET',
				path: `${MEHERY_API}/config/global/vars`,
				auth: true,
				handler: ({ query }) => {
					const channelId = query.get('channelId');
					const vars = data.globalVars.filter((variable) => !channelId || variable.shared || variable.group === channelId);
					return json(200, { ...envelope(200, 'SUCCESS', 'Success'), data: vars[0] ?? null, results: vars });
				},
			},
			{
				method: 'GET',
				path: `${MEHERY_API}/config/tmpl/hsm`,
				auth: true,
				handler: ({ query }) => {
					const channelId = query.get('channelId');
					const status = query.get('channelStatus');
					const templates = data.templates.filter((template) =>
						template.approved.some(
							(approval) => (!channelId || approval.channelId === channelId) && (!status || approval.status === status),
						),
					);
					return json(200, { ...envelope(200, 'SUCCESS', 'Success'), data: templates[0] ?? null, results: templates });
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/config/webhook`,
				auth: true,
				handler: ({ body }) => {
					const url = isObject(body) ? body.url : undefined;
					const problem = webhookUrlProblem(url);
					if (problem) return badField({ field: 'url', description: problem.replace(/^url /, '') });
					// One webhook URL per account: setting one replaces the previous.
					for (const existing of webhooks.list('mehery')) webhooks.unregister('mehery', existing.id);
					const id = webhooks.register('mehery', { url: url as string, secret: MEHERY_CREDENTIALS.verifyToken });
					return single({ id, webhook: url, appHook: url, appType: 'WEBHOOK', agentApp: false, readOnly: false, shared: false });
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/contact/prefs/lang`,
				auth: true,
				handler: ({ body }) => {
					const problem = checkContactPrefs(body);
					if (problem) return badField(problem);
					const { contactId, lang } = body as { contactId: string; lang: string };
					return compact([{ eventId: `evt-${receiptId()}`, eventCode: 'CONTACT_LANG_UPDATED', contactId, lang }]);
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/data/push`,
				auth: true,
				handler: ({ body }) => {
					const problem = checkDigitalObject(body);
					return problem ? badField(problem) : single(body);
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/event/push`,
				auth: true,
				handler: ({ body }) => {
					const problem = checkDigitalEvent(body);
					return problem ? badField(problem) : single(body);
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/message/send`,
				auth: true,
				handler: ({ body }) => {
					const problem = checkOutboundMessage(body);
					if (problem) return badField(problem);
					const message = body as { channelId: string; type: string; template?: { code?: string; id?: string } };
					if (!data.channel(message.channelId))
						return badField({ field: 'channelId', description: `'${message.channelId}' is not a configured channel` });
					if (message.type === 'template') {
						const template = data.template(message.template!);
						if (!template) return notFound(`Template '${message.template!.code ?? message.template!.id}' not found`);
						const approval = template.approved.find((entry) => entry.channelId === message.channelId);
						if (approval?.status !== 'APPROVED')
							return badField({ field: 'template', description: `'${template.code}' is not approved for channel ${message.channelId}` });
					}
					return single({ id: receiptId() });
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/session/close`,
				auth: true,
				handler: (request) => {
					const { found, reply } = session(request);
					if (!found) return reply;
					// Closing a closed session again changes nothing and is not an error.
					found.state = 'closed';
					return sessionEvent('SESSION_CLOSED', found.sessionId);
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/session/resolve`,
				auth: true,
				handler: (request) => {
					const { found, reply } = session(request);
					if (!found) return reply;
					if (found.state === 'closed') return refusal(409, 'CONFLICT', 'Session is closed');
					found.state = 'resolved';
					return sessionEvent('SESSION_RESOLVED', found.sessionId);
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/session/routing`,
				auth: true,
				handler: (request) => {
					const problem = checkRouting(request.body);
					if (problem) return badField(problem);
					const { found, reply } = session(request);
					if (!found) return reply;
					if (found.state === 'closed') return refusal(409, 'CONFLICT', 'Session is closed');
					const { queue, agent, team, skills, params } = request.body as Record<string, unknown>;
					const sourceQueue = found.queue;
					Object.assign(found, { queue, agent, team, skills, params });
					return sessionEvent('SESSION_ROUTED', found.sessionId, {
						sessionRouted: { params, routingId: `rt-${receiptId()}`, sessionStart: false, sourceQueue, targetQueue: queue },
					});
				},
			},
			{
				method: 'POST',
				path: `${MEHERY_API}/session/messages`,
				auth: true,
				handler: (request) => {
					const { found, reply } = session(request);
					return found ? compact(data.messages(found)) : reply;
				},
			},
			{
				// Simulator control, not Mehery's API: fire one of Mehery's webhook calls at the registered URL.
				method: 'POST',
				path: '/_sim/notify',
				auth: false,
				handler: async ({ body }) => {
					const request = readNotifyRequest(body);
					if (typeof request === 'string') return json(400, { message: request });
					const { url: override, verifyToken } = body as { url?: string; verifyToken?: string };
					const url = override ?? webhooks.list('mehery')[0]?.url;
					if (!url) return json(409, { message: 'No webhook is set: call POST /api/v1/config/webhook first' });
					const payload = notificationBody(request, () => `sim-${++notifications}-${receiptId().slice(0, 8)}`);
					const token = verifyToken ?? MEHERY_CREDENTIALS.verifyToken;
					try {
						const started = performance.now();
						const answer = await sendWebhook(url, { body: payload, headers: token === '' ? {} : { 'x-verify-token': token } });
						// How long the customer's webhook took to answer Mehery, in milliseconds.
						const ms = Math.round(performance.now() - started);
						return json(200, { url, sent: payload, status: answer.status, body: answer.body, ms });
					} catch (error) {
						return json(502, { message: (error as Error).message });
					}
				},
			},
		]),
	};
};
