import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...ENQUIRY_FIELDS] as const;

export const enquiryOpened = defineHookTrigger({
  key: 'enquiry_opened',
  noun: 'Enquiry',
  label: 'New Incoming Enquiry',
  description: 'Triggers when CINNOX receives a new incoming enquiry.',
  group: 'enquiry',
  status: EVENT_STATUS.enquiryOpened,
  outputFields,
  sample: {
    id: '64a1f0c2e4b0a1b2c3d4e5f6:Opened:2024-05-31T08:15:00.000Z',
    status: 'Opened',
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
