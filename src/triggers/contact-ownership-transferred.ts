import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_FIELDS,
  CONTACT_TRIGGER,
  OWNER_TRANSFER_FIELDS,
  contactDetailSample,
  defineHookTrigger,
} from '../hooks';

export default defineHookTrigger({
  ...CONTACT_TRIGGER,
  key: 'contact_ownership_transferred',
  label: 'External Contact Ownership Transferred',
  description: 'Triggers when the ownership of an external contact is transferred to another staff member in CINNOX.',
  status: EVENT_STATUS.contactTransferred,
  outputFields: [...CONTACT_EVENT_FIELDS, ...OWNER_TRANSFER_FIELDS, ...CONTACT_DETAIL_FIELDS],
  sample: {
    ...contactDetailSample(EVENT_STATUS.contactTransferred),
    fromOwnerID: '5e0f1a2b3c4d5e6f7a8b9c0f',
    toOwnerID: CONTACT_DETAILS_SAMPLE.ownerID ?? '',
  },
});
