import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';

import { closeSession } from './close';
import { resolveSession } from './resolve';
import { routeSession } from './route';

export const sessionOperations: ResourceOperations = {
	close: closeSession,
	resolve: resolveSession,
	route: routeSession,
};

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{ name: 'Close', value: 'close', action: 'Close a session', description: 'End the conversation now' },
			{ name: 'Resolve', value: 'resolve', action: 'Resolve a session', description: 'Mark the session resolved; the customer may still reply' },
			{ name: 'Route', value: 'route', action: 'Route a session', description: 'Hand the session to another queue, team or agent' },
		],
		default: 'route',
	},
	...routeSession.description,
	...closeSession.description,
	...resolveSession.description,
];
