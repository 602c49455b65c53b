import { defineResource } from '../../../shared/resource';

import { getManyMessages } from './getMany';

export const message = defineResource('message', { getMany: getManyMessages }, { name: 'Message', default: 'getMany' });
