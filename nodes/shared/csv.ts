/**
 * A streaming CSV reader (RFC 4180 plus what real exports add), for providers that hand out files (Wavy's open
 * sessions). Feed it chunks as they arrive and take the finished records: the file is never held whole, so a
 * 100,000-row export costs the memory of its rows, not of its text as well.
 *
 * Handles: a UTF-8 BOM, CRLF / LF / CR line ends (mixed too), quoted fields with `""` escapes, commas and line
 * breaks inside quotes, multi-byte characters split across chunks, blank lines (skipped), no final newline.
 * Usage: `for await (const record of csvRecords(stream)) ...`, or `new CsvParser()` with `push()` / `end()`.
 */
export class CsvParser {
	private field = '';
	private record: string[] = [];
	private quoted = false;
	/** After a closing quote: only a delimiter, a line end or another quote (an escaped one) may follow. */
	private afterQuote = false;
	/** A CR ended the last record; a LF right after it belongs to the same line end. */
	private pendingCr = false;
	private started = false;
	private line = 1;

	constructor(private readonly delimiter = ',') {}

	/** Parses a chunk of text; returns the records it completed. */
	push(chunk: string): string[][] {
		const done: string[][] = [];
		let text = chunk;
		if (!this.started && text.length > 0) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		for (let index = 0; index < text.length; index++) {
			const char = text[index];
			if (this.pendingCr) {
				this.pendingCr = false;
				if (char === '\n') continue;
			}
			if (this.quoted) {
				if (char === '"') {
					this.quoted = false;
					this.afterQuote = true;
				} else {
					if (char === '\n') this.line++;
					this.field += char;
				}
				continue;
			}
			if (char === '"') {
				if (this.afterQuote) {
					this.field += '"';
					this.quoted = true;
					this.afterQuote = false;
				} else if (this.field === '') {
					this.quoted = true;
				} else {
					throw new Error(`CSV line ${this.line}: a quote inside an unquoted field (quote the whole field and double the quote)`);
				}
			} else if (char === this.delimiter) {
				this.endField();
			} else if (char === '\r' || char === '\n') {
				this.endRecord(done);
				this.pendingCr = char === '\r';
				this.line++;
			} else if (this.afterQuote) {
				throw new Error(`CSV line ${this.line}: unexpected "${char}" after a closing quote`);
			} else {
				this.field += char;
			}
		}
		return done;
	}

	/** The last record when the text did not end with a line break; throws on an unclosed quote. */
	end(): string[][] {
		if (this.quoted) throw new Error(`CSV line ${this.line}: a quoted field is not closed before the end of the file`);
		const done: string[][] = [];
		this.endRecord(done);
		return done;
	}

	private endField(): void {
		this.record.push(this.field);
		this.field = '';
		this.afterQuote = false;
	}

	private endRecord(done: string[][]): void {
		const blank = this.record.length === 0 && this.field === '' && !this.afterQuote;
		if (!blank) {
			this.endField();
			done.push(this.record);
		}
		this.record = [];
		this.field = '';
		this.afterQuote = false;
	}
}

/** Records of a byte or text stream, decoded as UTF-8; chunks may split characters anywhere. */
export async function* csvRecords(source: AsyncIterable<Buffer | string>, delimiter = ','): AsyncGenerator<string[]> {
	const parser = new CsvParser(delimiter);
	// ignoreBOM keeps a leading BOM in the text, so text and byte sources reach the parser alike.
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	for await (const chunk of source) {
		yield* parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
	}
	yield* parser.push(decoder.decode());
	yield* parser.end();
}

/**
 * Records as objects keyed by the header line's names (trimmed). A file with only a header gives nothing; a
 * row with fewer fields leaves the missing names undefined, extra fields are ignored. `onHeader` sees the names
 * before any row (also in a header-only file) and may throw to refuse them.
 */
export async function* csvObjects(
	source: AsyncIterable<Buffer | string>,
	delimiter = ',',
	onHeader?: (names: string[]) => void,
): AsyncGenerator<Record<string, string | undefined>> {
	let header: string[] | undefined;
	for await (const record of csvRecords(source, delimiter)) {
		if (header === undefined) {
			header = record.map((name) => name.trim());
			onHeader?.(header);
			continue;
		}
		const row: Record<string, string | undefined> = {};
		header.forEach((name, position) => (row[name] = record[position]));
		yield row;
	}
}
