import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { maxConcurrentRequestsOption } from '../../../shared/execution';
import { idempotencyKeyOption } from '../../../shared/idempotency';
import { invalidParameter } from '../../../shared/errors';
import { compact, optionsField } from '../../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { eventResults, meheryRequest, resultList } from '../../api';
import { readJsonObject, readRequiredText, readSessionId, sessionIdField } from '../../fields';

interface Params {
	sessionId: string;
	queue: string;
	agent?: string;
	team?: string;
	skills?: string[];
	params: IDataObject;
}

const show = { resource: ['session'], operation: ['route'] };

/** Session → Route: hands the session to another queue (a bot, or agents by team and skills). */
export const routeSession: Operation<Params> = {
	option: { name: 'Route', action: 'Route a session', description: 'Hand the session to another queue, team or agent' },
	kind: 'send',
	description: [
		sessionIdField(show, 'The session to hand over'),
		{
			displayName: 'Queue',
			name: 'queue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'support',
			description: 'The queue that receives the session and all its future inbound messages',
			displayOptions: { show },
		},
		{
			displayName: 'Agent Assignment',
			name: 'assignment',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only for agent queues',
			displayOptions: { show },
			options: [
				{ displayName: 'Agent', name: 'agent', type: 'string', default: '', description: 'Code of the agent to assign' },
				{ displayName: 'Skills', name: 'skills', type: 'string', default: '', placeholder: 'dental, ortho', description: 'Comma-separated skills the agent needs' },
				{ displayName: 'Team', name: 'team', type: 'string', default: '', description: 'Code of the team to assign' },
			],
		},
		{
			displayName: 'Routing Parameters (JSON)',
			name: 'routingParams',
			type: 'json',
			default: '{}',
			description: 'Extra parameters for the receiving queue, passed on by Mehery',
			displayOptions: { show },
		},
		optionsField(show, [maxConcurrentRequestsOption, idempotencyKeyOption]),
	],

	readParameters(this: IExecuteFunctions, itemIndex) {
		const assignment = this.getNodeParameter('assignment', itemIndex, {}) as { agent?: string; team?: string; skills?: string };
		const skills = (assignment.skills ?? '')
			.split(',')
			.map((skill) => skill.trim())
			.filter(Boolean);
		if ((assignment.skills ?? '').trim() && skills.length === 0) {
			throw invalidParameter(this.getNode(), 'Skills', 'give skill names separated by commas, e.g. dental, ortho', itemIndex);
		}
		return {
			sessionId: readSessionId(this, itemIndex),
			queue: readRequiredText(this, 'queue', 'Queue', itemIndex, 'give the code of the queue to route to'),
			agent: assignment.agent?.trim() || undefined,
			team: assignment.team?.trim() || undefined,
			skills: skills.length > 0 ? skills : undefined,
			params: readJsonObject(this, 'routingParams', 'Routing Parameters (JSON)', itemIndex) as IDataObject,
		};
	},

	orderKey: ({ sessionId }) => sessionId,

	async run(this: IExecuteFunctions, params, itemIndex): Promise<IDataObject[]> {
		const body = compact(params) as IDataObject;
		body.params = params.params;
		const answer = await meheryRequest(
			this,
			{ method: 'POST', path: '/session/routing', body, kind: 'send', itemIndex },
			eventResults,
			'session event list (ApiResultsMetaCompactResponse of InBoundEvent)',
		);
		return [{ sessionId: params.sessionId, queue: params.queue, success: true, events: resultList(answer) as IDataObject[] }];
	},
};
