/**
 * Imports go one way: credentials may use nodes/shared and their provider's nodes/<Provider>/endpoint.ts (where the
 * URL helpers both need live); nodes never import credentials.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function sources(folder: string): string[] {
	return fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(folder, file));
}

const importsOf = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);

test('no node file imports from credentials/', () => {
	const offenders = sources('nodes').flatMap((file) => importsOf(file).filter((source) => /(^|\/)credentials\//.test(source)).map((source) => `${file}: ${source}`));
	expect(offenders).toEqual([]);
});

test('credentials import from nodes/ only nodes/shared and a provider endpoint.ts', () => {
	const offenders = sources('credentials').flatMap((file) =>
		importsOf(file)
			.filter((source) => source.startsWith('../nodes/') && !/^\.\.\/nodes\/(shared\/[\w/]+|\w+\/endpoint)$/.test(source))
			.map((source) => `${file}: ${source}`),
	);
	expect(offenders).toEqual([]);
	expect(sources('credentials').length).toBeGreaterThan(5);
});
