import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_DETAIL_FIELDS, CONTACT_TRIGGER, contactDetailSample, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_edited',
  label: 'External Contact Edited',
  description: 'Triggers when an external contact is edited in CINNOX.',
  status: EVENT_STATUS.contactEdited,
  outputFields: CONTACT_EVENT_DETAIL_FIELDS,
  sample: contactDetailSample(EVENT_STATUS.contactEdited),
});
