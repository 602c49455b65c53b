import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { additionalFieldsField, isHttpUrl, readRequiredString } from '../../../shared/fields';
import type { SendOperation } from '../../../shared/operation';
import { newMessage, postResults, type NewMessage } from '../../api';
import { dateField, readDatesTimeZone, readOptionalString, readTimestamp, sendOptionsField, stringField } from '../../fields';
import { readIdempotencyKey } from '../../../shared/idempotency';
import { stableMessageId } from '../../values';

export interface SendMessageParams {
	entry: NewMessage;
}

// Send and Send and Wait for Reply post the same message.
const show = { resource: ['message'], operation: ['send', 'sendAndWaitForReply'] };
const showType = (types: string[]) => ({ ...show, messageType: types });

const MESSAGE_TYPES = { text: 'TEXT', image: 'IMAGE', document: 'DOCUMENT' } as const;

function readContent(context: IExecuteFunctions, itemIndex: number): NewMessage['message'] {
	// Expressions may give CTLive's own names (TEXT, IMAGE, DOCUMENT).
	const messageType = String(context.getNodeParameter('messageType', itemIndex, 'text')).trim().toLowerCase() as keyof typeof MESSAGE_TYPES;
	if (messageType === 'text') {
		return { type: 'TEXT', text: readRequiredString(context, itemIndex, { name: 'text', displayName: 'Text', hint: 'give the text of the customer message' }) };
	}
	if (!Object.hasOwn(MESSAGE_TYPES, messageType)) {
		throw invalidParameter(context.getNode(), 'Message Type', `"${String(messageType)}" is not one of Text, Image, Document`, itemIndex);
	}
	const url = readRequiredString(context, itemIndex, { name: 'mediaUrl', displayName: 'Media URL', hint: 'give the http(s) link CTLive downloads the file from' });
	if (!isHttpUrl(url)) {
		throw invalidParameter(context.getNode(), 'Media URL', `"${url}" is not an http(s) URL. CTLive downloads the file from it once, so it must be reachable from CTLive.`, itemIndex);
	}
	const caption = readOptionalString(context, 'caption', itemIndex);
	return { type: MESSAGE_TYPES[messageType], ...(caption ? { caption } : {}), url };
}

/**
 * The id of a message the user gave none: with an Idempotency Key, derived from the key, so CTLive sees the same
 * id on any resend (Retry execution, a re-run); without, the same for every try of this item in this run of the
 * node (the run index tells a loop's later run, a new message, from Retry On Fail) and different otherwise.
 */
function generatedMessageId(context: IExecuteFunctions, itemIndex: number, content: string[]): string {
	const node = [context.getWorkflow().id, context.getNode().id];
	const key = readIdempotencyKey(context, itemIndex);
	if (key !== undefined) return stableMessageId(['idempotencyKey', ...node, key]);
	const runIndex = Number(context.getWorkflowDataProxy(itemIndex).$runIndex ?? 0);
	return stableMessageId([node[0], context.getExecutionId(), node[1], runIndex, itemIndex, ...content]);
}

export const sendMessage: SendOperation<SendMessageParams> = {
	kind: 'send',
	option: {
		name: 'Send',
		action: 'Send a customer message',
		description: "Pass a customer's text, image or document into CTLive's contact centre",
	},
	description: [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: [
				{ name: 'Text', value: 'text' },
				{ name: 'Image', value: 'image', description: 'An image with an optional caption, by URL' },
				{ name: 'Document', value: 'document', description: 'A file by URL; the caption is its file name' },
			],
			default: 'text',
			displayOptions: { show },
		},
		stringField('from', 'From', "The customer's identifier on the messaging network, e.g. the phone number 385919998888", show, {
			required: true,
			placeholder: '385919998888',
		}),
		stringField('to', 'To', 'The identifier the customer wrote to, e.g. your WhatsApp number or short code in CTLive', show, {
			required: true,
			placeholder: '1234',
		}),
		// Not marked required: n8n would then demand both whenever Message Type is an expression. readContent checks them.
		stringField('text', 'Text', 'What the customer wrote', showType(['text']), { typeOptions: { rows: 3 } }),
		stringField('mediaUrl', 'Media URL', 'Link CTLive downloads the file from, once, when it receives the message', showType(['image', 'document']), {
			placeholder: 'https://media.example.com/123455',
		}),
		stringField('caption', 'Caption', 'Caption shown with the image', showType(['image'])),
		stringField('caption', 'File Name', 'Name of the file as the agent sees it (sent as the caption)', showType(['document']), {
			placeholder: 'invoice.pdf',
		}),
		additionalFieldsField(show, [
			stringField('contactName', 'Contact Name', 'Name of the customer, if the network gives it'),
			stringField('integrationType', 'Integration Type', 'Channel name CTLive files the conversation under', undefined, { default: 'WHATSAPP' }),
			stringField('messageId', 'Message ID', 'Unique ID of the message. Empty generates one that stays the same when n8n retries the item, so CTLive drops the resend.'),
			stringField('pairedMessageId', 'Quoted Message ID', 'ID of the message the customer quoted (replied to)'),
			dateField('receivedAt', 'Received At', 'When the network received the message'),
		]),
		sendOptionsField(show),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const timeZone = readDatesTimeZone(this, itemIndex);
		const from = readRequiredString(this, itemIndex, { name: 'from', displayName: 'From', hint: "give the customer's identifier, e.g. 385919998888" });
		const to = readRequiredString(this, itemIndex, { name: 'to', displayName: 'To', hint: 'give the identifier the customer wrote to, e.g. 1234' });
		const message = readContent(this, itemIndex);
		const extra = (name: string) => readOptionalString(this, `additionalFields.${name}`, itemIndex);
		const receivedAt = readTimestamp(this, itemIndex, { name: 'additionalFields.receivedAt', displayName: 'Received At' }, timeZone);
		const messageId = extra('messageId') ?? generatedMessageId(this, itemIndex, [from, to, JSON.stringify(message)]);
		return {
			entry: newMessage({
				from,
				to,
				integrationType: extra('integrationType') ?? 'WHATSAPP',
				receivedAt,
				messageId,
				pairedMessageId: extra('pairedMessageId'),
				message,
				contactName: extra('contactName'),
			}),
		};
	},

	// Messages of one conversation must reach the agent in the order the customer wrote them.
	orderKey: ({ entry }) => `${entry.to}\u0000${entry.from}`,

	// Received At defaults to now, which differs between tries of one message; its id does not.
	identity: ({ entry }) => entry.messageId,

	async run(this: IExecuteFunctions, { entry }, itemIndex): Promise<IDataObject[]> {
		await postResults(this, [entry], itemIndex);
		return [entry];
	},
};
