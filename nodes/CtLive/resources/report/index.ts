import { defineResource } from '../../../shared/resource';
import { withBatching } from '../batch';

import { sendDeliveryReport } from './sendDelivery';
import { sendSeenReport } from './sendSeen';

export const report = defineResource(
	'report',
	{ sendDelivery: withBatching(sendDeliveryReport), sendSeen: withBatching(sendSeenReport) },
	{ name: 'Report', default: 'sendDelivery' },
);
