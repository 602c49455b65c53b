/**
 * Token APIs side by side in real n8n. IrisEngage Conversation → Get Many over many numbers against the HTTP
 * Request node after a Login request run once ("Execute Once"), and Netcore Transcript → Get Many with Return
 * All against the HTTP Request node's Pagination followed by a Split Out (one item per transcript).
 */
import type { BenchSession } from './session';
import { median, ratio, type CaseResult, type Figures } from './figures';
import { chain, httpRequestNode, itemsNodes, ourNode, type BenchWorkflow } from './workflows';

const IRIS_API = '/IrisEngage_API/api';
const IRIS_LOGIN = /Users\/authenticate/;
const IRIS_SESSIONS = /EngageAPIRequestDetails/;
const NETCORE_LOGIN = /\/v1\/auth$/;
const NETCORE_TRANSCRIPTS = /\/v1\/transcripts/;
const NETCORE_CHANNEL = 1014;
const NETCORE_USER = '+919876543210';

const phonesCode = (count: number) => `Array.from({ length: ${count} }, (_, i) => ({ phone: '9715' + String(i).padStart(8, '0') }))`;

function irisWorkflows(session: BenchSession, count: number): { ours: BenchWorkflow; http: BenchWorkflow } {
	const iris = session.sim.providers.irisengage;
	const parameters = { resource: 'conversation', operation: 'getMany', mobileNumber: '={{ $json.phone }}', sessionCount: 5, simplify: false };
	const ours = chain(`IrisEngage Get Many × ${count}`, [...itemsNodes(phonesCode(count)), ourNode('IrisEngage', 'irisEngage', parameters, session.credential('irisEngageApi'))], ['IrisEngage']);
	const login = httpRequestNode('Login', {
		url: `${iris.baseUrl}${IRIS_API}/Users/authenticate`,
		jsonBody: JSON.stringify({ Name: iris.credentials.name, Password: iris.credentials.password }),
		settings: { executeOnce: true },
	});
	const read = httpRequestNode('HTTP Request', {
		url: `${iris.baseUrl}${IRIS_API}/EngageAPIRequestDetails`,
		headers: { Authorization: "=Bearer {{ $('Login').first().json.token }}" },
		jsonBody: '={{ JSON.stringify({ MobileNo: $json.phone, SessionCount: 5 }) }}',
	});
	const http = chain(`HTTP Request IrisEngage × ${count}`, [login, ...itemsNodes(phonesCode(count)), read], ['HTTP Request']);
	return { ours, http };
}

async function counted(session: BenchSession, workflow: BenchWorkflow, output: string, login: RegExp, route: RegExp) {
	await session.sim.client.clearLog();
	const run = await session.run(workflow);
	const [logins, requests, throttled] = await Promise.all([session.sim.client.count({ route: login }), session.sim.client.count({ route }), session.sim.client.count({ route, status: 429 })]);
	return { run, logins, requests, throttled, items: run.items(output) };
}

/** (a) Three executions of 1,000 items each: how often each logs in (the credential starts without a session). */
export async function loginCase(session: BenchSession): Promise<CaseResult> {
	await session.sim.client.reset();
	await session.sim.client.expireTokens('irisengage');
	const { ours, http } = irisWorkflows(session, 1000);
	const rows: Figures[] = [];
	for (const [workflow, output, runner] of [[ours, 'IrisEngage', 'IrisEngage Get Many'], [http, 'HTTP Request', 'HTTP Request, Login with Execute Once']] as const) {
		const runs: Array<Awaited<ReturnType<typeof counted>>> = [];
		for (let execution = 0; execution < 3; execution++) runs.push(await counted(session, workflow, output, IRIS_LOGIN, IRIS_SESSIONS));
		const sum = (pick: (run: (typeof runs)[number]) => number) => runs.reduce((total, run) => total + pick(run), 0);
		rows.push({
			runner,
			wallMs: median(runs.map((run) => run.run.ms)),
			requests: sum((run) => run.requests),
			logins: sum((run) => run.logins),
			throttled: sum((run) => run.throttled),
			items: sum((run) => run.items),
			note: `3 executions, wall time the median; ${runs.map((run) => run.run.error).find(Boolean) ?? 'no errors'}`,
		});
	}
	return {
		id: 'a',
		title: '(a) IrisEngage, 3 executions of 1,000 items: logins',
		rows,
		goals: [{ goal: 'Our node logs in exactly once over the 3 executions', measured: `${rows[0].logins} login(s); HTTP Request: ${rows[1].logins}`, ok: rows[0].logins === 1 && rows[0].requests === 3000 }],
	};
}

