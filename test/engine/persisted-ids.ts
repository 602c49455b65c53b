import { createHash } from 'node:crypto';

/** Ids as the trigger core's duplicate memory writes them to static data: 12-character digests, oldest first. */
export const persistedIds = (ids: string[]): string => ids.map((id) => createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 12)).join('');
