/**
 * Credentials hold a base URL and a path the user may type with or without slashes; every provider joins them the
 * same way, so a stray slash on either side never yields `//` or a missing separator.
 */
export function joinUrl(base: unknown, path: unknown): string {
	const root = String(base ?? '').replace(/\/+$/, '');
	const rest = String(path ?? '').replace(/^\/+/, '');
	return rest ? `${root}/${rest}` : root;
}
