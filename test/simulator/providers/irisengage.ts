/**
 * IrisEngage (specs/irisengage.txt): log in for a JWT, list a customer's WhatsApp sessions, read a session.
 * Errors are `{ message }`. Strict (the default): body property names exactly as the spec writes them; lenient:
 * matched case-insensitively, as ASP.NET model binding does.
 */
import { json, type ProviderFactory, type Reply } from '../provider';
import { bearerTokenAuth } from '../tokens';
import { IrisData } from './irisengage-data';
import { MAX_MOBILE_DIGITS } from './irisengage-request-id';

const API = '/IrisEngage_API/api';
const USER = { name: 'user1', password: 'password1' };

const badRequest = (message: string): Reply => json(400, { message });

/** A body property by the spec's exact name, or (lenient) the way ASP.NET model binding finds it: ignoring case. */
function fieldOf(strict: boolean) {
	return (body: unknown, name: string): unknown => {
		if (body === null || typeof body !== 'object') return undefined;
		const key = Object.keys(body).find((candidate) => (strict ? candidate === name : candidate.toLowerCase() === name.toLowerCase()));
		return key === undefined ? undefined : (body as Record<string, unknown>)[key];
	};
}

export const irisEngage: ProviderFactory = ({ seed, sizes, tokens, strict }) => {
	const data = new IrisData(seed, sizes);
	const field = fieldOf(strict);
	return {
		name: 'irisengage',
		credentials: { ...USER },
		authenticate: bearerTokenAuth(tokens, json(401, { message: 'Unauthorized' })),
		routes: [
			{
				method: 'POST',
				path: `${API}/Users/authenticate`,
				auth: false,
				handler: ({ body }) => {
					if (field(body, 'Name') !== USER.name || field(body, 'Password') !== USER.password) {
						return badRequest('Username or password is incorrect');
					}
					return json(200, { token: tokens.issue(USER.name).token, refreshToken: null });
				},
			},
			{
				method: 'POST',
				path: `${API}/EngageAPIRequestDetails`,
				auth: true,
				handler: ({ body }) => {
					const mobileNo = field(body, 'MobileNo');
					const sessionCount = field(body, 'SessionCount');
					if (
						typeof mobileNo !== 'string' ||
						!new RegExp(`^\\d{1,${MAX_MOBILE_DIGITS}}$`).test(mobileNo)
					) {
						return badRequest(`MobileNo must be a string of 1 to ${MAX_MOBILE_DIGITS} digits`);
					}
					if (!Number.isInteger(sessionCount) || (sessionCount as number) < 1) {
						return badRequest('SessionCount must be a positive integer');
					}
					return json(200, { message: data.sessions(mobileNo).slice(0, sessionCount as number) });
				},
			},
			{
				method: 'POST',
				path: `${API}/GetContent`,
				auth: true,
				handler: ({ body }) => {
					const requestId = field(body, 'RequestId');
					if (typeof requestId !== 'string' || requestId === '')
						return badRequest('RequestId is required');
					return json(200, { message: data.messages(requestId) });
				},
			},
		],
	};
};
