import { EVENT_STATUS } from '../cinnox/contract';
import { CONTACT_DETAIL_FIELDS, CONTACT_DETAILS_SAMPLE, CONTACT_EVENT_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...CONTACT_EVENT_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

export const contactCreated = defineHookTrigger({
  key: 'contact_created',
  noun: 'External Contact',
  label: 'New External Contact',
  description: 'Triggers when an external contact is created in CINNOX.',
  group: 'contact',
  status: EVENT_STATUS.contactCreated,
  outputFields,
  sample: {
    id: '5f3c2a1b9d8e7f6a5b4c3d2e:create:2024-05-31T08:15:00.000Z',
    status: 'create',
    name: 'Ann Lee',
    contactId: '5f3c2a1b9d8e7f6a5b4c3d2e',
    serviceId: 'svc-1a2b3c',
    details: CONTACT_DETAILS_SAMPLE,
  },
});
