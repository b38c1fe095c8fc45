import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_FIELDS,
  contactEventSample,
  defineHookTrigger,
} from '../hooks';

const outputFields = [...CONTACT_EVENT_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

export const contactMerged = defineHookTrigger({
  key: 'contact_merged',
  noun: 'External Contact',
  label: 'External Contact Merged',
  description: 'Triggers when an external contact is merged with another contact in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactMerged,
  outputFields,
  sample: {
    ...contactEventSample(EVENT_STATUS.contactMerged),
    details: CONTACT_DETAILS_SAMPLE,
  },
});
