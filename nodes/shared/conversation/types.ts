/**
 * What a waiting node ("Send and Wait for Reply") tells the trigger of its provider, and what the trigger keeps:
 * one registration per wait, found by the customer's conversation key when their next message arrives.
 */
import type { IDataObject } from 'n8n-workflow';

/** A button of the question, as the customer may answer it (any of its texts). */
export interface ReplyButton {
	code?: string;
	name?: string;
	label?: string;
}

/** Which replies resume the wait. */
export type ReplyFilter = { kind: 'any' } | { kind: 'buttons' } | { kind: 'pattern'; pattern: string; flags: string };

export interface WaitRegistration {
	/** `<execution>:<node>:<run>`: the same for Retry On Fail of one wait, new for every other wait. */
	id: string;
	/** Whose reply is awaited, e.g. `phone:919988776655` (see the provider's conversation keys). */
	conversation: string;
	/** n8n's resume URL of the waiting execution, with n8n's token. */
	resumeUrl: string;
	registeredAt: number;
	/** The node's time limit: after it n8n continues the execution on "No Reply" and the wait is forgotten. */
	expiresAt: number;
	accept: ReplyFilter;
	/** Buttons of the question: a reply matching one carries its code. */
	buttons: ReplyButton[];
	/** A reply that does not count starts a normal execution, or gets `reprompt` sent back instead. */
	otherwise: 'execute' | 'reprompt';
	/** The provider's message to send as the reprompt (the provider's own body). */
	reprompt?: IDataObject;
}

/** The body the waiting node posts to the trigger's conversation endpoint. */
export type RegistrationRequest = { action: 'wait'; wait: WaitRegistration } | { action: 'cancel'; id: string };

/** What the trigger posts to the waiting execution's resume URL. */
export interface ResumeBody {
	waitId: string;
	reply: IDataObject;
}
