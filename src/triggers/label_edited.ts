import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_BASE_FIELDS, LABEL_COLOUR_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...LABEL_BASE_FIELDS, ...LABEL_COLOUR_FIELDS] as const;

export const labelEdited = defineHookTrigger({
  key: 'label_edited',
  noun: 'Label',
  label: 'Label Edited',
  description: 'Triggers when a label is edited in CINNOX.',
  group: 'label',
  status: EVENT_STATUS.labelEdited,
  outputFields,
  sample: {
    eventId: 'lbl-2b4d6f:update:2024-05-31T08:15:00.000Z',
    status: 'update',
    id: 'lbl-2b4d6f',
    name: 'VIP',
    colorCode: '#1E88E5',
    serviceId: 'svc-1a2b3c',
  },
});
