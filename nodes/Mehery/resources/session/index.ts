import { defineResource } from '../../../shared/resource';

import { closeSession } from './close';
import { getSessionMessages } from './getMessages';
import { resolveSession } from './resolve';
import { routeSession } from './route';

export const session = defineResource(
	'session',
	{ close: closeSession, getMessages: getSessionMessages, resolve: resolveSession, route: routeSession },
	{ name: 'Session', default: 'getMessages' },
);
