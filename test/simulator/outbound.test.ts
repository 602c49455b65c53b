import { startSimulator, WebhookCallError, type Simulator } from '.';
import { startReceiver } from './testing';

let sim: Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	sim = await startSimulator();
	receiver = await startReceiver();
});
afterEach(() => {
	sim.reset();
	receiver.calls.length = 0;
});
afterAll(async () => {
	await sim.close();
	await receiver.close();
});

describe('sendWebhook', () => {
	it('POSTs JSON and resolves with the status, body and headers of the answer', async () => {
		const result = await sim.sendWebhook(`${receiver.url}/webhook/abc?x=1`, {
			body: { event: 'message', text: 'hi' },
			headers: { 'X-Event': 'message' },
			provider: 'irisengage',
		});

		expect(result).toEqual({
			status: 200,
			body: '{"received":true}',
			headers: expect.objectContaining({ 'content-type': 'application/json' }),
		});
		expect(receiver.calls).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/webhook/abc?x=1',
				body: '{"event":"message","text":"hi"}',
				headers: expect.objectContaining({
					'content-type': 'application/json',
					'x-event': 'message',
				}),
			}),
		]);
	});

	it('sends strings as text/plain, PUT when asked, and lets headers override the content type', async () => {
		await sim.sendWebhook(receiver.url, { body: 'plain', method: 'PUT' });
		await sim.sendWebhook(receiver.url, {
			body: '<x/>',
			headers: { 'Content-Type': 'application/xml' },
		});

		expect(receiver.calls.map((call) => [call.method, call.headers['content-type'], call.body])).toEqual([
			['PUT', 'text/plain; charset=utf-8', 'plain'],
			['POST', 'application/xml', '<x/>'],
		]);
	});

	it('resolves on error statuses: only a missing answer rejects', async () => {
		const failing = await startReceiver({ status: 500, body: 'boom' });
		try {
			expect(await sim.sendWebhook(failing.url, { body: {} })).toMatchObject({ status: 500, body: 'boom' });
		} finally {
			await failing.close();
		}
	});

	it('refuses URLs that are not http:// on 127.0.0.1 or localhost, without calling or logging', async () => {
		for (const url of [
			'https://127.0.0.1/x',
			'http://example.com/x',
			'http://10.0.0.1/x',
			'http://127.0.0.1@example.com/x',
			'not a url',
		]) {
			await expect(sim.sendWebhook(url, { body: {} })).rejects.toThrow(
				/127\.0\.0\.1 or localhost|not a valid URL/,
			);
		}
		expect(sim.outbound).toEqual([]);
	});

	it('rejects with WebhookCallError when nobody listens, and logs the error', async () => {
		const gone = await startReceiver();
		await gone.close();

		await expect(sim.sendWebhook(gone.url, { body: {} })).rejects.toThrow(WebhookCallError);
		expect(sim.outbound[0]).toMatchObject({
			url: gone.url,
			status: 0,
			error: expect.stringContaining('ECONNREFUSED'),
		});
	});

	it('gives up after timeoutMs', async () => {
		const silent = await startReceiver('hang');
		try {
			const started = Date.now();
			await expect(sim.sendWebhook(silent.url, { body: {}, timeoutMs: 100 })).rejects.toThrow(
				'timed out after 100 ms',
			);
			expect(Date.now() - started).toBeLessThan(1000);
			expect(sim.outbound[0]).toMatchObject({ status: 0, error: 'timed out after 100 ms' });
		} finally {
			await silent.close();
		}
	});

	it('fails calls in flight when the simulator closes, promptly', async () => {
		const silent = await startReceiver('hang');
		const other = await startSimulator();
		const pending = other.sendWebhook(silent.url, { body: {} }); // default timeout: 10 s
		await new Promise((resolve) => setTimeout(resolve, 50));

		const started = Date.now();
		await other.close();
		await expect(pending).rejects.toThrow('the simulator closed');
		expect(Date.now() - started).toBeLessThan(1000);
		await silent.close();
	});
});

describe('outbound log', () => {
	it('records every call with credentials redacted, and clears in place', async () => {
		const held = sim.outbound;
		await sim.sendWebhook(receiver.url, {
			body: { text: 'hi', secret: 's3cr3t' },
			headers: { authorization: 'Bearer t0k3n', 'x-webhook-secret': 'w3bh00k' },
			provider: 'mehery',
		});

		expect(sim.outbound).toEqual([
			{
				provider: 'mehery',
				url: receiver.url,
				method: 'POST',
				headers: expect.objectContaining({
					authorization: '[redacted]',
					'x-webhook-secret': '[redacted]',
					'content-type': 'application/json',
				}),
				body: { text: 'hi', secret: '[redacted]' },
				status: 200,
				at: expect.any(Number),
			},
		]);
		expect(JSON.stringify(sim.outbound)).not.toMatch(/s3cr3t|t0k3n|w3bh00k/);
		expect(receiver.calls[0].headers.authorization).toBe('Bearer t0k3n'); // only the log is redacted

		sim.clearOutbound();
		expect(held).toBe(sim.outbound);
		expect(held).toEqual([]);
	});

	it('is not part of the inbound log, and reset() clears it', async () => {
		await sim.sendWebhook(receiver.url, { body: {} });
		expect(sim.log).toEqual([]);
		sim.reset();
		expect(sim.outbound).toEqual([]);
	});
});

describe('webhook registry', () => {
	it('registers, lists without secrets, and unregisters per provider', () => {
		const first = sim.webhooks.register('mehery', {
			url: `${receiver.url}/a`,
			events: ['message'],
			secret: 'shh',
		});
		const second = sim.webhooks.register('wavy', { url: `${receiver.url}/b` });

		const createdAt = expect.any(Number);
		expect(sim.webhooks.list()).toEqual([
			{ id: first, provider: 'mehery', url: `${receiver.url}/a`, events: ['message'], createdAt },
			{ id: second, provider: 'wavy', url: `${receiver.url}/b`, events: ['*'], createdAt },
		]);
		expect(JSON.stringify(sim.webhooks.list())).not.toContain('shh');
		expect(sim.webhooks.list('wavy').map((entry) => entry.id)).toEqual([second]);

		expect(sim.webhooks.unregister('wavy', first)).toBe(false); // another provider's id
		expect(sim.webhooks.unregister('mehery', first)).toBe(true);
		expect(sim.webhooks.list().map((entry) => entry.id)).toEqual([second]);
	});

	it('refuses URLs sendWebhook could not call, and bad events', () => {
		expect(() => sim.webhooks.register('mehery', { url: 'https://example.com/hook' })).toThrow(TypeError);
		expect(() => sim.webhooks.register('mehery', { url: receiver.url, events: [''] })).toThrow(TypeError);
	});

	it('is emptied by reset(), which restarts the ids', () => {
		const id = sim.webhooks.register('ctlive', { url: receiver.url });
		sim.reset();
		expect(sim.webhooks.list()).toEqual([]);
		expect(sim.webhooks.register('ctlive', { url: receiver.url })).toBe(id);
	});
});
