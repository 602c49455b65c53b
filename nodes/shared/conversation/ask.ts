/**
 * "Send and Wait for Reply": a provider's Send, then the execution waits for the customer's (or agent's) next
 * message, which reaches that provider's trigger. In order, for the one input item:
 *   validate everything -> register the wait at the trigger (nothing sent if that fails) -> send (the provider's
 *   own Send, sent once as every send) -> wait until the time limit.
 * Registering first means even an instant reply finds the wait.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runOperation, type OperationOption, type RunOptions, type SendOperation } from '../operation';
import type { Show } from '../fields';
import { readWaitParameters, waitFields, type WaitFieldsSpec } from './fields';
import { callEndpoint, locateEndpoint } from './register';
import type { ReplyButton, WaitRegistration } from './types';
import { waitForReply } from './waiting';

export const SEND_AND_WAIT = 'sendAndWaitForReply';

export interface AskSpec<Params> extends WaitFieldsSpec {
	/** Display name for messages, e.g. 'Mehery XMS'. */
	provider: string;
	/** The credential secret our trigger also holds. */
	secret(context: IExecuteFunctions): Promise<string>;
	/** The conversation key the trigger will see on the reply (see the trigger's keysOf). */
	conversationOf(params: Params): string;
	buttonsOf?(params: Params): ReplyButton[];
	/** The provider's message body that answers a reply that does not count. */
	repromptOf?(params: Params, text: string): IDataObject;
}

export type AskOperation<Params> = SendOperation<Params> & { execute(this: IExecuteFunctions, runOptions: RunOptions): Promise<INodeExecutionData[][]> };

const ONE_ITEM =
	'It asks one customer and waits for that one reply. For several customers, put a Loop Over Items node (batch size 1) before it, or start one execution per customer.';

export function sendAndWaitOperation<Params>(send: SendOperation<Params>, show: Show, spec: AskSpec<Params>, option: OperationOption): AskOperation<Params> {
	return {
		...send,
		option,
		// The message's parameters are the Send's own (shown for both operations).
		description: waitFields(show, spec),
		sendsWith: send,
		async execute(this: IExecuteFunctions, runOptions: RunOptions) {
			const count = this.getInputData().length;
			if (count !== 1) throw new NodeOperationError(this.getNode(), `Send and Wait for Reply takes one input item, not ${count}`, { description: ONE_ITEM });
			const params = send.readParameters.call(this, 0);
			const wait = readWaitParameters(this, spec);
			const resumeUrl = String(this.getWorkflowDataProxy(0).$execution.resumeUrl);
			const endpoint = locateEndpoint(this, spec, wait);
			const now = Date.now();
			const registration: WaitRegistration = {
				id: `${this.getExecutionId()}:${this.getNode().id}:${String(this.getWorkflowDataProxy(0).$runIndex ?? 0)}`,
				conversation: spec.conversationOf(params),
				resumeUrl,
				registeredAt: now,
				expiresAt: now + wait.timeLimitMs,
				accept: wait.accept,
				buttons: spec.buttonsOf?.(params) ?? [],
				otherwise: wait.otherwise,
				...(wait.otherwise === 'reprompt' && spec.repromptOf ? { reprompt: spec.repromptOf(params, wait.repromptText ?? '') } : {}),
			};
			const secret = await spec.secret(this);
			await callEndpoint(this, endpoint, secret, { action: 'wait', wait: registration });
			const cancel = async () => await callEndpoint(this, endpoint, secret, { action: 'cancel', id: registration.id }).catch(() => undefined);
			let sent: INodeExecutionData[];
			try {
				sent = await runOperation(this, send, runOptions);
			} catch (error) {
				await cancel();
				throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
			}
			// Continue On Fail: the question did not go out, so nobody waits.
			if (sent[0]?.json.error !== undefined) {
				await cancel();
				return [sent, []];
			}
			const question = { ...sent[0].json, waitId: registration.id, timeLimit: new Date(registration.expiresAt).toISOString() };
			await waitForReply(this, new Date(registration.expiresAt), [{ json: { noReply: true, ...question }, pairedItem: { item: 0 } }]);
			return [[{ json: { waiting: true, ...question }, pairedItem: { item: 0 } }], []];
		},
	};
}
