/** Small fetch helpers shared by the simulator's own tests. */
import type { Simulator } from './types';

export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<Response> {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

/** IrisEngage calls against a running simulator. */
export function irisClient(simulator: Simulator) {
	const api = `${simulator.providers.irisengage.baseUrl}/IrisEngage_API/api`;
	const { name, password } = simulator.providers.irisengage.credentials;
	return {
		api,
		login: async (): Promise<string> => {
			const response = await postJson(`${api}/Users/authenticate`, {
				Name: name,
				Password: password,
			});
			return ((await response.json()) as { token: string }).token;
		},
		call: async (path: string, body: unknown, token?: string): Promise<Response> =>
			await postJson(`${api}${path}`, body, token ? { authorization: `Bearer ${token}` } : {}),
	};
}
