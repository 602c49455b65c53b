import { defineResource } from '../../../shared/resource';

import { pushCustomerData } from './pushCustomerData';
import { pushCustomerEvent } from './pushCustomerEvent';

export const analytics = defineResource('analytics', { pushCustomerData, pushCustomerEvent }, { name: 'Analytics', default: 'pushCustomerData' });
