import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { postResults, type SeenReport } from '../../api';
import { dateField, optionsField, readRequiredString, readTimeZone, readTimestamp, stringField } from '../../fields';

export interface SendSeenParams {
	entry: SeenReport;
}

const show = { resource: ['report'], operation: ['sendSeen'] };

export const sendSeenReport: Operation<SendSeenParams> = {
	description: [
		stringField('messageId', 'Message ID', 'ID of the outbound message, as the CTLive Trigger answered it (its messageId output)', show, {
			required: true,
		}),
		stringField('to', 'To', 'The customer who saw the message, e.g. 41793026731', show, { required: true }),
		dateField('sentAt', 'Sent At', 'When the message was sent to the customer', show),
		dateField('seenAt', 'Seen At', 'When the customer saw the message', show),
		optionsField(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const timeZone = readTimeZone(this, itemIndex);
		return {
			entry: {
				messageId: readRequiredString(this, 'messageId', 'Message ID', itemIndex, 'give the ID of the outbound message that was seen'),
				to: readRequiredString(this, 'to', 'To', itemIndex, 'give the customer who saw the message'),
				sentAt: readTimestamp(this, 'sentAt', 'Sent At', itemIndex, timeZone),
				seenAt: readTimestamp(this, 'seenAt', 'Seen At', itemIndex, timeZone),
			},
		};
	},

	orderKey: ({ entry }) => entry.messageId,

	async run(this: IExecuteFunctions, { entry }, itemIndex): Promise<IDataObject[]> {
		await postResults(this, [entry], itemIndex);
		return [entry];
	},
};
