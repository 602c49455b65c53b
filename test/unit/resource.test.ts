import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../nodes/shared/operation';
import { optionsField } from '../../nodes/shared/fields';
import { idempotencyKeyOption } from '../../nodes/shared/idempotency';
import { defineResource, defineResources } from '../../nodes/shared/resource';

function operation(name: string, action: string, properties: string[] = []): Operation<object> {
	return {
		option: { name, action, description: `${name} description` },
		description: properties.map((property): INodeProperties => ({ displayName: property, name: property, type: 'string', default: '' })),
		readParameters: () => ({}),
		run: async () => [],
	};
}

const send = operation('Send', 'Send a message', ['text']);
const getMany = operation('Get Many', 'Get many messages', ['limit']);

describe('defineResource', () => {
	it('builds the Operation selector from each operation, sorted by name, then the operations’ own properties', () => {
		const message = defineResource('message', { send, getMany }, { name: 'Message', default: 'send' });
		expect(message.value).toBe('message');
		expect(message.name).toBe('Message');
		expect(message.operations).toEqual({ send, getMany });
		expect(message.description[0]).toEqual({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['message'] } },
			options: [
				{ name: 'Get Many', value: 'getMany', action: 'Get many messages', description: 'Get Many description' },
				{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send description' },
			],
			default: 'send',
		});
		expect(message.description.slice(1).map((property) => property.name)).toEqual(['text', 'limit']);
	});

	it('accepts an option whose value repeats its key', () => {
		const withValue = { ...send, option: { ...send.option!, value: 'send' } };
		expect(defineResource('message', { send: withValue }, { name: 'Message', default: 'send' }).description[0].options).toHaveLength(1);
	});

	it('refuses, when the node loads, an operation without an option, a value other than its key, or an unknown default', () => {
		const { option: _, ...bare } = send;
		expect(() => defineResource('message', { send: bare }, { name: 'Message', default: 'send' })).toThrow(
			'Operation "send" of resource "message" declares no option (name, action, description)',
		);
		const renamed = { ...send, option: { ...send.option!, value: 'post' } };
		expect(() => defineResource('message', { send: renamed }, { name: 'Message', default: 'send' })).toThrow(
			'Operation "send" of resource "message" declares the value "post": it must be its key',
		);
		expect(() => defineResource('message', { send }, { name: 'Message', default: 'getMany' })).toThrow(
			'Resource "message" has no operation "getMany" to select by default',
		);
	});
});

describe('defineResources', () => {
	const message = defineResource('message', { send, getMany }, { name: 'Message', default: 'send' });
	const contact = defineResource('contact', { getMany }, { name: 'Contact', default: 'getMany' });

	it('puts the Resource selector (sorted, first resource by default) before every resource’s properties', () => {
		const { properties, operations } = defineResources([message, contact]);
		expect(properties[0]).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Contact', value: 'contact' },
				{ name: 'Message', value: 'message' },
			],
			default: 'message',
		});
		expect(properties.slice(1)).toEqual([...message.description, ...contact.description]);
		expect(operations).toEqual({ message: { send, getMany }, contact: { getMany } });
	});

	it('takes another default resource, and refuses an unknown one or a resource given twice', () => {
		expect(defineResources([message, contact], 'contact').properties[0].default).toBe('contact');
		expect(() => defineResources([message], 'contact')).toThrow('There is no resource "contact" to select by default');
		expect(() => defineResources([])).toThrow('There is no resource "undefined" to select by default');
		expect(() => defineResources([message, message])).toThrow('Resources are declared twice: message, message');
	});
});

describe('sends are checked when the node loads', () => {
	test('defineResource refuses a send without an orderKey', () => {
		const send = {
			kind: 'send',
			option: { name: 'Send', action: 'Send a message', description: 'Send' },
			description: [optionsField({}, [idempotencyKeyOption])],
			readParameters: () => ({}),
			run: async () => [],
		};
		expect(() => defineResource('message', { send } as never, { name: 'Message', default: 'send' })).toThrow(/sends but declares no orderKey/);
		expect(() => defineResource('message', { send: { ...send, orderKey: () => 'to' } } as never, { name: 'Message', default: 'send' })).not.toThrow();
	});
});
