import { defineResource } from '../../../shared/resource';
import { withBatching } from '../batch';

import { sendMessage } from './send';
import { sendAndWaitForReply } from './sendAndWait';

export const message = defineResource('message', { send: withBatching(sendMessage), sendAndWaitForReply }, { name: 'Message', default: 'send' });
