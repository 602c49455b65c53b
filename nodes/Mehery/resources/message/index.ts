import { defineResource } from '../../../shared/resource';

import { sendMessage } from './send';
import { sendAndWaitForReply } from './sendAndWait';

export const message = defineResource('message', { send: sendMessage, sendAndWaitForReply }, { name: 'Message', default: 'send' });
