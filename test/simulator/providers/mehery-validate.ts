/**
 * Mehery XMS request checks, strict where the spec is explicit (field names and types), so that a node that
 * misspells a field or sends a number where the spec says string fails here instead of in production.
 * Each check returns the first problem as `{ field, description }`, or undefined when the body is fine.
 */

export interface FieldProblem {
	field: string;
	description: string;
}

type Body = Record<string, unknown>;

export const isObject = (value: unknown): value is Body =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const problem = (field: string, description: string): FieldProblem => ({ field, description });

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** Every field named in OutBoundMsg; anything else is refused so a misspelt field is noticed. */
const OUTBOUND_FIELDS = new Set([
	'audio', 'channelId', 'contacts', 'document', 'image', 'location', 'mask', 'options', 'template', 'text', 'to',
	'type', 'video',
]);
export const OUTBOUND_TYPES = ['text', 'image', 'video', 'audio', 'document', 'location', 'contacts', 'template'];
const MEDIA_TYPES = ['image', 'video', 'audio', 'document'];
/** The field that carries each type's content. */
const CONTENT_FIELD: Record<string, string> = {
	text: 'text', image: 'image', video: 'video', audio: 'audio', document: 'document', location: 'location',
	contacts: 'contacts', template: 'template',
};
const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'];

function optionalStrings(object: Body, fields: string[], path: string): FieldProblem | undefined {
	for (const field of fields) {
		if (object[field] !== undefined && typeof object[field] !== 'string')
			return problem(`${path}.${field}`, 'must be a string');
	}
	return undefined;
}

function checkTo(to: unknown): FieldProblem | undefined {
	if (!isObject(to)) return problem('to', 'is required: an object with phone, contactId or email');
	const typed = optionalStrings(to, ['contactId', 'email', 'name', 'phone'], 'to');
	if (typed) return typed;
	if (![to.phone, to.contactId, to.email].some(nonEmpty)) return problem('to', 'needs a phone, contactId or email');
	return undefined;
}

function checkMedia(media: unknown, type: string): FieldProblem | undefined {
	if (!isObject(media)) return problem(type, `is required for type ${type}`);
	const typed = optionalStrings(media, ['caption', 'filename', 'link'], type);
	if (typed) return typed;
	if (!isHttpUrl(media.link)) return problem(`${type}.link`, 'must be a public http(s) URL');
	return undefined;
}

/** CommonMsgLocation types latitude and longitude as strings (its example shows numbers; the schema wins). */
function coordinate(value: unknown, limit: number): boolean {
	if (typeof value !== 'string' || value.trim() === '') return false;
	const number = Number(value);
	return Number.isFinite(number) && Math.abs(number) <= limit;
}

function checkLocation(location: unknown): FieldProblem | undefined {
	if (!isObject(location)) return problem('location', 'is required for type location');
	if (!coordinate(location.latitude, 90)) return problem('location.latitude', 'must be a string holding a number from -90 to 90');
	if (!coordinate(location.longitude, 180)) return problem('location.longitude', 'must be a string holding a number from -180 to 180');
	return optionalStrings(location, ['address', 'name', 'url'], 'location');
}

function checkCardList(card: Body, index: number, list: string, fields: string[]): FieldProblem | undefined {
	const value = card[list];
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) return problem(`contacts[${index}].${list}`, 'must be an array');
	for (const [position, entry] of value.entries()) {
		if (!isObject(entry)) return problem(`contacts[${index}].${list}[${position}]`, 'must be an object');
		const typed = optionalStrings(entry, fields, `contacts[${index}].${list}[${position}]`);
		if (typed) return typed;
	}
	return undefined;
}

function checkContacts(contacts: unknown): FieldProblem | undefined {
	if (!Array.isArray(contacts) || contacts.length === 0)
		return problem('contacts', 'is required for type contacts: a non-empty array of contact cards');
	for (const [index, card] of contacts.entries()) {
		if (!isObject(card)) return problem(`contacts[${index}]`, 'must be an object');
		const name = card.name;
		if (!isObject(name) || !(nonEmpty(name.formatted_name) || nonEmpty(name.first_name)))
			return problem(`contacts[${index}].name`, 'needs formatted_name or first_name');
		const typedName = optionalStrings(name, ['first_name', 'formatted_name', 'last_name'], `contacts[${index}].name`);
		if (typedName) return typedName;
		const lists: Array<[string, string[]]> = [
			['addresses', ['city', 'country', 'country_code', 'state', 'street', 'type', 'zip']],
			['emails', ['email', 'type']],
			['phones', ['phone', 'type', 'wa_id']],
			['urls', ['type', 'url']],
			['ims', ['service', 'userid']],
		];
		for (const [list, fields] of lists) {
			const listProblem = checkCardList(card, index, list, fields);
			if (listProblem) return listProblem;
		}
		if (card.org !== undefined) {
			if (!isObject(card.org)) return problem(`contacts[${index}].org`, 'must be an object');
			const typedOrg = optionalStrings(card.org, ['company', 'department', 'title'], `contacts[${index}].org`);
			if (typedOrg) return typedOrg;
		}
	}
	return undefined;
}

function checkTemplate(template: unknown): FieldProblem | undefined {
	if (!isObject(template)) return problem('template', 'is required for type template');
	const typed = optionalStrings(template, ['code', 'id', 'lang', 'linked'], 'template');
	if (typed) return typed;
	if (!nonEmpty(template.code) && !nonEmpty(template.id)) return problem('template', 'needs a code or an id');
	if (template.data !== undefined && !isObject(template.data)) return problem('template.data', 'must be an object');
	return undefined;
}

