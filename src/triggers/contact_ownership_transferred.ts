import { EVENT_STATUS } from '../cinnox/contract';
import {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_FIELDS,
  OWNER_TRANSFER_FIELDS,
  contactEventSample,
  defineHookTrigger,
} from '../hooks';

const outputFields = [...CONTACT_EVENT_FIELDS, ...OWNER_TRANSFER_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

export const contactOwnershipTransferred = defineHookTrigger({
  key: 'contact_ownership_transferred',
  noun: 'External Contact',
  label: 'External Contact Ownership Transferred',
  description: 'Triggers when the ownership of an external contact is transferred to another staff member in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactTransferred,
  outputFields,
  sample: {
    ...contactEventSample(EVENT_STATUS.contactTransferred),
    fromOwnerID: '5e0f1a2b3c4d5e6f7a8b9c0f',
    toOwnerID: CONTACT_DETAILS_SAMPLE.ownerID ?? '',
    details: CONTACT_DETAILS_SAMPLE,
  },
});
