/**
 * Every place where the Mehery nodes' requests knowingly depart from the literal spec (mehery-spec.ts), each with
 * its reason: the one list that the conformance check (mehery-spec.test.ts), the strict simulator and the README
 * ("Mehery XMS: spec deviations and choices", which mirrors it) go by. A departure not listed here fails the
 * check; an entry no request exercises fails it too.
 */

/** Properties the spec marks required that our requests leave out (all `fields` for the same reason). */
export interface OmittedRequired {
	kind: 'omitted';
	schema: string;
	fields: string[];
	/** Sent, and then required, when the sibling property `field` holds `equals`. */
	sentWhen?: { field: string; equals: string };
	reason: string;
}

/** A query parameter the spec does not name that our requests send. */
export interface ExtraQueryParameter {
	kind: 'extraQuery';
	endpoint: string;
	parameter: string;
	reason: string;
}

export type MeheryDeviation = OmittedRequired | ExtraQueryParameter;

/** Why optional details of a location or contact card are left out rather than sent empty. */
const DETAIL_WHEN_GIVEN = 'sent only when given: the spec has no "none" value for these strings, and an empty one would reach the channel as an invalid value';

export const MEHERY_DEVIATIONS: MeheryDeviation[] = [
	{
		kind: 'extraQuery',
		endpoint: 'GET /api/v1/config/channels',
		parameter: 'sandbox',
		reason:
			'The parameter table names the flag `sabdnox` (sent) while the description says "Pass sandbox=true": Include Sandbox Channels sends both spellings, so sandbox channels are listed whichever one the server reads',
	},
	{
		kind: 'omitted',
		schema: 'OutBoundMsg',
		fields: ['location'],
		sentWhen: { field: 'type', equals: 'location' },
		reason: 'The content of a location message: sent with type location only. A location beside a text would be a second message',
	},
	{
		kind: 'omitted',
		schema: 'OutBoundMsg',
		fields: ['contacts'],
		sentWhen: { field: 'type', equals: 'contacts' },
		reason: 'The content of a contact-card message: sent with type contacts only. Cards beside a text would be a second message',
	},
	{
		kind: 'omitted',
		schema: 'OutBoundContact',
		fields: ['contactId', 'email', 'phone'],
		reason:
			'Alternative addresses of the recipient (the spec: contactId for any contact, email for email, phone for SMS/WhatsApp): only the one chosen in Send To is sent, since an empty contactId or email beside a phone could be taken as the address',
	},
	{
		kind: 'omitted',
		schema: 'OutBoundContact',
		fields: ['name'],
		reason: 'Sent only when Recipient Name is set: the spec says it overrides the contact\'s name, so an empty one would blank it',
	},
	{ kind: 'omitted', schema: 'CommonMsgLocation', fields: ['address', 'name', 'url'], reason: `Location Details, each ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'CommonMsgContactCard', fields: ['birthday', 'org'], reason: `Birthday and organization, each ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'OutBoundMsgContactName', fields: ['first_name', 'last_name'], reason: `formatted_name (Contact Name) is always sent; first and last name are ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'OutBoundMsgContactOrg', fields: ['company', 'department', 'title'], reason: `Each part of the organization is ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'OutBoundMsgContactPhone', fields: ['type', 'wa_id'], reason: `The number is always sent; its type and WhatsApp ID are ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'OutBoundMsgContactEmail', fields: ['type'], reason: `The address is always sent; its type is ${DETAIL_WHEN_GIVEN}` },
	{ kind: 'omitted', schema: 'OutBoundMsgContactUrl', fields: ['type'], reason: `The URL is always sent; its type is ${DETAIL_WHEN_GIVEN}` },
	{
		kind: 'omitted',
		schema: 'OutBoundMsgContactAddress',
		fields: ['city', 'country', 'country_code', 'state', 'street', 'type', 'zip'],
		reason: `An address carries the parts the user gave, each ${DETAIL_WHEN_GIVEN}`,
	},
];

/** How a deviation is named in the README's table, e.g. `OutBoundMsg.location` or `GET /api/v1/config/channels?sandbox`. */
export function deviationLabel(deviation: MeheryDeviation): string {
	if (deviation.kind === 'extraQuery') return `${deviation.endpoint}?${deviation.parameter}`;
	return `${deviation.schema}.${deviation.fields.length === 1 ? deviation.fields[0] : `{${deviation.fields.join(', ')}}`}`;
}

/** The deviation's row in the README's "Mehery XMS: spec deviations and choices" table. */
export const deviationRow = (deviation: MeheryDeviation) => {
	const when = deviation.kind === 'omitted' && deviation.sentWhen ? ` (sent when ${deviation.sentWhen.field} is ${deviation.sentWhen.equals})` : '';
	const what = deviation.kind === 'omitted' ? `required, left out${when}` : 'not in the spec, sent';
	return `| \`${deviationLabel(deviation)}\` | ${what} | ${deviation.reason} |`;
};
