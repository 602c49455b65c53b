import { checkBasicAuth, checkBearerOrToken, parseBasicAuth, safeEqual } from '../../nodes/shared/webhookAuth';

const basic = (value: string) => `Basic ${Buffer.from(value, 'utf8').toString('base64')}`;

describe('safeEqual', () => {
	it('matches equal strings, including unicode', () => {
		expect(safeEqual('s3cr3t', 's3cr3t')).toBe(true);
		expect(safeEqual('pässwörd✓', 'pässwörd✓')).toBe(true);
	});

	it('rejects different strings of equal and of different length', () => {
		expect(safeEqual('s3cr3t', 's3cr3T')).toBe(false);
		expect(safeEqual('s3cr3t', 's3cr3t-longer')).toBe(false);
		expect(safeEqual('', 's3cr3t')).toBe(false);
	});

	it('never matches an empty expected secret', () => {
		expect(safeEqual('', '')).toBe(false);
		expect(safeEqual('anything', '')).toBe(false);
	});

	it('rejects non-string input without throwing', () => {
		expect(safeEqual(undefined as unknown as string, 'x')).toBe(false);
		expect(safeEqual('x', null as unknown as string)).toBe(false);
	});
});

describe('checkBearerOrToken', () => {
	it('accepts a Bearer header in any case and the raw token', () => {
		expect(checkBearerOrToken('Bearer tok-123', 'tok-123')).toBe(true);
		expect(checkBearerOrToken('bearer   tok-123 ', 'tok-123')).toBe(true);
		expect(checkBearerOrToken('tok-123', 'tok-123')).toBe(true);
		expect(checkBearerOrToken('tok-123', ' tok-123\n')).toBe(true); // pasted secret with whitespace
	});

	it('rejects a wrong, missing or empty token', () => {
		expect(checkBearerOrToken('Bearer tok-124', 'tok-123')).toBe(false);
		expect(checkBearerOrToken('Basic tok-123', 'tok-123')).toBe(false);
		expect(checkBearerOrToken(undefined, 'tok-123')).toBe(false);
		expect(checkBearerOrToken('', 'tok-123')).toBe(false);
		expect(checkBearerOrToken('Bearer ', 'tok-123')).toBe(false);
	});

	it('never matches when the expected token is empty', () => {
		expect(checkBearerOrToken('', '')).toBe(false);
		expect(checkBearerOrToken('Bearer ', '')).toBe(false);
		expect(checkBearerOrToken('   ', '  ')).toBe(false);
	});
});

describe('parseBasicAuth', () => {
	it('decodes user and password, splitting at the first colon', () => {
		expect(parseBasicAuth(basic('ctlive:pa:ss'))).toEqual({ user: 'ctlive', password: 'pa:ss' });
		expect(parseBasicAuth(`basic ${Buffer.from('u:').toString('base64')}`)).toEqual({ user: 'u', password: '' });
		expect(parseBasicAuth(basic('ünï:cödé'))).toEqual({ user: 'ünï', password: 'cödé' });
	});

	it('returns undefined for missing or malformed headers', () => {
		expect(parseBasicAuth(undefined)).toBeUndefined();
		expect(parseBasicAuth('')).toBeUndefined();
		expect(parseBasicAuth('Bearer abc')).toBeUndefined();
		expect(parseBasicAuth('Basic')).toBeUndefined();
		expect(parseBasicAuth('Basic !!!notbase64')).toBeUndefined();
		expect(parseBasicAuth(basic('no-colon'))).toBeUndefined();
	});
});

describe('checkBasicAuth', () => {
	const expected = { user: 'ctlive', password: 'hunter2' };

	it('accepts exactly the expected credentials', () => {
		expect(checkBasicAuth(basic('ctlive:hunter2'), expected)).toBe(true);
	});

	it('rejects a wrong user, wrong password or missing header', () => {
		expect(checkBasicAuth(basic('ctlive:hunter3'), expected)).toBe(false);
		expect(checkBasicAuth(basic('other:hunter2'), expected)).toBe(false);
		expect(checkBasicAuth(undefined, expected)).toBe(false);
		expect(checkBasicAuth('Basic ###', expected)).toBe(false);
	});

	it('never matches an empty expected password', () => {
		expect(checkBasicAuth(basic('ctlive:'), { user: 'ctlive', password: '' })).toBe(false);
		expect(checkBasicAuth(basic(':'), { user: '', password: '' })).toBe(false);
	});

	it('supports an empty expected user only when the sent user is empty too', () => {
		expect(checkBasicAuth(basic(':hunter2'), { user: '', password: 'hunter2' })).toBe(true);
		expect(checkBasicAuth(basic('x:hunter2'), { user: '', password: 'hunter2' })).toBe(false);
	});
});
