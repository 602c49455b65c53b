/**
 * What a trigger in a real n8n does with bodies that are not deliveries, sent with the right credentials: the wrong
 * shape gets the trigger's 400, unparseable JSON gets n8n's own 422 before any node runs. Neither may start an
 * execution; the caller counts executions before and after.
 */
import { connect } from './environment';

export async function postMalformed(url: string, headers: Record<string, string>, wrongShape: object) {
	const { sim } = await connect();
	const shape = await sim.sendWebhook(url, { body: wrongShape, headers });
	const unparseable = await sim.sendWebhook(url, { body: '{"not": "finished', headers: { ...headers, 'content-type': 'application/json' } });
	return { wrongShape: shape, unparseable };
}

/** The test credentials the simulated provider accepts (and `npm start` puts into our credentials). */
export async function simulatorCredentials(provider: string): Promise<Record<string, string>> {
	const { sim } = await connect();
	return (await sim.providers())[provider].credentials;
}
