import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...ENQUIRY_FIELDS] as const;

export const enquiryHandling = defineHookTrigger({
  key: 'enquiry_handling',
  noun: 'Enquiry',
  label: 'Enquiry Handled by Staff',
  description: 'Triggers when a staff member starts handling an enquiry in CINNOX.',
  group: 'enquiry',
  status: EVENT_STATUS.enquiryHandling,
  outputFields,
  sample: {
    id: '64a1f0c2e4b0a1b2c3d4e5f6:Handling:2024-05-31T08:15:00.000Z',
    status: 'Handling',
    enquiryID: '64a1f0c2e4b0a1b2c3d4e5f6',
    displayCaseNumber: 'EQ-000123',
    type: 'Broadcast Chat',
    channel: 'WHATSAPP',
    date: '2024-05-31T08:15:00.000Z',
    destination: 'dest-5e6f7a',
    destinationTypes: 'STAFF',
    serviceId: 'svc-1a2b3c',
  },
});
