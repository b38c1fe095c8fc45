import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_BASE_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...LABEL_BASE_FIELDS] as const;

export const labelDeleted = defineHookTrigger({
  key: 'label_deleted',
  noun: 'Label',
  label: 'Label Deleted',
  description: 'Triggers when a label is deleted in CINNOX.',
  group: 'label',
  status: EVENT_STATUS.labelDeleted,
  outputFields,
  sample: {
    eventId: 'lbl-2b4d6f:deleted:2024-05-31T08:15:00.000Z',
    status: 'deleted',
    id: 'lbl-2b4d6f',
    name: 'VIP',
    serviceId: 'svc-1a2b3c',
  },
});
