import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { eventResults, meheryRequest, resultList } from '../../api';
import { readRequiredText } from '../../fields';

interface Params {
	contactId: string;
	lang: string;
}

const show = { resource: ['contact'], operation: ['setLanguage'] };

/** Contact → Set Language: the language Mehery uses for this contact (templates, bots). */
export const setContactLanguage: Operation<Params> = {
	option: { name: 'Set Language', action: 'Set the language of a contact', description: 'Set the language Mehery uses with a contact' },
	description: [
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'wa919988776655_919999998888',
			description: 'The contactId Mehery sends with inbound messages',
			displayOptions: { show },
		},
		{
			displayName: 'Language',
			name: 'lang',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'en_US',
			description: 'Language code, optionally with a region: en, hi, en_US, pt_BR',
			displayOptions: { show },
		},
		optionsField(show, [maxConcurrentRequestsOption, idempotencyKeyOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const contactId = readRequiredText(this, 'contactId', 'Contact ID', itemIndex, 'give the contactId from an inbound message');
		const given = readRequiredText(this, 'lang', 'Language', itemIndex, 'give a language code such as en_US');
		// en-us and en_us are accepted and written the way Mehery's examples do: en_US.
		const match = /^([a-z]{2})(?:[-_]([a-z]{2}))?$/i.exec(given);
		if (!match) throw invalidParameter(this.getNode(), 'Language', `"${given}" is not a language code such as en, hi or en_US`, itemIndex);
		const lang = match[2] ? `${match[1].toLowerCase()}_${match[2].toUpperCase()}` : match[1].toLowerCase();
		return { contactId, lang };
	},

	orderKey: ({ contactId }) => contactId,

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/contact/prefs/lang', body: { ...params }, itemIndex },
			eventResults,
			'contact event list (ApiResultsMetaCompactResponse of InBoundEvent)',
		);
		return [{ ...params, success: true, events: resultList(answer) as IDataObject[] }];
	},
};
