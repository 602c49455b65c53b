import { defineResource } from '../../../shared/resource';

import { getConversationHistory } from './getHistory';
import { getManyConversations } from './getMany';

export const conversation = defineResource(
	'conversation',
	{ getMany: getManyConversations, getHistory: getConversationHistory },
	{ name: 'Conversation', default: 'getMany' },
);
