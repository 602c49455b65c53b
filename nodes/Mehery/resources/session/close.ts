import { sessionAction } from './action';

/** Session → Close: ends the conversation now. */
export const closeSession = sessionAction('close', '/session/close', 'The active session to close');
