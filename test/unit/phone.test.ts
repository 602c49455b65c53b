import { PHONE_DIGITS, phoneDigits, phoneNumberProblem } from '../../nodes/shared/phone';

describe('one phone-number rule (nodes/shared/phone.ts)', () => {
	test.each([
		['971569113820', '971569113820'],
		['+971 56 911 3820', '971569113820'],
		['00971-56-911-3820', '971569113820'],
		['+1 (940) 555.1234', '19405551234'],
		['6834002', '6834002'], // Niue: 7 digits, the shortest in service
		['123456789012345', '123456789012345'], // E.164's 15
	])('%s is %s', (value, digits) => {
		expect(phoneDigits(value)).toBe(digits);
	});

	test.each(['', '+', '123456', '1234567890123456', '97156abc820', '+91 98765 43210 ext 5', '++971569113820', '0 0971569113820x'])('%p is not a phone number', (value) => {
		expect(phoneDigits(value)).toBeUndefined();
	});

	test('the refusal says what is allowed, in the provider\'s own example', () => {
		expect(PHONE_DIGITS).toEqual({ min: 7, max: 15 });
		expect(phoneNumberProblem('12ab', '+919876543210')).toBe(
			'"12ab" is not a phone number. Use 7 to 15 digits in international format, e.g. +919876543210 (a leading + or 00, spaces and dashes are allowed).',
		);
	});
});
