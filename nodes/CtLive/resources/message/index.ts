import { defineResource } from '../../../shared/resource';
import { withBatching } from '../batch';

import { sendMessage } from './send';

export const message = defineResource('message', { send: withBatching(sendMessage) }, { name: 'Message', default: 'send' });
