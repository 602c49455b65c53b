/**
 * What CTLive accepts on its message endpoint (specs/ctlive-channel-api.txt): `{ results: [...] }` where each
 * entry is a new message (TEXT, IMAGE, DOCUMENT), a delivery report or a seen report. Checked field by field and
 * strictly (unknown fields refused), so the node can only pass by sending exactly what the spec documents.
 */

/** Infobip's status groups, which CTLive's status objects follow (DESIGN.md). */
export const STATUS_GROUPS: Record<number, string> = {
	1: 'PENDING',
	2: 'UNDELIVERABLE',
	3: 'DELIVERED',
	4: 'EXPIRED',
	5: 'REJECTED',
};

/** The spec's timestamp form: `2019-07-19T11:21:27.861+0000` (milliseconds, offset without a colon). */
export const CTLIVE_TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}[+-]([01]\d|2[0-3])[0-5]\d$/;

export type ResultKind = 'message' | 'delivery' | 'seen';

type Fields = Record<string, unknown>;

class Invalid extends Error {}

const isObject = (value: unknown): value is Fields =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function requireString(entry: Fields, name: string, where: string): string {
	const value = entry[name];
	if (typeof value !== 'string' || value.trim() === '')
		throw new Invalid(`${where}.${name} must be a non-empty string`);
	return value;
}

function optionalString(entry: Fields, name: string, where: string, nullable = false): void {
	const value = entry[name];
	if (value === undefined || (nullable && value === null)) return;
	if (typeof value !== 'string') throw new Invalid(`${where}.${name} must be a string${nullable ? ' or null' : ''}`);
}

function requireTimestamp(entry: Fields, name: string, where: string): void {
	const value = requireString(entry, name, where);
	if (!CTLIVE_TIMESTAMP.test(value))
		throw new Invalid(`${where}.${name} must look like 2019-07-19T11:21:27.861+0000, got '${value}'`);
}

function onlyFields(entry: Fields, allowed: string[], where: string): void {
	const unknown = Object.keys(entry).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) throw new Invalid(`${where} has unknown field(s) ${unknown.join(', ')}`);
}

function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

function checkMessage(entry: Fields, where: string): void {
	// The spec's field table spells it pairedMessageID, its three examples pairedMessageId: either is documented.
	onlyFields(entry, ['from', 'to', 'integrationType', 'receivedAt', 'messageId', 'pairedMessageId', 'pairedMessageID', 'message', 'contact'], where);
	for (const name of ['from', 'to', 'integrationType', 'messageId']) requireString(entry, name, where);
	requireTimestamp(entry, 'receivedAt', where);
	optionalString(entry, 'pairedMessageId', where, true);
	optionalString(entry, 'pairedMessageID', where, true);
	if ('pairedMessageId' in entry && 'pairedMessageID' in entry) throw new Invalid(`${where} has both pairedMessageId and pairedMessageID`);
	const message = entry.message;
	if (!isObject(message)) throw new Invalid(`${where}.message must be an object`);
	const type = message.type;
	if (type === 'TEXT') {
		onlyFields(message, ['type', 'text'], `${where}.message`);
		requireString(message, 'text', `${where}.message`);
	} else if (type === 'IMAGE' || type === 'DOCUMENT') {
		onlyFields(message, ['type', 'caption', 'url'], `${where}.message`);
		optionalString(message, 'caption', `${where}.message`);
		const url = requireString(message, 'url', `${where}.message`);
		if (!isHttpUrl(url)) throw new Invalid(`${where}.message.url must be an http(s) URL, got '${url}'`);
	} else {
		throw new Invalid(`${where}.message.type must be TEXT, IMAGE or DOCUMENT, got ${JSON.stringify(type)}`);
	}
	if (entry.contact !== undefined) {
		if (!isObject(entry.contact)) throw new Invalid(`${where}.contact must be an object`);
		onlyFields(entry.contact, ['name'], `${where}.contact`);
		requireString(entry.contact, 'name', `${where}.contact`);
	}
}

function checkStatus(status: unknown, where: string): void {
	if (!isObject(status)) throw new Invalid(`${where} must be an object`);
	onlyFields(status, ['id', 'groupId', 'groupName', 'name', 'description'], where);
	for (const name of ['id', 'groupId']) {
		if (!Number.isInteger(status[name])) throw new Invalid(`${where}.${name} must be an integer`);
	}
	const group = STATUS_GROUPS[status.groupId as number];
	if (!group) throw new Invalid(`${where}.groupId must be 1 to 5 (PENDING, UNDELIVERABLE, DELIVERED, EXPIRED, REJECTED)`);
	if (status.groupName !== group) throw new Invalid(`${where}.groupName must be ${group} for groupId ${String(status.groupId)}`);
	requireString(status, 'name', where);
	optionalString(status, 'description', where);
}

function checkDelivery(entry: Fields, where: string): void {
	onlyFields(entry, ['bulkId', 'status', 'messageId', 'doneAt', 'sentAt', 'to', 'channel'], where);
	optionalString(entry, 'bulkId', where);
	optionalString(entry, 'channel', where);
	requireString(entry, 'messageId', where);
	requireString(entry, 'to', where);
	requireTimestamp(entry, 'sentAt', where);
	requireTimestamp(entry, 'doneAt', where);
	checkStatus(entry.status, `${where}.status`);
}

function checkSeen(entry: Fields, where: string): void {
	onlyFields(entry, ['messageId', 'to', 'sentAt', 'seenAt'], where);
	requireString(entry, 'messageId', where);
	requireString(entry, 'to', where);
	requireTimestamp(entry, 'sentAt', where);
	requireTimestamp(entry, 'seenAt', where);
}

export type Checked = { ok: true; kinds: ResultKind[] } | { ok: false; error: string };

/**
 * Checks a whole body. The spec shows `results` with one entry or more, never empty: strictly an empty array is
 * refused (as a server reading the spec literally would); `allowEmpty` takes it as a post that changes nothing.
 */
export function checkResults(body: unknown, { allowEmpty = false } = {}): Checked {
	try {
		if (!isObject(body)) throw new Invalid('The body must be a JSON object { "results": [...] }');
		onlyFields(body, ['results'], '(body)');
		if (!Array.isArray(body.results)) throw new Invalid('results must be an array');
		if (body.results.length === 0 && !allowEmpty) throw new Invalid('results must hold at least one message or report');
		const kinds = body.results.map((entry: unknown, index: number): ResultKind => {
			const where = `results[${index}]`;
			if (!isObject(entry)) throw new Invalid(`${where} must be an object`);
			if ('message' in entry) return (checkMessage(entry, where), 'message');
			if ('status' in entry) return (checkDelivery(entry, where), 'delivery');
			if ('seenAt' in entry) return (checkSeen(entry, where), 'seen');
			throw new Invalid(`${where} is neither a message (message), a delivery report (status) nor a seen report (seenAt)`);
		});
		return { ok: true, kinds };
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, error: error.message };
		throw error;
	}
}
