import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_DETAIL_FIELDS, CONTACT_TRIGGER, contactDetailSample, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_merged',
  label: 'External Contact Merged',
  description: 'Triggers when an external contact is merged with another contact in CINNOX.',
  status: EVENT_STATUS.contactMerged,
  outputFields: CONTACT_EVENT_DETAIL_FIELDS,
  sample: contactDetailSample(EVENT_STATUS.contactMerged),
});
