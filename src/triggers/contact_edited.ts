import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_FIELDS,
  contactEventSample,
  defineHookTrigger,
} from '../hooks';

const outputFields = [...CONTACT_EVENT_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

export const contactEdited = defineHookTrigger({
  key: 'contact_edited',
  noun: 'External Contact',
  label: 'External Contact Edited',
  description: 'Triggers when an external contact is edited in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactEdited,
  outputFields,
  sample: {
    ...contactEventSample(EVENT_STATUS.contactEdited),
    details: CONTACT_DETAILS_SAMPLE,
  },
});
