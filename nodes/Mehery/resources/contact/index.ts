import { defineResource } from '../../../shared/resource';

import { setContactLanguage } from './setLanguage';

export const contact = defineResource('contact', { setLanguage: setContactLanguage }, { name: 'Contact', default: 'setLanguage' });
