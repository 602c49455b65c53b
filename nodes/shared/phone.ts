/**
 * One phone-number rule for every provider: an international number as E.164 defines it, its country code first,
 * written with or without a leading + or 00 and with spaces, dots, dashes or parentheses between the digits; 7 to
 * 15 digits (15 is E.164's maximum; the shortest numbers in service, e.g. Niue's, have 7). None of the provider
 * specs sets other bounds (they show examples only), so no provider narrows or widens this.
 */
export const PHONE_DIGITS = { min: 7, max: 15 } as const;

const SEPARATORS = /[\s().-]/g;
const INTERNATIONAL_PREFIX = /^(\+|00)/;

/** The number's digits (country code first, no prefix), or undefined when it is not a phone number. */
export function phoneDigits(value: string): string | undefined {
	const digits = value.trim().replace(SEPARATORS, '').replace(INTERNATIONAL_PREFIX, '');
	const { min, max } = PHONE_DIGITS;
	return new RegExp(`^\\d{${min},${max}}$`).test(digits) ? digits : undefined;
}

/** Why `value` is refused, for an error that names the field; `example` in the provider's own format. */
export function phoneNumberProblem(value: string, example: string): string {
	return (
		`"${value}" is not a phone number. Use ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits in international format, ` +
		`e.g. ${example} (a leading + or 00, spaces and dashes are allowed).`
	);
}

/** The digits of a phone number, or the error `refuse` makes of the problem. */
export function readPhoneDigits(value: string, example: string, refuse: (problem: string) => Error): string {
	const digits = phoneDigits(value);
	if (digits === undefined) throw refuse(phoneNumberProblem(value, example));
	return digits;
}
