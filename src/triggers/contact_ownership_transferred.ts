import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_DETAIL_FIELDS, CONTACT_DETAILS_SAMPLE, CONTACT_EVENT_FIELDS, OWNER_TRANSFER_FIELDS, defineHookTrigger } from '../hooks';

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
    id: '5f3c2a1b9d8e7f6a5b4c3d2e:transfer:2024-05-31T08:15:00.000Z',
    status: 'transfer',
    name: 'Ann Lee',
    contactId: '5f3c2a1b9d8e7f6a5b4c3d2e',
    serviceId: 'svc-1a2b3c',
    fromOwnerID: 'staff-3c9d',
    toOwnerID: 'staff-7a1e',
    details: CONTACT_DETAILS_SAMPLE,
  },
});
