import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { anyObject, dataOf, meheryRequest } from '../../api';
import { readRequiredText } from '../../fields';
import { linksField, readLinks, type Link } from './links';

interface Params {
	eventName: string;
	id: string;
	links: Link[];
}

const show = { resource: ['analytics'], operation: ['pushCustomerEvent'] };

/** Analytics → Push Customer Event: records one customer event (DigitalEventDto). */
export const pushCustomerEvent: Operation<Params> = {
	option: { name: 'Push Customer Event', action: 'Push a customer event', description: 'Record an event of a customer' },
	// Recording an event twice would count it twice: never repeated after an ambiguous failure.
	kind: 'send',
	description: [
		{ displayName: 'Event Name', name: 'eventName', type: 'string', required: true, default: '', placeholder: 'CUSTOMER_CREATED', description: 'Event name and action', displayOptions: { show } },
		{ displayName: 'Event ID', name: 'eventId', type: 'string', required: true, default: '', placeholder: '1234567', description: 'Your unique ID of this event', displayOptions: { show } },
		linksField(show),
		optionsField(show, [maxConcurrentRequestsOption, idempotencyKeyOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		return {
			eventName: readRequiredText(this, 'eventName', 'Event Name', itemIndex, 'give the event name, e.g. CUSTOMER_CREATED'),
			id: readRequiredText(this, 'eventId', 'Event ID', itemIndex, 'give your unique ID of the event'),
			links: readLinks(this, itemIndex),
		};
	},

	orderKey: ({ id }) => id,

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const body = { ...params, links: params.links as unknown as IDataObject[] };
		const answer = await meheryRequest(this, { method: 'POST', path: '/event/push', body, itemIndex }, dataOf(anyObject), 'pushed event (ApiResponse of DigitalEventDto)');
		return [{ success: true, ...((answer.data ?? body) as IDataObject) }];
	},
};
