/** The inbound and outbound logs drop their oldest entries beyond this, so a long `npm start` stays bounded. */
export const MAX_LOG_ENTRIES = 20_000;

/** Appends in place (callers may hold the array) and trims the oldest entries beyond the bound. */
export function pushBounded<T>(log: T[], entry: T, max = MAX_LOG_ENTRIES): void {
	log.push(entry);
	if (log.length > max) log.splice(0, log.length - max);
}
