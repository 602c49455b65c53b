import { sessionAction } from './action';

/** Session → Close: ends the conversation now. */
export const closeSession = sessionAction('close', '/session/close', 'The active session to close', {
	name: 'Close',
	action: 'Close a session',
	description: 'End the conversation now',
});
