import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SendOperation } from '../../../shared/operation';
import { meheryRequest, receiptSchema } from '../../api';
import { buildOutboundMessage, recipientKey, type OutboundMessage } from '../../outbound';
import { readOutboundMessage } from './readMessage';
import { sendFields } from './sendFields';

/** Message → Send: one OutBoundMsg per item; Mehery answers a receipt id. */
export const sendMessage: SendOperation<OutboundMessage> = {
	kind: 'send',
	option: {
		name: 'Send',
		action: 'Send a message',
		description: 'Send a text, media, location, contact card or template message, with optional buttons',
	},
	description: sendFields,

	readParameters(this: IExecuteFunctions, itemIndex) {
		return readOutboundMessage(this, itemIndex);
	},

	// Messages to one recipient keep their input order; different recipients go out side by side.
	orderKey: recipientKey,

	async run(this: IExecuteFunctions, message, itemIndex): Promise<IDataObject[]> {
		const body = buildOutboundMessage(message);
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/message/send', body, kind: 'send', itemIndex },
			receiptSchema,
			'send receipt (ApiResponse of OutBoundReciept)',
		);
		return [{ receiptId: String(answer.data!.id), channelId: message.channelId, to: body.to as IDataObject, type: message.content.type }];
	},
};
