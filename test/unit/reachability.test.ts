import { isLocalHost, unreachableReason, webhookRefusal } from '../../nodes/shared/trigger';

describe('isLocalHost', () => {
	test.each(['localhost', 'api.localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.1.1', '100.64.0.1', '::1', '[::1]', 'fd12:3456::1', 'n8n', 'printer.local', 'db.internal'])(
		'%s is local',
		(host) => expect(isLocalHost(host)).toBe(true),
	);
	test.each(['n8n.example.com', '8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '2001:4860::8888', '11.0.0.1'])('%s is public', (host) =>
		expect(isLocalHost(host)).toBe(false),
	);
});

describe('unreachableReason', () => {
	test('a public provider cannot call a local webhook URL', () => {
		expect(unreachableReason('http://localhost:5678/webhook/x', 'https://api.mehery.xyz/xms')).toMatch(/points at localhost/);
		expect(unreachableReason('http://192.168.0.5:5678/webhook/x', 'https://api.mehery.xyz')).toMatch(/points at 192\.168\.0\.5/);
	});
	test('plain http only matters when the provider needs https', () => {
		expect(unreachableReason('http://n8n.example.com/webhook/x', 'https://api.example.net', { requiresHttps: true })).toMatch(/plain http/);
		expect(unreachableReason('http://n8n.example.com/webhook/x', 'https://api.example.net')).toBeUndefined();
	});
	test('a local provider (simulator, on-premise) can call local URLs', () => {
		expect(unreachableReason('http://127.0.0.1:5678/webhook/x', 'http://127.0.0.1:4010/mehery', { requiresHttps: true })).toBeUndefined();
	});
	test('a public URL over https is fine', () => {
		expect(unreachableReason('https://n8n.example.com/webhook/x', 'https://api.example.net', { requiresHttps: true })).toBeUndefined();
	});
});

describe('webhookRefusal', () => {
	test('one sentence naming the provider and the reason, or nothing when the provider can call the URL', () => {
		expect(webhookRefusal('Mehery XMS', 'http://n8n.example.com/x', 'https://api.mehery.xyz/xms', { requiresHttps: true })).toBe(
			'Mehery XMS cannot call this webhook. The webhook URL http://n8n.example.com/x uses plain http, and the provider only calls https URLs.',
		);
		expect(webhookRefusal('Mehery XMS', 'http://n8n.example.com/x', 'http://10.0.0.5:8080/xms', { requiresHttps: true })).toBeUndefined();
	});
});
