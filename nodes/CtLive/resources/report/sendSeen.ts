import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readRequiredString } from '../../../shared/fields';
import type { SendOperation } from '../../../shared/operation';
import { postResults, type SeenReport } from '../../api';
import { dateField, readDatesTimeZone, readTimestamp, sendOptionsField, stringField } from '../../fields';

export interface SendSeenParams {
	entry: SeenReport;
}

const show = { resource: ['report'], operation: ['sendSeen'] };

export const sendSeenReport: SendOperation<SendSeenParams> = {
	kind: 'send',
	option: {
		name: 'Send Seen Report',
		action: 'Send a seen report',
		description: 'Tell CTLive the customer saw a message its agent sent',
	},
	description: [
		stringField('messageId', 'Message ID', 'ID of the outbound message, as the CTLive Trigger answered it (its messageId output)', show, {
			required: true,
		}),
		stringField('to', 'To', 'The customer who saw the message, e.g. 41793026731', show, { required: true }),
		dateField('sentAt', 'Sent At', 'When the message was sent to the customer', show),
		dateField('seenAt', 'Seen At', 'When the customer saw the message', show),
		sendOptionsField(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const timeZone = readDatesTimeZone(this, itemIndex);
		return {
			entry: {
				messageId: readRequiredString(this, itemIndex, { name: 'messageId', displayName: 'Message ID', hint: 'give the ID of the outbound message that was seen' }),
				to: readRequiredString(this, itemIndex, { name: 'to', displayName: 'To', hint: 'give the customer who saw the message' }),
				sentAt: readTimestamp(this, itemIndex, { name: 'sentAt', displayName: 'Sent At' }, timeZone),
				seenAt: readTimestamp(this, itemIndex, { name: 'seenAt', displayName: 'Seen At' }, timeZone),
			},
		};
	},

	orderKey: ({ entry }) => entry.messageId,

	// Times that default to now differ between tries of one report.
	identity: ({ entry }) => [entry.messageId, entry.to],

	async run(this: IExecuteFunctions, { entry }, itemIndex): Promise<IDataObject[]> {
		await postResults(this, [entry], itemIndex);
		return [entry];
	},
};
