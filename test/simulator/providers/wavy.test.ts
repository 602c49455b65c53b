import { startSimulator, type Simulator } from '..';
import { postJson, startReceiver } from '../testing';
import { MO_TYPES, WAVY_CUSTOMER_ID, WAVY_JSON_CUSTOMER_ID, WAVY_PLAIN_CUSTOMER_ID, moBatch } from './wavy-data';

const opened: Simulator[] = [];
async function open(options?: Parameters<typeof startSimulator>[0]) {
	const sim = await startSimulator(options);
	opened.push(sim);
	const { baseUrl, credentials } = sim.providers.wavy;
	const auth = { UserName: credentials.userName, AuthenticationToken: credentials.authenticationToken };
	const sessions = async (query: string, headers: Record<string, string> = auth) => await fetch(`${baseUrl}/v1/session?${query}`, { headers });
	const fileOf = async (query: string) => {
		const { file_url } = (await (await sessions(query)).json()) as { file_url: string };
		// Decoded by hand: fetch's text() would drop the BOM the tests look for.
		return { url: file_url, text: Buffer.from(await (await fetch(file_url)).arrayBuffer()).toString('utf8') };
	};
	return { sim, baseUrl, credentials, sessions, fileOf };
}
afterAll(async () => await Promise.all(opened.map((sim) => sim.close())));

const lines = (csv: string, lineEnd = '\r\n') => csv.replace(/^\uFEFF/, '').split(lineEnd).filter((line) => line !== '');

