import { NodeOperationError, type IExecuteFunctions, type IPollFunctions } from 'n8n-workflow';

import {
	isHttpUrl,
	limitField,
	optionsField,
	readBoolean,
	readLimit,
	readPositiveInteger,
	readRequiredString,
	readReturnAll,
	readSimplify,
	readTimeZone,
	returnAllField,
	returnAllOrLimitFields,
	simplifyField,
	timeZoneOption,
} from '../../nodes/shared/fields';
import { testNode } from './support';

type Parameters = Record<string, unknown>;

/** Looks a dotted name up the way n8n does for `options.timeZone`. */
function lookUp(parameters: Parameters, name: string, fallback: unknown) {
	const value = name.split('.').reduce<unknown>((at, key) => (at as Parameters | undefined)?.[key], parameters);
	return value === undefined ? fallback : value;
}

/** An execute context: one set of parameters per item, read with an item index. */
function executeContext(...items: Parameters[]) {
	return {
		getNode: () => testNode,
		getInputData: () => items.map(() => ({ json: {} })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => lookUp(items[itemIndex], name, fallback),
	} as unknown as IExecuteFunctions;
}

/** A poll (or webhook, hook, load-options) context: one set of parameters for the node, no item index. */
function pollContext(parameters: Parameters) {
	return {
		getNode: () => testNode,
		getNodeParameter: (name: string, fallback?: unknown) => lookUp(parameters, name, fallback),
	} as unknown as IPollFunctions;
}

function thrown(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('the reader accepted the value');
}

const show = { resource: ['message'], operation: ['getMany'] };

describe('field builders', () => {
	it('show Return All, and Limit only while Return All is off', () => {
		expect(returnAllField(show)).toMatchObject({ name: 'returnAll', type: 'boolean', default: false, displayOptions: { show } });
		expect(limitField(show)).toEqual({
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		});
		expect(returnAllOrLimitFields(show).map((field) => field.name)).toEqual(['returnAll', 'limit']);
	});

	it("take a provider's own name, default and maximum for the limit", () => {
		const field = limitField(show, { name: 'pageSize', displayName: 'Page Size', default: 25, max: 1000, description: 'Rows' });
		expect(field).toMatchObject({ name: 'pageSize', displayName: 'Page Size', default: 25, description: 'Rows' });
		expect(field.typeOptions).toEqual({ minValue: 1, maxValue: 1000 });
	});

	it('let Simplify keep a default description or take its own', () => {
		expect(simplifyField(show)).toMatchObject({ name: 'simplify', type: 'boolean', default: true, displayOptions: { show } });
		expect(simplifyField(show).description).toMatch(/^Whether to /);
		expect(simplifyField(show, 'Whether to flatten').description).toBe('Whether to flatten');
	});

	it('name the provider in the time-zone option', () => {
		expect(timeZoneOption('Mehery')).toMatchObject({
			displayName: 'Time Zone of Mehery Dates',
			name: 'timeZone',
			default: 'UTC',
			description: expect.stringContaining('your Mehery server'),
		});
	});

	it('sort the Options collection by display name', () => {
		const output = { displayName: 'Output', name: 'output', type: 'string' as const, default: '' };
		const field = optionsField(show, [timeZoneOption('Wavy'), output]);
		expect(field).toMatchObject({ name: 'options', type: 'collection', default: {}, displayOptions: { show } });
		expect(field.options?.map((option) => (option as { displayName: string }).displayName)).toEqual(['Output', 'Time Zone of Wavy Dates']);
	});
});

describe('readPositiveInteger', () => {
	const spec = { name: 'count', displayName: 'Count', max: 100 };

	it('accepts whole numbers in range, also as digits from an expression', () => {
		expect(readPositiveInteger(executeContext({ count: 1 }), 0, spec)).toBe(1);
		expect(readPositiveInteger(executeContext({ count: '100' }), 0, spec)).toBe(100);
		expect(readPositiveInteger(executeContext({ count: 3 }), 0, { ...spec, min: 3 })).toBe(3);
	});

	it.each([0, 101, 2.5, -1, '', 'ten', null, true])('rejects %p, naming the field and the range', (count) => {
		const error = thrown(() => readPositiveInteger(executeContext({ count: 5 }, { count }), 1, spec));
		expect(error.message).toBe(`Count: must be a whole number from 1 to 100, got ${JSON.stringify(count)}`);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toBe('Fix the "Count" parameter of item 2.');
	});

	it('says "or more" when there is no maximum', () => {
		expect(thrown(() => readPositiveInteger(executeContext({ n: 0 }), 0, { name: 'n', displayName: 'N' })).message).toBe(
			'N: must be a whole number 1 or more, got 0',
		);
	});
});

describe('readLimit', () => {
	it('is undefined with Return All on, the limit otherwise', () => {
		expect(readLimit(executeContext({ returnAll: true, limit: 0 }), 0)).toBeUndefined();
		expect(readLimit(executeContext({ returnAll: false, limit: 7 }), 0)).toBe(7);
	});

	it("names the provider's own field and keeps to its maximum", () => {
		const spec = { name: 'sessionCount', displayName: 'Session Count', max: 10 };
		expect(readLimit(executeContext({ sessionCount: 10 }), 0, spec)).toBe(10);
		expect(thrown(() => readLimit(executeContext({ sessionCount: 11 }), 0, spec)).message).toBe(
			'Session Count: must be a whole number from 1 to 10, got 11',
		);
	});

	it('names Return All when it is not a boolean', () => {
		expect(thrown(() => readLimit(executeContext({ returnAll: 'yes', limit: 5 }), 0)).message).toBe(
			'Return All: must be true or false, got "yes"',
		);
	});
});

describe('readBoolean, readReturnAll and readSimplify', () => {
	it('read booleans, the text of booleans, and the defaults when unset', () => {
		expect(readSimplify(executeContext({}), 0)).toBe(true);
		expect(readReturnAll(executeContext({}), 0)).toBe(false);
		expect(readSimplify(executeContext({ simplify: 'false' }), 0)).toBe(false);
		expect(readReturnAll(executeContext({ returnAll: 'true' }), 0)).toBe(true);
	});

	it('name the field when the value is not a boolean', () => {
		expect(thrown(() => readSimplify(executeContext({ simplify: 1 }), 0)).message).toBe('Simplify: must be true or false, got 1');
		const spec = { name: 'download', displayName: 'Download Media', fallback: false };
		expect(thrown(() => readBoolean(executeContext({ download: 'no' }), 0, spec)).message).toBe(
			'Download Media: must be true or false, got "no"',
		);
	});
});

describe('readTimeZone', () => {
	it('reads the Options time zone, UTC when unset or blank', () => {
		expect(readTimeZone(executeContext({ options: { timeZone: ' Asia/Dubai ' } }), 0, 'IrisEngage')).toBe('Asia/Dubai');
		expect(readTimeZone(executeContext({ options: {} }), 0, 'IrisEngage')).toBe('UTC');
		expect(readTimeZone(executeContext({ options: { timeZone: '' } }), 0, 'IrisEngage')).toBe('UTC');
	});

	it('names the provider’s time-zone field when the zone is unknown', () => {
		const error = thrown(() => readTimeZone(executeContext({ options: { timeZone: 'Mars/Olympus' } }), 0, 'Netcore'));
		expect(error.message).toBe('Time Zone of Netcore Dates: "Mars/Olympus" is not an IANA time zone such as UTC, Asia/Dubai or Europe/London');
	});

	it('reads another path when the provider keeps the field elsewhere', () => {
		expect(readTimeZone(executeContext({ zone: 'Europe/London' }), 0, 'Wavy', 'zone')).toBe('Europe/London');
	});
});

describe('readers in a trigger (no item index)', () => {
	it('read the node parameters and still name the field', () => {
		const context = pollContext({ returnAll: false, limit: 30, options: { timeZone: 'Asia/Kolkata' } });
		expect(readLimit(context, 0)).toBe(30);
		expect(readTimeZone(context, 0, 'Netcore')).toBe('Asia/Kolkata');
		expect(readSimplify(context, 0)).toBe(true);
		expect(thrown(() => readLimit(pollContext({ limit: -3 }), 0)).message).toBe('Limit: must be a whole number 1 or more, got -3');
	});
});

describe('readRequiredString', () => {
	const spec = { name: 'recipient', displayName: 'Recipient', hint: 'give a phone number' };

	it('trims text and takes a number from an expression as its digits', () => {
		expect(readRequiredString(executeContext({ recipient: '  +9715 ' }), 0, spec)).toBe('+9715');
		expect(readRequiredString(executeContext({ recipient: 971500 }), 0, spec)).toBe('971500');
	});

	it('names the field and the hint when the text is empty, blank or not text', () => {
		expect(thrown(() => readRequiredString(executeContext({ recipient: ' ' }), 0, spec)).message).toBe(
			'Recipient: must not be empty: give a phone number',
		);
		expect(thrown(() => readRequiredString(executeContext({}), 0, { name: 'text', displayName: 'Text' })).message).toBe(
			'Text: must not be empty',
		);
		expect(thrown(() => readRequiredString(executeContext({ recipient: { id: 1 } }), 0, spec)).message).toBe(
			'Recipient: must be text, got {"id":1}: give a phone number',
		);
	});
});

describe('isHttpUrl', () => {
	test.each(['https://media.example.com/a.jpg', 'http://127.0.0.1:4010/file'])('%s is one', (url) => expect(isHttpUrl(url)).toBe(true));
	test.each(['ftp://example.com/a', 'data:text/plain,hi', 'example.com/a.jpg', '', 'http://'])('%s is not', (url) => expect(isHttpUrl(url)).toBe(false));
});
