import { EPOCH_MS_FORMAT, ISO_FORMAT, isoUtc, isValidTimeZone, parseProviderDate as parseWith } from '../../nodes/shared/dates';

/** US month-first formats, as IrisEngage writes them, plus ISO and epoch milliseconds. */
const US_FORMATS = [ISO_FORMAT, EPOCH_MS_FORMAT, 'MM-DD-YYYY hh:mm:ss A', 'YYYY-MM-DD hh:mm:ss A'];
const parseProviderDate = (value: string | number, formats: readonly string[] = US_FORMATS, timeZone?: string) =>
	parseWith(value, formats, timeZone);

describe('parseProviderDate', () => {
	describe('IrisEngage formats', () => {
		it('parses MM-DD-YYYY hh:mm:ss AM/PM (conversation list)', () => {
			expect(parseProviderDate('08-15-2023 07:39:17 PM')).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('08-15-2023 07:39:17 AM')).toBe('2023-08-15T07:39:17.000Z');
		});

		it('parses YYYY-MM-DD hh:mm:ss AM/PM (chat history)', () => {
			expect(parseProviderDate('2023-08-15 07:39:17 PM')).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('2023-08-15 07:39:52 pm')).toBe('2023-08-15T19:39:52.000Z');
		});

		it('maps 12 AM to 00 and 12 PM to 12', () => {
			expect(parseProviderDate('2023-08-15 12:00:00 AM')).toBe('2023-08-15T00:00:00.000Z');
			expect(parseProviderDate('2023-08-15 12:30:05 PM')).toBe('2023-08-15T12:30:05.000Z');
			expect(parseProviderDate('08-15-2023 12:59:59 AM')).toBe('2023-08-15T00:59:59.000Z');
			expect(parseProviderDate('08-15-2023 11:59:59 PM')).toBe('2023-08-15T23:59:59.000Z');
		});

		it('tolerates single-digit fields, extra spaces and no space before PM', () => {
			expect(parseProviderDate('8-5-2023 7:39:17 PM')).toBe('2023-08-05T19:39:17.000Z');
			expect(parseProviderDate('  2023-08-15   07:39:17PM ')).toBe('2023-08-15T19:39:17.000Z');
		});

		it('reads the wall clock in the given time zone', () => {
			expect(parseProviderDate('2023-08-15 07:39:17 PM', undefined, 'Asia/Dubai')).toBe('2023-08-15T15:39:17.000Z');
			expect(parseProviderDate('08-15-2023 07:39:17 PM', undefined, 'Asia/Kolkata')).toBe('2023-08-15T14:09:17.000Z');
			expect(parseProviderDate('08-15-2023 01:00:00 AM', undefined, 'Asia/Dubai')).toBe('2023-08-14T21:00:00.000Z');
		});
	});

	describe('DST in America/New_York', () => {
		const ny = (value: string) => parseProviderDate(value, undefined, 'America/New_York');

		it('uses EST in winter and EDT in summer', () => {
			expect(ny('2023-01-15 09:00:00 AM')).toBe('2023-01-15T14:00:00.000Z');
			expect(ny('2023-07-15 09:00:00 AM')).toBe('2023-07-15T13:00:00.000Z');
		});

		it('is right on both sides of the spring-forward transition (2023-03-12 02:00 EST -> 03:00 EDT)', () => {
			expect(ny('2023-03-12 01:59:59 AM')).toBe('2023-03-12T06:59:59.000Z');
			expect(ny('2023-03-12 03:00:00 AM')).toBe('2023-03-12T07:00:00.000Z');
			// 02:30 does not exist: shifted forward, as Temporal/luxon do (= 03:30 EDT).
			expect(ny('2023-03-12 02:30:00 AM')).toBe('2023-03-12T07:30:00.000Z');
		});

		it('is right on both sides of the fall-back transition (2023-11-05 02:00 EDT -> 01:00 EST)', () => {
			expect(ny('2023-11-05 12:59:59 AM')).toBe('2023-11-05T04:59:59.000Z');
			// 01:30 happens twice: the first (EDT) is taken.
			expect(ny('2023-11-05 01:30:00 AM')).toBe('2023-11-05T05:30:00.000Z');
			expect(ny('2023-11-05 02:00:00 AM')).toBe('2023-11-05T07:00:00.000Z');
		});

		it('handles the day before and after a transition near midnight', () => {
			expect(ny('2023-03-11 11:30:00 PM')).toBe('2023-03-12T04:30:00.000Z');
			expect(ny('2023-03-13 12:30:00 AM')).toBe('2023-03-13T04:30:00.000Z');
		});
	});

	describe('ISO 8601 and epoch milliseconds', () => {
		it('passes through ISO strings with Z or an offset', () => {
			expect(parseProviderDate('2023-08-15T19:39:17Z')).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('2023-08-15T19:39:17.123Z')).toBe('2023-08-15T19:39:17.123Z');
			expect(parseProviderDate('2023-08-15T23:39:17+04:00')).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('2023-08-15T14:39:17-0500')).toBe('2023-08-15T19:39:17.000Z');
			// An explicit zone wins over the timeZone argument.
			expect(parseProviderDate('2023-08-15T19:39:17Z', undefined, 'Asia/Dubai')).toBe('2023-08-15T19:39:17.000Z');
		});

		it('reads ISO without a zone as wall clock in the time zone', () => {
			expect(parseProviderDate('2023-08-15T19:39:17')).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('2023-08-15 19:39:17', undefined, 'Asia/Dubai')).toBe('2023-08-15T15:39:17.000Z');
			expect(parseProviderDate('2023-08-15', undefined, 'Asia/Dubai')).toBe('2023-08-14T20:00:00.000Z');
		});

		it('parses epoch milliseconds as a number or a numeric string', () => {
			expect(parseProviderDate(1692128357000)).toBe('2023-08-15T19:39:17.000Z');
			expect(parseProviderDate('1692128357123')).toBe('2023-08-15T19:39:17.123Z');
			expect(parseProviderDate(0)).toBe('1970-01-01T00:00:00.000Z');
		});
	});

	describe('format selection', () => {
		it('tries only the formats given, in order', () => {
			expect(parseProviderDate('15/08/2023 19:39', ['DD/MM/YYYY HH:mm'])).toBe('2023-08-15T19:39:00.000Z');
			expect(parseProviderDate('2023-08-15 19:39:17.5', ['YYYY-MM-DD HH:mm:ss.SSS'])).toBe('2023-08-15T19:39:17.500Z');
			expect(() => parseProviderDate('2023-08-15T19:39:17Z', ['MM-DD-YYYY hh:mm:ss A'])).toThrow(/Cannot parse date/);
			expect(() => parseProviderDate(1692128357000, ['ISO'])).toThrow(/Cannot parse date/);
		});

		it('reads day first when the provider says so, and month first when it says that', () => {
			expect(parseWith('03-04-2024 17:05:09', ['DD-MM-YYYY HH:mm:ss'])).toBe('2024-04-03T17:05:09.000Z');
			expect(parseWith('03-04-2024 05:05:09 PM', ['MM-DD-YYYY hh:mm:ss A'])).toBe('2024-03-04T17:05:09.000Z');
			// A day above 12 can only be read day first; a month-first provider rejects it instead of guessing.
			expect(parseWith('25-12-2024 08:00:00', ['DD-MM-YYYY HH:mm:ss'], 'Asia/Kolkata')).toBe('2024-12-25T02:30:00.000Z');
			expect(() => parseWith('25-12-2024 08:00:00 AM', ['MM-DD-YYYY hh:mm:ss A'])).toThrow(/Cannot parse date/);
		});

		it('refuses to guess when no format is given', () => {
			expect(() => parseWith('2023-08-15T19:39:17Z', [])).toThrow('No date formats given to parse "2023-08-15T19:39:17Z"');
		});
	});

	describe('failures', () => {
		it.each([
			'',
			'yesterday',
			'13-15-2023 07:39:17 PM', // month 13
			'02-30-2023 07:39:17 PM', // 30 February
			'08-15-2023 13:39:17 PM', // 13 PM
			'08-15-2023 00:39:17 AM', // hour 0 in 12-hour clock
			'08-15-2023 07:60:17 PM',
			'08-15-2023 07:39:17', // 12-hour clock without AM/PM
			'2023-08-15T25:00:00Z',
			'2023-08-15T19:39:17+04:00 extra',
			'1e21',
		])('throws naming the value and the accepted formats for %p', (value) => {
			expect(() => parseProviderDate(value)).toThrow(
				`Cannot parse date "${value}": expected one of ISO 8601, epoch milliseconds, MM-DD-YYYY hh:mm:ss A, YYYY-MM-DD hh:mm:ss A`,
			);
		});

		it('rejects non-finite or out-of-range epoch numbers', () => {
			expect(() => parseProviderDate(NaN)).toThrow(/Cannot parse date "NaN"/);
			expect(() => parseProviderDate(Infinity)).toThrow(/Cannot parse date/);
			expect(() => parseProviderDate(9e15)).toThrow(/Cannot parse date/);
		});

		it('accepts 29 February only in leap years', () => {
			expect(parseProviderDate('02-29-2024 01:00:00 AM')).toBe('2024-02-29T01:00:00.000Z');
			expect(() => parseProviderDate('02-29-2023 01:00:00 AM')).toThrow(/Cannot parse date/);
		});

		it('throws on an invalid time zone, naming it and the value', () => {
			expect(() => parseProviderDate('2023-08-15 07:39:17 PM', undefined, 'Mars/Olympus')).toThrow(
				/Invalid time zone "Mars\/Olympus" for date "2023-08-15 07:39:17 PM"/,
			);
			expect(() => parseProviderDate('2023-08-15 07:39:17 PM', undefined, '')).toThrow(/Invalid time zone/);
		});
	});
});

describe('isValidTimeZone', () => {
	it('accepts IANA names and UTC', () => {
		for (const tz of ['UTC', 'Asia/Dubai', 'America/New_York', 'Etc/GMT+4', 'Europe/London']) {
			expect(isValidTimeZone(tz)).toBe(true);
		}
	});

	it('rejects unknown names, empty strings and non-strings', () => {
		for (const tz of ['Mars/Olympus', '', '  ', 'Dubai', undefined, 42]) {
			expect(isValidTimeZone(tz)).toBe(false);
		}
	});
});

describe('isoUtc', () => {
	test('writes exactly what toISOString writes, across years, months, days and milliseconds', () => {
		const samples = [0, -1, 1, 999, 1_000, 86_399_999, Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(999, 11, 31), Date.UTC(10000, 0, 1), -62198755200000, 8.64e15, -8.64e15];
		let seed = 7;
		for (let index = 0; index < 5000; index++) {
			seed = (seed * 16807) % 2147483647;
			samples.push(Math.round((seed / 2147483647 - 0.3) * 1e14));
		}
		for (const ms of samples) expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
	});
});
