import type { INodeProperties } from 'n8n-workflow';

import { parseProviderDate } from '../shared/dates';
import { invalidParameter } from '../shared/errors';
import type { ParameterContext, Show } from '../shared/fields';
import { getParameter } from '../shared/fields';
import { phoneNumberProblem, phoneDigits } from '../shared/phone';
import type { DateWindow } from './api';
import { CHANNELS, WHATSAPP, channelCode, channelOptions, describeChannels } from './channels';

/** Netcore's own parameters and their readers, shared by the node's operations and the trigger. */

/** The API's page size bounds: transcripts `limit [25 .. 1000]`; users `limit > 25` (exclusive; no maximum given). */
export const MIN_PAGE = 25;
export const MAX_PAGE = 1000;
export const MIN_USERS_PAGE = MIN_PAGE + 1;

/**
 * The users call documents `startDate` and `endDate` without a default (unlike transcripts), so both are always
 * sent. An empty Start Date means this instant, before any bot user: every user up to the End Date.
 */
export const USERS_EARLIEST = '2000-01-01T00:00:00.000Z';

export function channelField(show: Show, codes: readonly number[], description: string): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channelId',
		type: 'options',
		options: channelOptions(codes),
		default: WHATSAPP,
		required: true,
		description,
		displayOptions: { show },
	};
}

export function readChannel(context: ParameterContext, itemIndex: number, codes: readonly number[], name = 'channelId'): number {
	const value = getParameter(context, name, itemIndex);
	const code = channelCode(value, codes);
	if (code === undefined) {
		throw invalidParameter(context.getNode(), 'Channel', `"${String(value)}" is not a channel code. Use one of ${describeChannels(codes)}.`, itemIndex);
	}
	return code;
}

export function channelsField(show: Show, codes: readonly number[], description: string): INodeProperties {
	return {
		displayName: 'Channels',
		name: 'channelIds',
		type: 'multiOptions',
		options: channelOptions(codes),
		default: [WHATSAPP],
		required: true,
		description,
		displayOptions: { show },
	};
}

/** A list of channels; an expression may give codes or names, as a list or comma-separated text. */
export function readChannels(context: ParameterContext, itemIndex: number, codes: readonly number[]): number[] {
	const value = getParameter(context, 'channelIds', itemIndex, []);
	const list = Array.isArray(value) ? value : String(value ?? '').split(',').filter((part) => part.trim() !== '');
	if (list.length === 0) throw invalidParameter(context.getNode(), 'Channels', `choose at least one of ${describeChannels(codes)}`, itemIndex);
	const channels = list.map((entry) => {
		const code = channelCode(entry, codes);
		if (code === undefined) {
			throw invalidParameter(context.getNode(), 'Channels', `"${String(entry)}" is not a channel code. Use ${describeChannels(codes)}.`, itemIndex);
		}
		return code;
	});
	return [...new Set(channels)];
}

/** Start and End Date; `startRule` says what the Start Date allows and what empty means. */
export function dateFields(show: Show, what: string, startRule: string): INodeProperties[] {
	const rule = ` ${startRule}`;
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: `Only ${what} from this instant on (ISO 8601; read as UTC when it has no offset).${rule}`,
			displayOptions: { show },
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: `Only ${what} up to this instant (ISO 8601; read as UTC when it has no offset). Empty: up to now.`,
			displayOptions: { show },
		},
	];
}

/** An ISO 8601 instant as the API wants it (UTC, `2021-10-01T00:00:00.000Z`); undefined when empty. */
export function readIsoDate(context: ParameterContext, itemIndex: number, name: string, displayName: string): string | undefined {
	const value = getParameter(context, name, itemIndex, '');
	if (value === undefined || value === null || value === '') return undefined;
	const text = value instanceof Date ? value.toISOString() : String(value).trim();
	try {
		return parseProviderDate(text, ['ISO'], 'UTC');
	} catch {
		throw invalidParameter(context.getNode(), displayName, `"${text}" is not an ISO 8601 date, e.g. 2021-10-01T00:00:00Z`, itemIndex);
	}
}

/** The current instant minus 3 calendar months: the oldest transcript start date Netcore accepts. */
export function oldestTranscriptStart(now = new Date()): Date {
	const oldest = new Date(now.getTime());
	oldest.setUTCMonth(oldest.getUTCMonth() - 3);
	return oldest;
}

/** Start and End Date; with `threeMonths`, a start older than 3 months is refused as the API would. */
export function readDateWindow(context: ParameterContext, itemIndex: number, threeMonths: boolean): DateWindow {
	const startDate = readIsoDate(context, itemIndex, 'startDate', 'Start Date');
	const endDate = readIsoDate(context, itemIndex, 'endDate', 'End Date');
	if (startDate && endDate && startDate > endDate) {
		throw invalidParameter(context.getNode(), 'Start Date', `${startDate} is after the End Date ${endDate}`, itemIndex);
	}
	if (threeMonths && startDate && Date.parse(startDate) < oldestTranscriptStart().getTime()) {
		throw invalidParameter(
			context.getNode(),
			'Start Date',
			`${startDate} is older than 3 months; Netcore keeps transcripts from ${oldestTranscriptStart().toISOString()} on`,
			itemIndex,
		);
	}
	return { startDate, endDate };
}

/** The users call's window: the dates given, an empty End Date as `now`, an empty Start Date as USERS_EARLIEST. */
export function usersWindow(window: DateWindow, now = new Date()): Required<DateWindow> {
	const endDate = window.endDate ?? now.toISOString();
	const startDate = window.startDate ?? (Date.parse(USERS_EARLIEST) <= Date.parse(endDate) ? USERS_EARLIEST : endDate);
	return { startDate, endDate };
}

/** Start and End Date of the users call, defaults filled in; a start after the (default) end is refused. */
export function readUsersWindow(context: ParameterContext, itemIndex: number, now = new Date()): Required<DateWindow> {
	const window = usersWindow(readDateWindow(context, itemIndex, false), now);
	if (Date.parse(window.startDate) > Date.parse(window.endDate)) {
		throw invalidParameter(context.getNode(), 'Start Date', `${window.startDate} is after the End Date ${window.endDate} (an empty End Date is now)`, itemIndex);
	}
	return window;
}

/**
 * A bot user id. For WhatsApp it is the phone number, sent as the spec's sample writes it (`+919876543210`):
 * spaces, dashes, brackets and a leading + or 00 are normalized.
 */
export function readBotUserId(context: ParameterContext, itemIndex: number, channelId: number): string {
	// A resource locator ({ mode, value }), or plain text from an older workflow or an expression.
	const raw = getParameter(context, 'botUserId', itemIndex, '');
	const picked = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	const value = String(picked ?? '').trim();
	if (value === '') throw invalidParameter(context.getNode(), 'Bot User', 'must not be empty: pick a bot user or enter its ID', itemIndex);
	const botUserId = normalizeBotUserId(value, channelId);
	if (botUserId === undefined) {
		throw invalidParameter(
			context.getNode(),
			'Bot User',
			`${phoneNumberProblem(value, '+919876543210')} ${CHANNELS[WHATSAPP]} bot users are their phone numbers.`,
			itemIndex,
		);
	}
	return botUserId;
}

/** The id as the transcripts call wants it; undefined for a WhatsApp id that is not a phone number. */
export function normalizeBotUserId(value: string, channelId: number): string | undefined {
	if (channelId !== WHATSAPP) return value.trim();
	const digits = phoneDigits(value);
	return digits === undefined ? undefined : `+${digits}`;
}
