import { z } from 'zod';

/** What Wavy's answers must look like (what it posts to the trigger: trigger/mo.ts). Only what we use is checked; the rest passes through. */

export const PROVIDER = 'Wavy';
export const PROVIDER_KEY = 'wavy';
export const CREDENTIAL_TYPE = 'wavyApi';
export const SESSIONS_PATH = '/v1/session';

/** An id or number Wavy may write as a string or a number, read as a string. */
export const textOrNumber = z.union([z.string(), z.number()]).transform(String);

/** One row of the JSON `{ total, data[] }` shape: at least the destination number (`origem` is the spec prose's name). */
export const sessionRowSchema = z
	.object({ origin: textOrNumber.optional(), origem: textOrNumber.optional(), source: textOrNumber.optional() })
	.passthrough()
	.refine((row) => row.origin !== undefined || row.origem !== undefined || row.source !== undefined, {
		message: 'a row needs an origin (or origem, or source) number',
	});
export type SessionRow = z.infer<typeof sessionRowSchema>;

/** GET /v1/session: a link to the CSV file, or (some accounts) the rows themselves. */
export const sessionsAnswerSchema = z.union([
	z.object({ file_url: z.string().url().regex(/^https?:\/\//i, 'must be an http(s) URL') }).passthrough(),
	z.object({ total: z.number().int().nonnegative().optional(), data: z.array(sessionRowSchema) }).passthrough(),
]);

/**
 * The columns of the open-sessions file. The spec's prose names the destination column "origem", its samples
 * (and Wavy's files) "origin": either is read, matched trimmed and case-insensitively.
 */
export const CSV_COLUMNS = { origin: ['origin', 'origem'], createdAt: 'session_created_at' } as const;
