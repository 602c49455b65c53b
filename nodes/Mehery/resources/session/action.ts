import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { optionsField } from '../../../shared/fields';
import type { Operation, OperationOption } from '../../../shared/operation';
import { eventResults, meheryRequest, resultList } from '../../api';
import { readSessionId, sessionIdField } from '../../fields';

export interface SessionParams {
	sessionId: string;
}

/**
 * Close and Resolve: a POST of `{ sessionId }` that changes the session once. Such calls are not repeated
 * after an ambiguous failure (as for sends), and calls for one session keep their input order.
 */
export function sessionAction(operation: string, path: string, description: string, option: OperationOption): Operation<SessionParams> {
	const show = { resource: ['session'], operation: [operation] };
	return {
		option,
		kind: 'send',
		description: [sessionIdField(show, description), optionsField(show, [maxConcurrentRequestsOption, idempotencyKeyOption])],
		readParameters(this: IExecuteFunctions, itemIndex) {
			return { sessionId: readSessionId(this, itemIndex) };
		},
		orderKey: ({ sessionId }) => sessionId,
		async run(this: IExecuteFunctions, { sessionId }, itemIndex): Promise<IDataObject[]> {
			const answer = await meheryRequest(
				this,
				{ method: 'POST', path, body: { sessionId }, kind: 'send', itemIndex },
				eventResults,
				'session event list (ApiResultsMetaCompactResponse of InBoundEvent)',
			);
			const events = resultList(answer) as IDataObject[];
			return [{ sessionId, success: true, events }];
		},
	};
}
