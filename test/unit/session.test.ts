import { sharedLogin } from '../../nodes/shared/session';

/** A login that counts its calls and hands out token-1, token-2, … once released. */
function provider() {
	let logins = 0;
	const waiting: Array<() => void> = [];
	return {
		get logins() {
			return logins;
		},
		login: async () => {
			const token = `token-${++logins}`;
			await new Promise<void>((resolve) => waiting.push(resolve));
			return { sessionToken: token };
		},
		release: () => waiting.splice(0).forEach((resolve) => resolve()),
	};
}

let accounts = 0;
/** Every test its own account, as the memory is per account. */
const account = () => ['https://engage.example.com/api/Users/authenticate', `user-${++accounts}`, 'secret'];

test('requests refused together share one login', async () => {
	const server = provider();
	const id = account();
	const renewals = Array.from({ length: 5 }, async () => await sharedLogin(id, 'expired', 'sessionToken', server.login));
	await new Promise((resolve) => setImmediate(resolve));
	server.release();
	expect(await Promise.all(renewals)).toEqual(Array(5).fill({ sessionToken: 'token-1' }));
	expect(server.logins).toBe(1);
});

test('a request refused with an older token than one just fetched takes that one; the newest refused logs in', async () => {
	const server = provider();
	const id = account();
	const first = sharedLogin(id, 'expired', 'sessionToken', server.login);
	server.release();
	expect(await first).toEqual({ sessionToken: 'token-1' });
	// A straggler of the same burst, refused with the old token after the login finished.
	const straggler = sharedLogin(id, 'expired', 'sessionToken', server.login);
	server.release(); // (had it logged in, it would not hang)
	expect(await straggler).toEqual({ sessionToken: 'token-1' });
	expect(server.logins).toBe(1);
	// The new token itself refused: a new session is needed.
	const again = sharedLogin(id, 'token-1', 'sessionToken', server.login);
	server.release();
	expect(await again).toEqual({ sessionToken: 'token-2' });
});

test('only for a short while: later, a refused token means a new login', async () => {
	const server = provider();
	const id = account();
	let now = 1_000_000;
	const first = sharedLogin(id, 'expired', 'sessionToken', server.login, () => now);
	server.release();
	await first;
	now += 31_000;
	const later = sharedLogin(id, 'older', 'sessionToken', server.login, () => now);
	server.release();
	expect(await later).toEqual({ sessionToken: 'token-2' });
});

test('a first login (no token yet) is never served from a finished one, and accounts are apart', async () => {
	const server = provider();
	const id = account();
	const first = sharedLogin(id, '', 'sessionToken', server.login);
	server.release();
	await first;
	const second = sharedLogin(id, '', 'sessionToken', server.login);
	const other = sharedLogin(account(), 'expired', 'sessionToken', server.login);
	server.release();
	expect(await Promise.all([second, other])).toEqual([{ sessionToken: 'token-2' }, { sessionToken: 'token-3' }]);
});

test('a failed login fails every request waiting for it, and is not remembered', async () => {
	const id = account();
	let calls = 0;
	const refusing = async () => {
		calls++;
		await new Promise((resolve) => setImmediate(resolve));
		throw new Error('IrisEngage login failed: Username or password is incorrect (HTTP 400)');
	};
	const both = [sharedLogin(id, 'expired', 'sessionToken', refusing), sharedLogin(id, 'expired', 'sessionToken', refusing)];
	for (const attempt of both) await expect(attempt).rejects.toThrow('Username or password is incorrect');
	await expect(sharedLogin(id, 'expired', 'sessionToken', refusing)).rejects.toThrow();
	expect(calls).toBe(2);
});
