import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_BASE_FIELDS, LABEL_COLOUR_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...LABEL_BASE_FIELDS, ...LABEL_COLOUR_FIELDS] as const;

export const labelCreated = defineHookTrigger({
  key: 'label_created',
  noun: 'Label',
  label: 'New Label',
  description: 'Triggers when a label is created in CINNOX.',
  group: 'label',
  status: EVENT_STATUS.labelCreated,
  outputFields,
  sample: {
    eventId: 'lbl-2b4d6f:create:2024-05-31T08:15:00.000Z',
    status: 'create',
    id: 'lbl-2b4d6f',
    name: 'VIP',
    colorCode: '#1E88E5',
    serviceId: 'svc-1a2b3c',
  },
});
