import { IRIS_SAMPLE_MOBILE_NO, IRIS_SAMPLE_SESSION, startSimulator, type Simulator } from '..';
import { irisClient } from '../testing';

interface FeedItem {
	title: string;
	link: string;
	guid: string;
	pubDate: string;
}

/** Just enough RSS reading for these tests: the simulator writes one element per tag, unnested. */
function items(xml: string): FeedItem[] {
	const tag = (block: string, name: string) =>
		new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(block)?.[1] ?? '';
	return [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map(([, block]) => ({
		title: tag(block, 'title'),
		link: tag(block, 'link'),
		guid: tag(block, 'guid'),
		pubDate: tag(block, 'pubDate'),
	}));
}

const opened: Simulator[] = [];
async function open(options?: Parameters<typeof startSimulator>[0]) {
	const sim = await startSimulator(options);
	opened.push(sim);
	const feed = async (mobileNo: string) => await fetch(`${sim.url}/feeds/irisengage/${mobileNo}.rss`);
	return { sim, feed };
}
afterAll(async () => await Promise.all(opened.map((sim) => sim.close())));

describe('IrisEngage RSS feed', () => {
	it('serves RSS 2.0 without auth, newest conversation first', async () => {
		const { feed } = await open();
		const response = await feed(IRIS_SAMPLE_MOBILE_NO);
		const xml = await response.text();

		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"><channel>/);
		expect(items(xml)[0]).toEqual({
			title: `WhatsApp conversation ${IRIS_SAMPLE_SESSION.requestId}`,
			link: `urn:irisengage:${IRIS_SAMPLE_SESSION.requestId}`,
			guid: IRIS_SAMPLE_SESSION.requestId,
			pubDate: 'Tue, 15 Aug 2023 19:39:17 GMT',
		});
		expect(xml).toContain('<lastBuildDate>Tue, 15 Aug 2023 19:39:17 GMT</lastBuildDate>');
	});

	it('lists the conversations EngageAPIRequestDetails returns for the number', async () => {
		const { sim, feed } = await open({ seed: 7 });
		const iris = irisClient(sim);
		const token = await iris.login();
		for (const mobileNo of [IRIS_SAMPLE_MOBILE_NO, '447700900123']) {
			const query = { MobileNo: mobileNo, SessionCount: 100 };
			const response = await iris.call('/EngageAPIRequestDetails', query, token);
			const { message: sessions } = (await response.json()) as { message: Array<{ requestId: string }> };
			const listed = items(await (await feed(mobileNo)).text());

			expect(listed.map((item) => item.guid)).toEqual(sessions.map((session) => session.requestId));
			const dates = listed.map((item) => Date.parse(item.pubDate));
			expect(dates).toEqual([...dates].sort((a, b) => b - a));
		}
	});

	it('follows the configured sizes, and is empty for numbers without conversations', async () => {
		const { feed } = await open({ sizes: { irisConversationsPerNumber: 2 } });
		expect(items(await (await feed('447700900123')).text())).toHaveLength(2);

		const empty = await (await feed('000123')).text();
		expect(items(empty)).toEqual([]);
		expect(empty).toContain('<title>IrisEngage conversations of 000123</title>');
	});

	it('refuses what is not a mobile number, and needs the .rss suffix', async () => {
		const { sim, feed } = await open();
		expect((await feed('12ab')).status).toBe(400);
		expect((await fetch(`${sim.url}/feeds/irisengage/971569113820`)).status).toBe(404);
		expect((await fetch(`${sim.url}/feeds/irisengage/.rss`)).status).toBe(404);
	});

	it('is logged like any provider route', async () => {
		const { sim, feed } = await open();
		await feed('447700900123');
		expect(sim.log[0]).toMatchObject({
			provider: 'feeds',
			route: 'GET /irisengage/:mobileNo.rss',
			status: 200,
		});
	});
});
