import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_FIELDS,
  contactEventSample,
  defineHookTrigger,
} from '../hooks';

const outputFields = [...CONTACT_EVENT_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

export const contactCreated = defineHookTrigger({
  key: 'contact_created',
  noun: 'External Contact',
  label: 'New External Contact',
  description: 'Triggers when an external contact is created in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactCreated,
  outputFields,
  sample: {
    ...contactEventSample(EVENT_STATUS.contactCreated),
    details: CONTACT_DETAILS_SAMPLE,
  },
});