function checkButtons(options: unknown): FieldProblem | undefined {
	if (!isObject(options)) return problem('options', 'must be an object');
	if (!Array.isArray(options.buttons)) return problem('options.buttons', 'must be an array');
	for (const [index, button] of options.buttons.entries()) {
		const path = `options.buttons[${index}]`;
		if (!isObject(button)) return problem(path, 'must be an object');
		const typed = optionalStrings(button, ['code', 'desc', 'label', 'name', 'phone', 'type', 'url'], path);
		if (typed) return typed;
		if (!nonEmpty(button.name)) return problem(`${path}.name`, 'is required');
		if (button.type !== undefined && !BUTTON_TYPES.includes(button.type as string))
			return problem(`${path}.type`, `must be one of ${BUTTON_TYPES.join(', ')}`);
		if (button.type === 'URL' && !isHttpUrl(button.url)) return problem(`${path}.url`, 'must be an http(s) URL for a URL button');
		if (button.type === 'PHONE_NUMBER' && !nonEmpty(button.phone))
			return problem(`${path}.phone`, 'is required for a PHONE_NUMBER button');
	}
	return undefined;
}

/** OutBoundMsg as POST /api/v1/message/send takes it. */
export function checkOutboundMessage(body: unknown): FieldProblem | undefined {
	if (!isObject(body)) return problem('(body)', 'must be a JSON object (OutBoundMsg)');
	const unknown = Object.keys(body).find((key) => !OUTBOUND_FIELDS.has(key));
	if (unknown) return problem(unknown, 'is not a field of OutBoundMsg');
	if (!nonEmpty(body.channelId)) return problem('channelId', 'is required');
	const toProblem = checkTo(body.to);
	if (toProblem) return toProblem;
	const type = body.type;
	if (typeof type !== 'string' || !OUTBOUND_TYPES.includes(type))
		return problem('type', `must be one of ${OUTBOUND_TYPES.join(', ')}`);
	if (body.mask !== undefined && typeof body.mask !== 'boolean') return problem('mask', 'must be a boolean');
	// A payload for another type means the sender mixed two messages up.
	for (const [otherType, field] of Object.entries(CONTENT_FIELD)) {
		if (otherType !== type && body[field] !== undefined) return problem(field, `is not allowed with type ${type}`);
	}
	if (body.options !== undefined) {
		const buttonProblem = checkButtons(body.options);
		if (buttonProblem) return buttonProblem;
	}
	if (type === 'text') {
		if (!isObject(body.text) || !nonEmpty(body.text.body)) return problem('text.body', 'is required for type text');
		return undefined;
	}
	if (MEDIA_TYPES.includes(type)) return checkMedia(body[type], type);
	if (type === 'location') return checkLocation(body.location);
	if (type === 'contacts') return checkContacts(body.contacts);
	return checkTemplate(body.template);
}

export function checkSessionId(body: unknown): FieldProblem | undefined {
	if (!isObject(body) || !nonEmpty(body.sessionId)) return problem('sessionId', 'is required');
	return undefined;
}

/** SessionQueueAssignment: queue and params are required; agent, team and skills only for agent queues. */
export function checkRouting(body: unknown): FieldProblem | undefined {
	const session = checkSessionId(body);
	if (session) return session;
	const assignment = body as Body;
	if (!nonEmpty(assignment.queue)) return problem('queue', 'is required');
	if (!isObject(assignment.params)) return problem('params', 'is required: an object (may be empty)');
	const typed = optionalStrings(assignment, ['agent', 'team'], '(body)');
	if (typed) return { ...typed, field: typed.field.replace('(body).', '') };
	if (assignment.skills !== undefined) {
		if (!Array.isArray(assignment.skills) || assignment.skills.some((skill) => !nonEmpty(skill)))
			return problem('skills', 'must be an array of non-empty strings');
	}
	return undefined;
}

export function checkContactPrefs(body: unknown): FieldProblem | undefined {
	if (!isObject(body)) return problem('(body)', 'must be a JSON object (ContactPrefsUpdate)');
	if (!nonEmpty(body.contactId)) return problem('contactId', 'is required');
	if (typeof body.lang !== 'string' || !/^[a-z]{2}(_[A-Z]{2})?$/.test(body.lang))
		return problem('lang', 'must be a language code such as en or en_US');
	return undefined;
}

function checkLinks(links: unknown): FieldProblem | undefined {
	if (!Array.isArray(links)) return problem('links', 'is required: an array (may be empty)');
	for (const [index, link] of links.entries()) {
		if (!isObject(link)) return problem(`links[${index}]`, 'must be an object');
		for (const field of ['linkName', 'linkType', 'linkValue']) {
			if (typeof link[field] !== 'string') return problem(`links[${index}].${field}`, 'is required: a string');
		}
	}
	return undefined;
}

/** DigitalObjectDto (Push Customer Data). */
export function checkDigitalObject(body: unknown): FieldProblem | undefined {
	if (!isObject(body)) return problem('(body)', 'must be a JSON object (DigitalObjectDto)');
	if (!nonEmpty(body.id)) return problem('id', 'is required: a string');
	if (!nonEmpty(body.type)) return problem('type', 'is required: a string');
	if (!isObject(body.data)) return problem('data', 'is required: an object');
	return checkLinks(body.links);
}

/** DigitalEventDto (Push Customer Event). */
export function checkDigitalEvent(body: unknown): FieldProblem | undefined {
	if (!isObject(body)) return problem('(body)', 'must be a JSON object (DigitalEventDto)');
	if (!nonEmpty(body.eventName)) return problem('eventName', 'is required: a string');
	if (!nonEmpty(body.id)) return problem('id', 'is required: a string');
	return checkLinks(body.links);
}
