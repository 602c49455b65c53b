/**
 * In the trigger: a customer's message that answers a waiting "Send and Wait for Reply" goes to that execution
 * instead of starting one. The newest live wait of the sender decides: a reply it counts is claimed (once) and
 * handed over; one it does not count starts a normal execution, or gets the wait's reprompt instead.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { unitJson, unitTexts, type Unit } from '../trigger/units';
import type { TriggerEvent } from '../trigger/receive';
import { replyVerdict } from './replies';
import { resumeWait } from './resume';
import type { WaitRegistration } from './types';
import { WaitBook } from './waitBook';

export interface ConversationRouting {
	/** The credential secret both our nodes hold: signs what goes to the waiting execution. */
	secret: string;
	/** Conversation keys of the sender of a customer message (e.g. `phone:919988776655`); [] for anything else. */
	keysOf(event: TriggerEvent): string[];
	/** Sends a wait's reprompt to the customer; its failure lets the message start a normal execution instead. */
	reprompt?(wait: WaitRegistration): Promise<void>;
}

interface Handover {
	unit: Unit;
	wait: WaitRegistration;
	reply: IDataObject;
}

/** Returns the units that still start an execution, in their order. */
export async function routeReplies(context: IWebhookFunctions, routing: ConversationRouting, scope: string, units: Unit[]): Promise<Unit[]> {
	const book = new WaitBook(context.getWorkflowStaticData('node'), scope);
	const handovers: Handover[] = [];
	const reprompts: Array<{ unit: Unit; wait: WaitRegistration }> = [];
	const executing = new Set<Unit>();
	for (const unit of units) {
		const keys = routing.keysOf(unit.events[0]);
		const wait = keys.length > 0 ? book.find(keys) : undefined;
		if (!wait) {
			executing.add(unit);
			continue;
		}
		const verdict = replyVerdict(wait.accept, wait.buttons, unitTexts(unit));
		if (verdict.accepted && book.claim(wait.id)) {
			handovers.push({ unit, wait, reply: { ...unitJson(unit, true), buttonCode: verdict.buttonCode } });
		} else if (!verdict.accepted && wait.otherwise === 'reprompt' && wait.reprompt && routing.reprompt) {
			reprompts.push({ unit, wait });
		} else {
			executing.add(unit);
		}
	}
	book.save();
	await Promise.all([
		...handovers.map(async ({ unit, wait, reply }) => {
			if ((await resumeWait(context, wait, reply, routing.secret)) === 'notWaiting') executing.add(unit);
		}),
		...reprompts.map(async ({ unit, wait }) => {
			try {
				await routing.reprompt!(wait);
			} catch {
				// The customer got no reprompt: rather than lose the message, it runs the workflow.
				executing.add(unit);
			}
		}),
	]);
	return units.filter((unit) => executing.has(unit));
}
