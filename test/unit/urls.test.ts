import { joinUrl } from '../../nodes/shared/urls';

describe('joinUrl', () => {
	test.each([
		['https://h.example', '/api/v1', 'https://h.example/api/v1'],
		['https://h.example/', 'api/v1', 'https://h.example/api/v1'],
		['https://h.example//', '//api/v1/', 'https://h.example/api/v1/'],
		['https://h.example/', '', 'https://h.example'],
		[undefined, '/x', '/x'],
	])('%s + %s = %s', (base, path, url) => expect(joinUrl(base, path)).toBe(url));
});
