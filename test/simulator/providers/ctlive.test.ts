import { startSimulator, type Simulator } from '..';
import { postJson, startReceiver } from '../testing';

let sim: Simulator;
let base: string;
beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	base = sim.providers.ctlive.baseUrl;
});
afterEach(() => sim.reset());
afterAll(async () => await sim.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const creds = () => sim.providers.ctlive.credentials;
const goodAuth = () => ({ authorization: basic(creds().user, creds().password) });

/** The spec's own examples, verbatim apart from fresh message ids. */
const TEXT_MESSAGE = {
	from: '385919998888',
	to: '1234',
	integrationType: 'WHATSAPP',
	receivedAt: '2019-07-19T11:23:26.998+0000',
	messageId: 'ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a',
	pairedMessageId: null,
	message: { type: 'TEXT', text: 'Support hello' },
	contact: { name: 'Frank' },
};
const IMAGE_MESSAGE = {
	from: '385919998888',
	to: '1234',
	integrationType: 'WHATSAPP',
	receivedAt: '2018-09-10T11:27:17.980+0000',
	messageId: 'ABEGOFkWA5EBAgo6B82cNiWIAMKC',
	message: { type: 'IMAGE', caption: 'Image Caption', url: 'https://media.example.com/123455' },
};
const DELIVERY = {
	bulkId: '',
	status: { id: 5, groupId: 3, groupName: 'DELIVERED', name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
	messageId: 'fb469d73-d362-463f-b30f-1e959b53badc',
	doneAt: '2019-04-09T16:01:56.494-0300',
	sentAt: '2019-04-09T16:00:58.647-0300',
	to: '41793026731',
	channel: 'WHATSAPP',
};
const SEEN = {
	messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
	to: '41793026731',
	sentAt: '2018-12-12T11:21:57.793+0000',
	seenAt: '2018-12-12T11:21:58.251+0000',
};

async function post(path: string, body: unknown, headers: Record<string, string> = goodAuth()) {
	const response = await postJson(`${base}${path}`, body, headers);
	const text = await response.text();
	return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const received = async () => (await (await fetch(`${base}/simulate/received`)).json()) as Record<string, unknown[]> & { duplicates: number };

describe('message endpoint', () => {
	it.each([
		['a text message with contact name', TEXT_MESSAGE],
		['an image message', IMAGE_MESSAGE],
		['a document message', { ...IMAGE_MESSAGE, messageId: 'doc-1', message: { type: 'DOCUMENT', caption: 'invoice.pdf', url: 'https://media.example.com/x' } }],
		['a delivery report', DELIVERY],
		['a seen report', SEEN],
	])('accepts %s from the spec with an empty 200', async (_, entry) => {
		expect(await post('/imchannel/message', { results: [entry] })).toEqual({ status: 200, body: undefined });
	});

	it("serves the spec's literal path /imchanne/message as well as CTLive's real /imchannel/message", async () => {
		const before = (await received()).seenReports.length;
		expect(await post('/imchanne/message', { results: [SEEN] })).toEqual({ status: 200, body: undefined });
		expect((await post('/imchannel/message', { results: [SEEN] })).status).toBe(200);
		expect((await received()).seenReports).toHaveLength(before + 2);
	});

	it('strict: refuses an empty results array with 400 (the spec never shows one) after checking auth; lenient: takes it', async () => {
		expect(await post('/imchannel/message', { results: [] })).toEqual({
			status: 400,
			body: { requestError: { serviceException: { messageId: 'BAD_REQUEST', text: 'results must hold at least one message or report' } } },
		});
		expect((await post('/imchannel/message', { results: [] }, { authorization: basic('ctlive-channel', 'nope') })).status).toBe(401);
		const lenient = await startSimulator({ strict: false });
		try {
			const response = await postJson(`${lenient.providers.ctlive.baseUrl}/imchannel/message`, { results: [] }, goodAuth());
			expect(response.status).toBe(200);
		} finally {
			await lenient.close();
		}
	});

	it("accepts the field table's spelling pairedMessageID as well as the examples' pairedMessageId, not both", async () => {
		const { pairedMessageId, ...rest } = TEXT_MESSAGE;
		expect((await post('/imchannel/message', { results: [{ ...rest, messageId: 'table-1', pairedMessageID: pairedMessageId }] })).status).toBe(200);
		expect((await post('/imchannel/message', { results: [{ ...TEXT_MESSAGE, messageId: 'table-2', pairedMessageID: 'x' }] })).status).toBe(400);
	});

	it('accepts Basic, ctlivetoken and Bearer, and logs which one without the secret', async () => {
		const { token } = creds();
		for (const headers of [goodAuth(), { ctlivetoken: token }, { authorization: `Bearer ${token}` }]) {
			expect((await post('/imchannel/message', { results: [SEEN] }, headers)).status).toBe(200);
		}
		expect(sim.log.map((entry) => entry.authScheme)).toEqual(['Basic', 'ctlivetoken', 'Bearer']);
		expect(JSON.stringify(sim.log)).not.toContain(token);
	});

	it.each([
		['no auth', {}],
		['a wrong password', { authorization: basic('ctlive-channel', 'nope') }],
		['a wrong token header', { ctlivetoken: 'nope' }],
		['a wrong bearer', { authorization: 'Bearer nope' }],
	])('refuses %s with 401 in the Infobip error shape', async (_, headers) => {
		expect(await post('/imchannel/message', { results: [SEEN] }, headers as Record<string, string>)).toEqual({
			status: 401,
			body: { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } },
		});
	});

	it('takes posts without auth on the open path', async () => {
		expect((await post('/open/imchannel/message', { results: [SEEN] }, {})).status).toBe(200);
	});

	it.each([
		['no from', { ...TEXT_MESSAGE, from: undefined }, /results\[0\]\.from must be a non-empty string/],
		['a receivedAt in another form', { ...TEXT_MESSAGE, receivedAt: '2019-07-19T11:23:26Z' }, /receivedAt must look like/],
		['a non-URL image link', { ...IMAGE_MESSAGE, message: { type: 'IMAGE', url: 'not a url' } }, /message\.url must be an http\(s\) URL/],
		['an unknown message type', { ...TEXT_MESSAGE, message: { type: 'VIDEO', text: 'x' } }, /message\.type must be TEXT, IMAGE or DOCUMENT/],
		['an unknown field', { ...TEXT_MESSAGE, priority: 1 }, /unknown field\(s\) priority/],
		['a groupName not matching its groupId', { ...DELIVERY, status: { ...DELIVERY.status, groupName: 'PENDING' } }, /groupName must be DELIVERED/],
		['a seen report without seenAt time form', { ...SEEN, seenAt: 'yesterday' }, /seenAt must look like/],
	])('refuses %s with 400 naming the field', async (_, entry, message) => {
		const answer = await post('/imchannel/message', { results: [entry] });
		expect(answer.status).toBe(400);
		expect((answer.body as { requestError: { serviceException: { text: string } } }).requestError.serviceException.text).toMatch(message);
	});

	it('keeps the first of messages with the same messageId and counts the resends', async () => {
		const id = `dup-${Date.now()}`;
		await post('/imchannel/message', { results: [{ ...TEXT_MESSAGE, messageId: id }] });
		await post('/imchannel/message', { results: [{ ...TEXT_MESSAGE, messageId: id, message: { type: 'TEXT', text: 'again' } }] });
		const state = await received();
		expect(state.messages.filter((message) => (message as { messageId: string }).messageId === id)).toEqual([{ ...TEXT_MESSAGE, messageId: id }]);
		expect(state.duplicates).toBeGreaterThanOrEqual(1);
	});
});

describe('outbound calls', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		receiver = await startReceiver({ status: 200, body: '{"messages":[]}', headers: { 'content-type': 'application/json' } });
	});
	afterEach(() => (receiver.calls.length = 0));
	afterAll(async () => await receiver.close());

	const outbound = async (body: Record<string, unknown>) => {
		const response = await postJson(`${base}/simulate/outbound`, { url: `${receiver.url}/hook`, ...body });
		return { status: response.status, body: (await response.json()) as { payload: Record<string, unknown>; answers: unknown[]; message?: string } };
	};

	it('posts a text message in the spec shape with Basic auth', async () => {
		const { status, body } = await outbound({ kind: 'text', to: ['41793026727'], text: 'Hello' });
		expect(status).toBe(200);
		expect(body.payload).toEqual({
			scenarioKey: expect.stringMatching(/^[0-9A-F]{32}$/),
			destinations: [{ to: { phoneNumber: '41793026727' } }],
			whatsApp: { text: 'Hello' },
		});
		expect(receiver.calls).toHaveLength(1);
		expect(receiver.calls[0].headers.authorization).toBe(basic(creds().webhookUser, creds().webhookPassword));
		expect(JSON.parse(receiver.calls[0].body)).toEqual(body.payload);
		expect(body.answers).toEqual([expect.objectContaining({ status: 200, body: '{"messages":[]}' })]);
	});

	it('links images and documents to media it serves', async () => {
		const image = (await outbound({ kind: 'image' })).body.payload.whatsApp as { text: string; imageUrl: string };
		const document = (await outbound({ kind: 'document' })).body.payload.whatsApp as { text: string; fileUrl: string };
		expect(image).toEqual({ text: expect.any(String), imageUrl: `${base}/media/photo.svg` });
		expect(document).toEqual({ text: 'invoice.pdf', fileUrl: `${base}/media/invoice.pdf` });
		const media = await fetch(document.fileUrl);
		expect(media.headers.get('content-type')).toBe('application/pdf');
		expect(await media.text()).toMatch(/^%PDF-1\.4/);
	});

	it('resends the same payload when asked, and can send wrong or no credentials', async () => {
		await outbound({ kind: 'text', times: 3 });
		expect(new Set(receiver.calls.map((call) => call.body)).size).toBe(1);
		expect(receiver.calls).toHaveLength(3);
		await outbound({ kind: 'text', auth: 'none' });
		await outbound({ kind: 'text', auth: { user: 'ctlive', password: 'wrong' } });
		expect(receiver.calls[3].headers.authorization).toBeUndefined();
		expect(receiver.calls[4].headers.authorization).toBe(basic('ctlive', 'wrong'));
	});

	it('uses the configured number of destinations, and refuses bad control input', async () => {
		const sized = await startSimulator({ sizes: { ctliveDestinations: 3 } });
		try {
			const response = await postJson(`${sized.providers.ctlive.baseUrl}/simulate/outbound`, { url: `${receiver.url}/x`, kind: 'text' });
			const { payload } = (await response.json()) as { payload: { destinations: unknown[] } };
			expect(payload.destinations).toHaveLength(3);
		} finally {
			await sized.close();
		}
		expect((await outbound({ kind: 'video' })).status).toBe(400);
		expect((await outbound({ kind: 'text', times: 0 })).status).toBe(400);
	});

	it('answers 502 when the channel does not answer', async () => {
		const gone = await startReceiver();
		await gone.close();
		const response = await postJson(`${base}/simulate/outbound`, { url: gone.url, kind: 'text' });
		expect(response.status).toBe(502);
	});
});
