import { defineResource } from '../../../shared/resource';

import { getManyOpenSessions } from './getManyOpen';

export const session = defineResource('session', { getManyOpen: getManyOpenSessions }, { name: 'Session', default: 'getManyOpen' });
