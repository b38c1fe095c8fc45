import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_FIELDS, contactEventSample, defineHookTrigger } from '../hooks';

/** A deleted contact can no longer be read: the item carries what the event carries, no details. */
const outputFields = [...CONTACT_EVENT_FIELDS] as const;

export const contactDeleted = defineHookTrigger({
  key: 'contact_deleted',
  noun: 'External Contact',
  label: 'External Contact Deleted',
  description: 'Triggers when an external contact is deleted in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactDeleted,
  outputFields,
  sample: contactEventSample(EVENT_STATUS.contactDeleted),
});
