import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_FIELDS, CONTACT_TRIGGER, contactEventSample, defineHookTrigger } from '../hooks';

/** A deleted contact can no longer be read: the item carries what the event carries, no details. */
export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_deleted',
  label: 'External Contact Deleted',
  description: 'Triggers when an external contact is deleted in CINNOX.',
  status: EVENT_STATUS.contactDeleted,
  outputFields: CONTACT_EVENT_FIELDS,
  sample: contactEventSample(EVENT_STATUS.contactDeleted),
});
