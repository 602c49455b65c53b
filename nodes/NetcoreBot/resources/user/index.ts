import { defineResource } from '../../../shared/resource';
import { getManyUsers } from './getMany';

export const user = defineResource('user', { getMany: getManyUsers }, { name: 'User', default: 'getMany' });
