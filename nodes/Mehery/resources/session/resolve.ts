import { sessionAction } from './action';

/** Session → Resolve: marks the session resolved and leaves closing it to the customer. */
export const resolveSession = sessionAction('resolve', '/session/resolve', 'The active session to mark as resolved', {
	name: 'Resolve',
	action: 'Resolve a session',
	description: 'Mark the session resolved; the customer may still reply',
});
