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
	/** The credential secret both our nodes hold: signs what goes to the waiting execution. Read only when needed. */
	secret(): Promise<string>;
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

/** What a delivery's units do: start the execution, go to a waiting execution, or get a wait's reprompt. */
export interface ReplyPlan {
	units: Unit[];
	executing: Set<Unit>;
	handovers: Handover[];
	reprompts: Array<{ unit: Unit; wait: WaitRegistration }>;
}

/** True when some unit goes to a waiting execution or gets a reprompt (calls that take a while). */
export const hasReplies = (plan: ReplyPlan): boolean => plan.handovers.length + plan.reprompts.length > 0;

/** Decides at once (no await), claiming the waits it hands replies to, so two deliveries never take one wait. */
export function planReplies(context: IWebhookFunctions, routing: ConversationRouting, scope: string, units: Unit[]): ReplyPlan {
	const book = new WaitBook(context.getWorkflowStaticData('node'), scope);
	const plan: ReplyPlan = { units, executing: new Set(), handovers: [], reprompts: [] };
	for (const unit of units) {
		const keys = routing.keysOf(unit.events[0]);
		const wait = keys.length > 0 ? book.find(keys) : undefined;
		if (!wait) {
			plan.executing.add(unit);
			continue;
		}
		const verdict = replyVerdict(wait.accept, wait.buttons, unitTexts(unit));
		if (verdict.accepted && book.claim(wait.id)) {
			plan.handovers.push({ unit, wait, reply: { ...unitJson(unit, true), buttonCode: verdict.buttonCode } });
		} else if (!verdict.accepted && wait.otherwise === 'reprompt' && wait.reprompt && routing.reprompt) {
			plan.reprompts.push({ unit, wait });
		} else {
			plan.executing.add(unit);
		}
	}
	book.save();
	return plan;
}

/** Hands the replies over and sends the reprompts; returns the units that still start an execution, in order. */
export async function deliverReplies(context: IWebhookFunctions, routing: ConversationRouting, plan: ReplyPlan): Promise<Unit[]> {
	const { executing } = plan;
	const secret = plan.handovers.length > 0 ? await routing.secret() : '';
	await Promise.all([
		...plan.handovers.map(async ({ unit, wait, reply }) => {
			if ((await resumeWait(context, wait, reply, secret)) === 'notWaiting') executing.add(unit);
		}),
		...plan.reprompts.map(async ({ unit, wait }) => {
			try {
				await routing.reprompt!(wait);
			} catch {
				// The customer got no reprompt: rather than lose the message, it runs the workflow.
				executing.add(unit);
			}
		}),
	]);
	return plan.units.filter((unit) => executing.has(unit));
}
