import { startSimulator, type Simulator } from '..';
import { irisClient } from '../testing';

interface Session {
	requestId: string;
	requestedDate: string;
	channelName: string;
	chatStatus: string;
}
interface Message {
	id: string;
	customerNumber: string;
	direction: string;
	message: string;
	createdDate: string;
	messageType: number;
	messageId: string;
}

/** A simulator with a logged-in IrisEngage client and readers for its two data routes. */
async function openIris(options: Parameters<typeof startSimulator>[0] = {}) {
	const sim = await startSimulator(options);
	const client = irisClient(sim);
	const token = await client.login();
	const read = async <T>(path: string, body: unknown): Promise<{ status: number; message: T }> => {
		const response = await client.call(path, body, token);
		return { status: response.status, ...((await response.json()) as { message: T }) };
	};
	return {
		sim,
		client,
		token,
		sessions: async (MobileNo: unknown, SessionCount: unknown = 100) =>
			await read<Session[]>('/EngageAPIRequestDetails', { MobileNo, SessionCount }),
		content: async (RequestId: unknown) => await read<Message[]>('/GetContent', { RequestId }),
	};
}

type Iris = Awaited<ReturnType<typeof openIris>>;
const opened: Simulator[] = [];
async function open(options?: Parameters<typeof startSimulator>[0]): Promise<Iris> {
	const iris = await openIris(options);
	opened.push(iris.sim);
	return iris;
}
afterAll(async () => await Promise.all(opened.map((sim) => sim.close())));

const SAMPLE_ID = 'CDC079CC-C7FC-46CC-AECA-FD81D83A82B8';
const US_DATE = /^\d{2}-\d{2}-\d{4} (0[1-9]|1[0-2]):\d{2}:\d{2} [AP]M$/;
const ISO_DATE_12H = /^\d{4}-\d{2}-\d{2} (0[1-9]|1[0-2]):\d{2}:\d{2} [AP]M$/;
/** 'MM-DD-YYYY hh:mm:ss AM' as epoch ms (UTC, like the simulator's clock). */
function parseRequestedDate(value: string): number {
	const [, month, day, year, hour, minute, second, half] =
		/^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) (AM|PM)$/.exec(value)!;
	return Date.UTC(
		+year,
		+month - 1,
		+day,
		(+hour % 12) + (half === 'PM' ? 12 : 0),
		+minute,
		+second,
	);
}
const UPPER_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

let iris: Iris;
beforeAll(async () => {
	iris = await open({ seed: 1 });
});

describe('the spec sample (mobile number 971569113820)', () => {
	it('lists the documented session as the newest', async () => {
		expect(await iris.sessions('971569113820', 1)).toEqual({
			status: 200,
			message: [
				{
					requestId: SAMPLE_ID,
					requestedDate: '08-15-2023 07:39:17 PM',
					channelName: 'WhatsApp',
					chatStatus: 'Cleared',
				},
			],
		});
	});

	it('returns the 11 documented messages', async () => {
		const { message } = await iris.content(SAMPLE_ID);

		expect(message).toHaveLength(11);
		expect(message[0]).toEqual({
			id: 'cdc079cc-c7fc-46cc-aeca-fd81d83a82b8',
			customerNumber: '971569113820',
			customerName: 'Ganga Shyam',
			customerEmail: null,
			channelId: '1',
			botId: '7f59ef1d-4386-4b36-914e-fad77b8deb6f',
			messageId: '85a7339d-3e6f-4b22-b2e4-f8fa09bc3379',
			direction: 'Inbound',
			message: '<Text>Hi</Text>',
			createdDate: '2023-08-15 07:39:17 PM',
			messageType: 0,
			channel: 'WhatsApp',
			handledBy: 'BOT',
			userName: '',
		});
		expect(message.map((m) => m.messageType)).toEqual([0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0]);
		expect(message[2].message).toMatch(
			/^<Text>\\nI can help you with the following services\\n\\n1\. Membership/,
		);
		expect(message[10]).toMatchObject({
			messageId: '79193609-0f8e-4960-8423-f36b2b7cb82a',
			createdDate: '2023-08-15 07:39:52 PM',
		});
	});

	it('has older generated sessions behind the documented one', async () => {
		const { message } = await iris.sessions('971569113820');
		const times = message.map((session) => parseRequestedDate(session.requestedDate));
		expect(message.length).toBeGreaterThanOrEqual(3);
		expect(times.slice(1).every((time) => time < times[0])).toBe(true);
	});
});

