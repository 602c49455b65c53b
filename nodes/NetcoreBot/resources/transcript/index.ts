import { defineResource } from '../../../shared/resource';
import { getManyTranscripts } from './getMany';

export const transcript = defineResource('transcript', { getMany: getManyTranscripts }, { name: 'Transcript', default: 'getMany' });
