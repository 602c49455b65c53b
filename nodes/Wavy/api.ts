import { z } from 'zod';

/** What Wavy's answers and webhook bodies must look like. Only what we use is checked; the rest passes through. */

export const PROVIDER = 'Wavy';
export const PROVIDER_KEY = 'wavy';
export const CREDENTIAL_TYPE = 'wavyApi';
export const SESSIONS_PATH = '/v1/session';

const text = z.union([z.string(), z.number()]).transform(String);

/** One row of the JSON `{ total, data[] }` shape: at least the destination number (`origem` is the spec prose's name). */
export const sessionRowSchema = z
	.object({ origin: text.optional(), origem: text.optional(), source: text.optional() })
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

/** The `message` object of an MO (mobile-originated) message; its fields depend on `type`. */
export const moContentSchema = z
	.object({
		type: z.string().min(1),
		messageText: z.string().nullish(),
		mediaUrl: z.string().nullish(),
		mimeType: z.string().nullish(),
		caption: z.string().nullish(),
		location: z.record(z.unknown()).nullish(),
		contacts: z.array(z.record(z.unknown())).nullish(),
	})
	.passthrough();

/** One MO message of a batch, as Wavy posts it. */
export const moMessageSchema = z
	.object({
		id: text.pipe(z.string().min(1)),
		source: text.nullish(),
		origin: text.nullish(),
		userProfile: z.object({ name: z.string().nullish() }).passthrough().nullish(),
		message: moContentSchema,
		receivedAt: z.number().finite().nullish(),
		receivedDate: z.string().nullish(),
	})
	.passthrough();
export type MoMessage = z.infer<typeof moMessageSchema>;

/** An MO batch: `total` is Wavy's own count and may disagree with `data`. */
export const moBatchSchema = z.object({ total: z.number().int().nonnegative().nullish(), data: z.array(moMessageSchema) }).passthrough();
export type MoBatch = z.infer<typeof moBatchSchema>;