describe('EngageAPIRequestDetails', () => {
	it('lists 3 to 8 sessions per number, newest first, in the documented shape', async () => {
		const { message } = await iris.sessions('447700900123');
		const times = message.map((session) => parseRequestedDate(session.requestedDate));

		expect(message.length).toBeGreaterThanOrEqual(3);
		expect(message.length).toBeLessThanOrEqual(8);
		for (const session of message) {
			expect(session).toEqual({
				requestId: expect.stringMatching(UPPER_GUID),
				requestedDate: expect.stringMatching(US_DATE),
				channelName: 'WhatsApp',
				chatStatus: expect.stringMatching(/^(Active|Cleared|Closed)$/),
			});
		}
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('returns at most SessionCount sessions', async () => {
		expect((await iris.sessions('447700900123', 2)).message).toHaveLength(2);
	});

	it('has no sessions for numbers starting with 000', async () => {
		expect(await iris.sessions('000123456', 5)).toEqual({ status: 200, message: [] });
	});

	it('strict (the default): refuses property names in another case than the spec writes them', async () => {
		const response = await iris.client.call('/EngageAPIRequestDetails', { mobileNo: '971569113820', sessionCount: 1 }, iris.token);
		expect(response.status).toBe(400);
	});

	it('lenient: matches property names case-insensitively, as ASP.NET does', async () => {
		const lenient = await openIris({ strict: false });
		opened.push(lenient.sim);
		const response = await lenient.client.call('/EngageAPIRequestDetails', { mobileNo: '971569113820', sessionCount: 1 }, lenient.token);
		expect(((await response.json()) as { message: Session[] }).message[0].requestId).toBe(SAMPLE_ID);
	});

	it.each([
		['a number with a plus sign', '+971569113820', 1],
		['a numeric MobileNo', 971569113820, 1],
		['a missing MobileNo', undefined, 1],
		['SessionCount 0', '971569113820', 0],
		['a string SessionCount', '971569113820', '1'],
	])('refuses %s with 400 { message }', async (_, mobileNo, sessionCount) => {
		expect(await iris.sessions(mobileNo, sessionCount)).toEqual({
			status: 400,
			message: expect.any(String),
		});
	});
});

describe('GetContent', () => {
	it('regenerates any listed session from its id alone', async () => {
		const [newest, older] = (await iris.sessions('447700900123')).message;
		const { message } = await iris.content(older.requestId);

		expect(message.length).toBeGreaterThanOrEqual(5);
		expect(message.length).toBeLessThanOrEqual(12);
		for (const item of message) {
			expect(item).toMatchObject({
				id: older.requestId.toLowerCase(),
				customerNumber: '447700900123',
				createdDate: expect.stringMatching(ISO_DATE_12H),
			});
		}
		expect(message[0].direction).toBe('Inbound');
		expect(message.map((m) => m.createdDate)).toEqual(
			[...message.map((m) => m.createdDate)].sort(),
		);
		expect((await iris.content(newest.requestId)).message[0].messageId).not.toBe(
			message[0].messageId,
		);
	});

	it('starts a session at its requestedDate', async () => {
		const [session] = (await iris.sessions('447700900123')).message;
		const [month, day, rest] = session.requestedDate.split('-');
		const [year, time] = [rest.slice(0, 4), rest.slice(5)];
		expect((await iris.content(session.requestId)).message[0].createdDate).toBe(
			`${year}-${month}-${day} ${time}`,
		);
	});

	it('mixes text with \\n escapes, buttons and images in the markup', async () => {
		const numbers = ['447700900001', '447700900002', '447700900003', '447700900004'];
		const markup: string[] = [];
		for (const number of numbers) {
			for (const session of (await iris.sessions(number)).message) {
				markup.push(
					...(await iris.content(session.requestId)).message.map(
						(m) => `${m.messageType} ${m.message}`,
					),
				);
			}
		}
		expect(markup.some((m) => /^0 <Text>.*\\n.*<\/Text>$/.test(m))).toBe(true);
		expect(
			markup.some((m) =>
				/^6 <Button><Caption>[^<]+<\/Caption><Items>(<Item>[^<]+<\/Item>)+<\/Items><\/Button>$/.test(
					m,
				),
			),
		).toBe(true);
		expect(
			markup.some((m) =>
				/^1 <Image><Url>https:\/\/cdn\.example\.com\/[^<]+\.jpg<\/Url><Caption>[^<]+<\/Caption><\/Image>$/.test(
					m,
				),
			),
		).toBe(true);
		expect(markup.every((m) => !m.includes('\n'))).toBe(true); // line breaks are escaped, never real
	});

	it('returns [] for ids it never issued', async () => {
		expect(await iris.content('11111111-2222-4333-8444-555555555555')).toEqual({
			status: 200,
			message: [],
		});
		expect(await iris.content('not a guid')).toEqual({ status: 200, message: [] });
	});

	it('refuses a missing RequestId with 400 { message }', async () => {
		expect(await iris.content(undefined)).toEqual({ status: 400, message: expect.any(String) });
	});
});

describe('seeded data', () => {
	it('is the same for the same seed, and differs for another', async () => {
		const again = await open({ seed: 1 });
		const other = await open({ seed: 2 });
		const sessions = (await iris.sessions('447700900123')).message;

		expect((await again.sessions('447700900123')).message).toEqual(sessions);
		expect((await again.content(sessions[0].requestId)).message).toEqual(
			(await iris.content(sessions[0].requestId)).message,
		);
		expect((await other.sessions('447700900123')).message).not.toEqual(sessions);
		expect((await other.content(sessions[0].requestId)).message).toEqual([]);
	});

	it('honours the configured sizes', async () => {
		const sized = await open({
			sizes: { irisConversationsPerNumber: 20, irisMessagesPerConversation: 40 },
		});
		const sessions = (await sized.sessions('447700900123')).message;
		expect(sessions).toHaveLength(20);
		expect((await sized.content(sessions[19].requestId)).message).toHaveLength(40);
	});
});