/** (c) 200 reads at 50 ms with no provider limit: a warm-up, then the median of 3 runs of each, alternating. */
export async function readCase(session: BenchSession, allAtOnce: { ms: number; referenceMs: number; detail: string }): Promise<CaseResult> {
	await session.sim.client.reset();
	await session.sim.client.setLatency(50);
	const { ours, http } = irisWorkflows(session, 200);
	const samples: Record<'ours' | 'http', Array<Awaited<ReturnType<typeof counted>>>> = { ours: [], http: [] };
	for (let round = 0; round < 4; round++) {
		const oursRun = await counted(session, ours, 'IrisEngage', IRIS_LOGIN, IRIS_SESSIONS);
		const httpRun = await counted(session, http, 'HTTP Request', IRIS_LOGIN, IRIS_SESSIONS);
		if (round === 0) continue;
		samples.ours.push(oursRun);
		samples.http.push(httpRun);
	}
	const row = (runner: string, runs: typeof samples.ours): Figures => {
		const middle = median(runs.map((run) => run.run.ms));
		const picked = runs.find((run) => run.run.ms === middle)!;
		return { runner, wallMs: middle, requests: picked.requests, logins: picked.logins, throttled: picked.throttled, items: picked.items, note: `median of 3: ${runs.map((run) => run.run.ms).join(', ')} ms${picked.run.error ? `; ${picked.run.error}` : ''}` };
	};
	const rows = [row('IrisEngage Get Many (Simplify off)', samples.ours), row('HTTP Request, Login with Execute Once', samples.http)];
	const [oursRow, httpRow] = rows;
	return {
		id: 'c',
		title: '(c) 200 reads at 50 ms, no provider limit',
		rows,
		goals: [
			// The same requests; the items differ by design: ours one per session, the HTTP Request node one per answer.
			{
				goal: 'No slower than the HTTP Request node in real n8n, the same requests',
				measured: `${oursRow.wallMs} ms vs ${httpRow.wallMs} ms = ${ratio(oursRow.wallMs ?? 0, httpRow.wallMs ?? 1)}; ${oursRow.requests} vs ${httpRow.requests} requests; ${oursRow.items} items (one per session) vs ${httpRow.items} (one per answer)`,
				ok: (oursRow.wallMs ?? Infinity) <= (httpRow.wallMs ?? 0) && oursRow.requests === httpRow.requests,
			},
			{ goal: 'At most 1.5x the all-at-once time (the same 200 requests fired at once in the same engine, n8n-core)', measured: `${allAtOnce.ms.toFixed(0)} ms vs ${allAtOnce.referenceMs.toFixed(0)} ms = ${ratio(allAtOnce.ms, allAtOnce.referenceMs)}; ${allAtOnce.detail}`, ok: allAtOnce.ms <= 1.5 * allAtOnce.referenceMs },
		],
	};
}

/** (b) 10,000 Netcore transcripts with Return All at 50 ms: a warm-up of each, then one measured run of each. */
export async function netcoreCase(session: BenchSession): Promise<CaseResult> {
	await session.sim.client.reset();
	await session.sim.client.setLatency(50);
	const netcore = session.sim.providers.netcore;
	const parameters = { resource: 'transcript', operation: 'getMany', channelId: NETCORE_CHANNEL, botUserId: NETCORE_USER, returnAll: true };
	const ours = chain('Netcore transcripts', [ourNode('Netcore Bot', 'netcoreBot', parameters, session.credential('netcoreBotApi'))], ['Netcore Bot']);
	const login = httpRequestNode('Login', { url: `${netcore.baseUrl}/v1/auth`, jsonBody: JSON.stringify({ appId: netcore.credentials.appId, appSecret: netcore.credentials.appSecret }) });
	const pages = httpRequestNode('HTTP Request', {
		url: `${netcore.baseUrl}/v1/transcripts`,
		headers: { Authorization: "=Bearer {{ $('Login').first().json.authToken }}" },
		query: { limit: '1000' },
		jsonBody: JSON.stringify({ botUserId: NETCORE_USER, channelId: NETCORE_CHANNEL }),
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ $response.body.paginationDetails.page >= $response.body.paginationDetails.pages }}',
				},
			},
		},
	});
	const split = { name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'transcripts', options: {} } };
	const http = chain('HTTP Request Netcore transcripts', [login, pages, split], ['HTTP Request', 'Split Out']);
	const rows: Figures[] = [];
	for (const [workflow, output, runner] of [[ours, 'Netcore Bot', 'Netcore Bot Transcript Get Many, Return All'], [http, 'Split Out', 'HTTP Request Pagination + Split Out']] as const) {
		await counted(session, workflow, output, NETCORE_LOGIN, NETCORE_TRANSCRIPTS);
		const measured = await counted(session, workflow, output, NETCORE_LOGIN, NETCORE_TRANSCRIPTS);
		rows.push({ runner, wallMs: measured.run.ms, requests: measured.requests, logins: measured.logins, throttled: measured.throttled, items: measured.items, note: measured.run.error });
	}
	const [oursRow, httpRow] = rows;
	return {
		id: 'b',
		title: '(b) Netcore, 10,000 transcripts with Return All, 50 ms',
		rows,
		goals: [
			{ goal: 'Exactly 10 transcript requests, one item per transcript (10,000)', measured: `${oursRow.requests} requests, ${oursRow.items} items; wall ${ratio(oursRow.wallMs ?? 0, httpRow.wallMs ?? 1)} the HTTP Request node's`, ok: oursRow.requests === 10 && oursRow.items === 10_000 },
		],
	};
}