describe('GET /v1/session', () => {
	it('needs both headers: missing or wrong ones get 401 with Wavy error body', async () => {
		const { sessions, credentials } = await open();
		const missing = await sessions(`customerId=${WAVY_CUSTOMER_ID}`, {});
		expect(missing.status).toBe(401);
		expect(await missing.json()).toEqual({ errorCode: 401, errorMessage: 'Missing UserName and AuthenticationToken headers' });
		const wrong = await sessions(`customerId=${WAVY_CUSTOMER_ID}`, { UserName: credentials.userName, AuthenticationToken: 'nope' });
		expect(wrong.status).toBe(401);
	});

	it('requires a numeric customerId and a numeric subAccountId when given', async () => {
		const { sessions } = await open();
		expect(await (await sessions('')).json()).toEqual({ errorCode: 400, errorMessage: 'customerId is required' });
		expect((await sessions('customerId={42}')).status).toBe(400);
		expect((await sessions(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=x`)).status).toBe(400);
	});

	it('strict: refuses parameters the spec does not name and an empty subAccountId; lenient: ignores them', async () => {
		const strict = await open();
		expect(await (await strict.sessions(`customerId=${WAVY_CUSTOMER_ID}&customer_id=42`)).json()).toEqual({
			errorCode: 400,
			errorMessage: 'Unknown query parameter(s) customer_id: only customerId and subAccountId',
		});
		expect((await strict.sessions(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=`)).status).toBe(400);
		const lenient = await open({ strict: false });
		expect((await lenient.sessions(`customerId=${WAVY_CUSTOMER_ID}&customer_id=42`)).status).toBe(200);
		expect((await lenient.sessions(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=`)).status).toBe(200);
	});

	it('answers a file_url on another host than the API, and the file needs no credentials', async () => {
		const { sessions, baseUrl, sim } = await open();
		const response = await sessions(`customerId=${WAVY_CUSTOMER_ID}`);
		const { file_url } = (await response.json()) as { file_url: string };
		expect(response.status).toBe(200);
		expect(new URL(file_url).host).not.toBe(new URL(baseUrl).host);
		expect(new URL(file_url).hostname).toBe('localhost');
		const file = await fetch(file_url);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(sim.log.at(-1)).toMatchObject({ provider: 'wavy', route: 'GET /files/:fileId', status: 200 });
	});
});

describe('the open-sessions file', () => {
	it("is written like a spreadsheet export for the account's customer: BOM, CRLF, quoted fields", async () => {
		const { fileOf } = await open();
		const { text } = await fileOf(`customerId=${WAVY_CUSTOMER_ID}`);
		expect(text.startsWith('\uFEFF"origem","session_created_at"\r\n')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
		const rows = lines(text);
		expect(rows).toHaveLength(26);
		expect(rows[1]).toMatch(/^"55\d{2}9\d{8}","2024-06-03 09:\d{2}:\d{2}"$/);
	});

	it('has sizes.wavyOpenSessions rows split over sub-accounts, the same for the same seed', async () => {
		const { fileOf } = await open({ sizes: { wavyOpenSessions: 10 } });
		const all = lines((await fileOf(`customerId=${WAVY_CUSTOMER_ID}`)).text).slice(1);
		const first = lines((await fileOf(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=1`)).text).slice(1);
		const second = lines((await fileOf(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=2`)).text).slice(1);
		expect(all).toHaveLength(10);
		expect([first.length, second.length]).toEqual([5, 5]);
		expect([...first, ...second].sort()).toEqual([...all].sort());
		const again = await open({ sizes: { wavyOpenSessions: 10 } });
		expect(lines((await again.fileOf(`customerId=${WAVY_CUSTOMER_ID}`)).text).slice(1)).toEqual(all);
	});

	it('is header-only for a customer or sub-account without sessions, as the spec says', async () => {
		const { fileOf } = await open();
		expect((await fileOf('customerId=7')).text).toBe('\uFEFF"origem","session_created_at"\r\n');
		expect((await fileOf(`customerId=${WAVY_CUSTOMER_ID}&subAccountId=99`)).text).toBe('\uFEFF"origem","session_created_at"\r\n');
	});

	it('is plain for the plain customer: LF, no BOM, no quotes, ISO dates, no final newline', async () => {
		const { fileOf } = await open({ sizes: { wavyOpenSessions: 3 } });
		const { text } = await fileOf(`customerId=${WAVY_PLAIN_CUSTOMER_ID}`);
		const rows = text.split('\n');
		expect(rows[0]).toBe('origem,session_created_at');
		expect(rows).toHaveLength(4);
		expect(rows[3]).toMatch(/^55\d{2}9\d{8},2024-06-03T09:\d{2}:\d{2}\.000Z$/);
	});

	it('names the origin column as the spec\'s prose does ("origem") unless the variant or lenient mode says "origin"', async () => {
		const header = async (options?: Parameters<typeof startSimulator>[0]) =>
			(await (await open(options)).fileOf(`customerId=${WAVY_PLAIN_CUSTOMER_ID}`)).text.split('\n')[0];
		expect(await header()).toBe('origem,session_created_at');
		expect(await header({ variants: { wavyOriginColumn: 'origin' } })).toBe('origin,session_created_at');
		expect(await header({ strict: false })).toBe('origin,session_created_at');
		expect(await header({ strict: false, variants: { wavyOriginColumn: 'origem' } })).toBe('origem,session_created_at');
	});

	it('goes up to 100,000 rows, and no further', async () => {
		const { fileOf } = await open({ sizes: { wavyOpenSessions: 100_000 } });
		expect(lines((await fileOf(`customerId=${WAVY_CUSTOMER_ID}`)).text)).toHaveLength(100_001);
		await expect(startSimulator({ sizes: { wavyOpenSessions: 100_001 } })).rejects.toThrow('from 0 to 100000');
	});

	it('is 404 for an unknown file id', async () => {
		const { baseUrl } = await open();
		expect((await fetch(`${baseUrl}/files/does-not-exist`)).status).toBe(404);
	});

	it('is replaced by the JSON { total, data[] } shape for the JSON customer', async () => {
		const { sessions } = await open({ sizes: { wavyOpenSessions: 4 } });
		const body = (await (await sessions(`customerId=${WAVY_JSON_CUSTOMER_ID}`)).json()) as { total: number; data: Array<Record<string, unknown>> };
		expect(body.total).toBe(4);
		expect(body.data[0]).toEqual({ origin: expect.stringMatching(/^55/), source: body.data[0].origin, receivedAt: expect.any(Number), receivedDate: expect.stringMatching(/Z$/) });
	});
});

describe('MO batches', () => {
	it('follow the spec shape, cycle through every message type, and never share ids across offsets', () => {
		const batch = moBatch({ size: 7 });
		expect(batch.total).toBe(7);
		expect(batch.data.map((message) => (message.message as { type: string }).type)).toEqual([...MO_TYPES]);
		expect(batch.data[0]).toMatchObject({ source: expect.stringMatching(/^55/), userProfile: { name: 'User 0' }, message: { type: 'TEXT', messageText: expect.any(String) }, receivedAt: 1717407000000, receivedDate: '2024-06-03T09:30:00.000Z' });
		const next = moBatch({ size: 7, offset: 7 });
		const ids = new Set([...batch.data, ...next.data].map((message) => message.id));
		expect(ids.size).toBe(14);
		expect(moBatch({ size: 2, total: 5 }).total).toBe(5);
	});

	it('are fired at a URL through POST /mo-batches and logged as outbound calls', async () => {
		const { sim, baseUrl } = await open();
		const receiver = await startReceiver();
		try {
			const response = await postJson(`${baseUrl}/mo-batches`, { url: `${receiver.url}/hook?secret=s`, size: 3, batches: 2 });
			expect(response.status).toBe(200);
			expect(((await response.json()) as { responses: Array<{ status: number }> }).responses.map((entry) => entry.status)).toEqual([200, 200]);
			expect(receiver.calls.map((call) => (JSON.parse(call.body) as { data: unknown[] }).data.length)).toEqual([3, 3]);
			expect(receiver.calls[0].path).toBe('/hook?secret=s');
			expect(sim.outbound.map((entry) => entry.provider)).toEqual(['wavy', 'wavy']);
		} finally {
			await receiver.close();
		}
	});

	it('link media that the simulator serves when built with its media base', async () => {
		const { baseUrl } = await open();
		const image = moBatch({ size: 2, mediaBaseUrl: `${baseUrl}/media` }).data[1].message as { mediaUrl: string; mimeType: string };
		const response = await fetch(image.mediaUrl);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/jpeg');
		expect((await response.text()).length).toBeGreaterThan(100);
		expect((await fetch(`${baseUrl}/media/1.exe`)).status).toBe(404);
	});

	it('refuse a URL off this machine with 400', async () => {
		const { baseUrl } = await open();
		const response = await postJson(`${baseUrl}/mo-batches`, { url: 'https://example.com/hook' });
		expect(response.status).toBe(400);
	});
});
