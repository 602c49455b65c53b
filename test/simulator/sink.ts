/**
 * A generic message sink, part of the machinery rather than a provider spec: `POST /sink/messages` with
 * `{ to, text }` and an `X-Api-Key` header takes one message and answers 201 `{ id }`. Tests and benchmarks use
 * it to prove sends (exactly once, per-recipient order, throttling) before a real provider's send exists; the
 * request log, with `at`, `answeredAt`, `status` and `body`, is the delivery record.
 */
import { json, type ProviderFactory, type SimRequest } from './provider';

export const SINK_PROVIDER = 'sink';
export const SINK_API_KEY = 'sink-api-key';

function checkMessage(body: unknown): string | undefined {
	const message = body as { to?: unknown; text?: unknown } | undefined;
	if (!message || typeof message !== 'object') return 'The body must be a JSON object { to, text }';
	if (typeof message.to !== 'string' || message.to === '') return 'to is required (a non-empty string)';
	if (typeof message.text !== 'string') return 'text is required (a string)';
	return undefined;
}

export const messageSink: ProviderFactory = () => {
	let accepted = 0;
	return {
		name: SINK_PROVIDER,
		credentials: { apiKey: SINK_API_KEY },
		authenticate: (request: SimRequest) =>
			request.headers['x-api-key'] === SINK_API_KEY
				? { scheme: 'ApiKey' }
				: { scheme: 'ApiKey', rejection: json(401, { message: 'Invalid or missing X-Api-Key' }) },
		routes: [
			{
				method: 'POST',
				path: '/messages',
				auth: true,
				handler: (request) => {
					const problem = checkMessage(request.body);
					if (problem) return json(400, { message: problem });
					accepted++;
					return json(201, { id: `msg-${accepted}` });
				},
			},
		],
	};
};
