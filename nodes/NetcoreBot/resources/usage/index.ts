import { defineResource } from '../../../shared/resource';
import { getUsageOperation } from './get';

export const usage = defineResource('usage', { get: getUsageOperation }, { name: 'Usage', default: 'get' });
