import type { IDataObject } from 'n8n-workflow';

import { EPOCH_MS_FORMAT, ISO_FORMAT, parseProviderDate } from '../../../shared/dates';
import { CSV_COLUMNS } from '../../api';

/** Formats of `session_created_at` seen in Wavy files; a value without a zone is read in the chosen time zone. */
export const SESSION_DATE_FORMATS = [ISO_FORMAT, 'YYYY-MM-DD HH:mm:ss.SSS', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'DD/MM/YYYY HH:mm:ss', 'DD/MM/YYYY HH:mm', EPOCH_MS_FORMAT];

export interface OpenSession extends IDataObject {
	origin: string;
	sessionCreatedAt: string | null;
}

/** One open session: the destination number and when its session opened, in ISO 8601 UTC. */
export function openSession(origin: string, createdAt: string | number | null | undefined, timeZone: string): OpenSession {
	const blank = createdAt === undefined || createdAt === null || String(createdAt).trim() === '';
	return { origin: origin.trim(), sessionCreatedAt: blank ? null : parseProviderDate(createdAt, SESSION_DATE_FORMATS, timeZone) };
}

/** The names the origin column may have, for messages: "origin" or "origem". */
export const ORIGIN_NAMES = CSV_COLUMNS.origin.map((name) => `"${name}"`).join(' or ');

/** Where the two columns of the open-sessions file are, by the names its header gives them. */
export interface SessionsHeader {
	origin: string;
	createdAt: string;
}

/** A header name as compared: without byte-order marks or surrounding spaces, in lower case. */
const comparable = (name: string) => name.replace(/^[\uFEFF\s]+/, '').trim().toLowerCase();

/** Finds both columns in the header; a missing one is an Error naming what the header holds. */
export function sessionsHeader(names: string[]): SessionsHeader {
	const find = (wanted: readonly string[]) => names.find((name) => wanted.includes(comparable(name)));
	const origin = find(CSV_COLUMNS.origin);
	const createdAt = find([CSV_COLUMNS.createdAt]);
	const found = names.length && names.some((name) => name !== '') ? names.map((name) => `"${name}"`).join(', ') : 'nothing';
	if (origin === undefined) throw new Error(`The header has no origin column (${ORIGIN_NAMES}); it holds ${found}`);
	if (createdAt === undefined) throw new Error(`The header has no "${CSV_COLUMNS.createdAt}" column; it holds ${found}`);
	return { origin, createdAt };
}

/** One row as the normalized session `{ origin, sessionCreatedAt }`, whichever spelling the header used. */
export function sessionOfRow(row: Record<string, string | undefined>, header: SessionsHeader, timeZone: string): IDataObject {
	return openSession(row[header.origin] ?? '', row[header.createdAt], timeZone);
}
