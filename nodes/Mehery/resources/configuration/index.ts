import { defineResource } from '../../../shared/resource';

import { getChannels } from './getChannels';
import { getGlobalVariables } from './getGlobalVariables';
import { getTemplates } from './getTemplates';
import { setWebhook } from './setWebhook';

export const configuration = defineResource(
	'configuration',
	{ getChannels, getGlobalVariables, getTemplates, setWebhook },
	{ name: 'Configuration', default: 'getChannels' },
);
