import { defineResource } from '../../../shared/resource';

import { sendMessage } from './send';

export const message = defineResource('message', { send: sendMessage }, { name: 'Message', default: 'send' });
