/**
 * A send must name its recipient (orderKey): a type error for TypeScript authors (checked by `tsc -p
 * tsconfig.test.json`, part of `npm run lint`, through the @ts-expect-error lines below) and refused when the
 * node's operation table is built, for JavaScript or a cast. It must also offer the Idempotency Key option.
 */
import type { IDataObject } from 'n8n-workflow';

import { optionsField } from '../../nodes/shared/fields';
import { idempotencyKeyOption } from '../../nodes/shared/idempotency';
import { operationTable, type Operation, type SendOperation } from '../../nodes/shared/operation';

interface Params {
	to: string;
}

const base = {
	description: [optionsField({}, [idempotencyKeyOption])],
	readParameters: () => ({ to: '+15550001' }),
	run: async (): Promise<IDataObject[]> => [],
};

// @ts-expect-error a send without orderKey does not compile
const sendWithoutKey: SendOperation<Params> = { ...base, kind: 'send' };
// @ts-expect-error nor does it as an Operation
const operationWithoutKey: Operation<Params> = { ...base, kind: 'send' };
// @ts-expect-error an order key that may be undefined is not a recipient
const optionalKey: SendOperation<Params> = { ...base, kind: 'send', orderKey: (params: Params) => (params.to ? params.to : undefined) };

const send: SendOperation<Params> = { ...base, kind: 'send', orderKey: (params) => params.to };
const read: Operation<Params> = { ...base };

describe('operationTable', () => {
	it('accepts reads, and sends that name their recipient', () => {
		const table = { message: { send, read } };
		expect(operationTable(table)).toBe(table);
	});

	it.each([
		['no orderKey', sendWithoutKey],
		['no orderKey (as Operation)', operationWithoutKey],
		['an orderKey that is not a function', { ...base, kind: 'send', orderKey: 'to' } as unknown as Operation<Params>],
	])('refuses a send with %s, naming the operation', (_, operation) => {
		expect(() => operationTable({ message: { send: operation } })).toThrow(
			'Operation "message/send" sends but declares no orderKey',
		);
	});

	it('refuses a send without the Idempotency Key option, naming the operation', () => {
		const bare = { ...send, description: [optionsField({}, [])] };
		expect(() => operationTable({ message: { send: bare } })).toThrow('Operation "message/send" sends but has no Idempotency Key option');
	});

	it('refuses an unknown kind', () => {
		const odd = { ...base, kind: 'write' } as unknown as Operation<Params>;
		expect(() => operationTable({ message: { write: odd } })).toThrow('use "read" or "send"');
	});

	it('keeps an optional key for reads', () => {
		expect(operationTable({ message: { optionalKey: { ...optionalKey, kind: 'read' } } })).toBeDefined();
	});
});
