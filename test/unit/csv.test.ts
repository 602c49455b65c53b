import { Readable } from 'node:stream';

import { CsvParser, csvObjects, csvRecords } from '../../nodes/shared/csv';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const value of source) out.push(value);
	return out;
}

/** The text cut into chunks of `size` bytes, so every split point (inside quotes, CRLF, characters) is hit. */
const chunked = (text: string, size: number) => {
	const bytes = Buffer.from(text, 'utf8');
	const chunks: Buffer[] = [];
	for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
	return Readable.from(chunks);
};

const TRICKY = '\uFEFF"origin","session_created_at"\r\n"5511,9","2024-06-03 09:00:00"\r\n"say ""hi""","line\r\nbreak"\r\n\r\nplain,São Paulo\nlast,no newline';
const TRICKY_RECORDS = [
	['origin', 'session_created_at'],
	['5511,9', '2024-06-03 09:00:00'],
	['say "hi"', 'line\r\nbreak'],
	['plain', 'São Paulo'],
	['last', 'no newline'],
];

describe('csvRecords', () => {
	it.each([1, 2, 3, 7, 64, 4096])('reads BOM, quotes, escaped quotes, CRLF in quotes, blank lines and a missing final newline in chunks of %i bytes', async (size) => {
		expect(await collect(csvRecords(chunked(TRICKY, size)))).toEqual(TRICKY_RECORDS);
	});

	it('treats CR, LF and CRLF alike, also when a CRLF is split between chunks', () => {
		const parser = new CsvParser();
		expect(parser.push('a,b\r')).toEqual([['a', 'b']]);
		expect(parser.push('\nc,d\re,f\n')).toEqual([['c', 'd'], ['e', 'f']]);
		expect(parser.end()).toEqual([]);
	});

	it('keeps empty fields, and an empty quoted field is a record', () => {
		const parser = new CsvParser();
		expect(parser.push(',\n""\n,x,\n')).toEqual([['', ''], [''], ['', 'x', '']]);
	});

	it('refuses a quote inside an unquoted field, text after a closing quote, and an unclosed quote, naming the line', () => {
		expect(() => new CsvParser().push('a,b\nc"d,e\n')).toThrow('CSV line 2: a quote inside an unquoted field');
		expect(() => new CsvParser().push('"a"b,c\n')).toThrow('CSV line 1: unexpected "b" after a closing quote');
		const parser = new CsvParser();
		parser.push('x\n"never closed');
		expect(() => parser.end()).toThrow('CSV line 2: a quoted field is not closed');
	});

	it('a BOM only counts at the very start', async () => {
		expect(await collect(csvRecords(Readable.from(['a\n\uFEFFb\n'])))).toEqual([['a'], ['\uFEFFb']]);
	});
});

describe('csvObjects', () => {
	it('keys rows by the trimmed header, and a header-only or empty file gives nothing', async () => {
		expect(await collect(csvObjects(Readable.from(['"origin", session_created_at\r\n1,2\r\n3\r\n'])))).toEqual([
			{ origin: '1', session_created_at: '2' },
			{ origin: '3', session_created_at: undefined },
		]);
		expect(await collect(csvObjects(Readable.from(['\uFEFForigin,session_created_at\r\n'])))).toEqual([]);
		expect(await collect(csvObjects(Readable.from([])))).toEqual([]);
	});

	it('hands the header to onHeader before any row, in a header-only file too, and stops when it throws', async () => {
		const seen: string[][] = [];
		await collect(csvObjects(Readable.from(['\uFEFF a , b\r\n']), ',', (names) => void seen.push(names)));
		expect(seen).toEqual([['a', 'b']]);
		const refuse = () => {
			throw new Error('no column c');
		};
		await expect(collect(csvObjects(Readable.from(['a,b\n1,2\n']), ',', refuse))).rejects.toThrow('no column c');
	});
});
