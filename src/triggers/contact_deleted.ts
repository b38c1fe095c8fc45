import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_EVENT_FIELDS, defineHookTrigger } from '../hooks';

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
  sample: {
    id: '5f3c2a1b9d8e7f6a5b4c3d2e:delete:2024-05-31T08:15:00.000Z',
    status: 'delete',
    name: 'Ann Lee',
    contactId: '5f3c2a1b9d8e7f6a5b4c3d2e',
    serviceId: 'svc-1a2b3c',
  },
});
