import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_DETAIL_FIELDS, CONTACT_TRIGGER, contactDetailSample, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_created',
  label: 'New External Contact',
  description: 'Triggers when an external contact is created in CINNOX.',
  status: EVENT_STATUS.contactCreated,
  outputFields: CONTACT_EVENT_DETAIL_FIELDS,
  sample: contactDetailSample(EVENT_STATUS.contactCreated),
});
