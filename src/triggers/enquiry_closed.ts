import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...ENQUIRY_FIELDS] as const;

export const enquiryClosed = defineHookTrigger({
  key: 'enquiry_closed',
  noun: 'Enquiry',
  label: 'Enquiry Closed',
  description: 'Triggers when an enquiry is closed in CINNOX.',
  group: 'enquiry',
  status: EVENT_STATUS.enquiryClosed,
  outputFields,
  sample: {
    id: '64a1f0c2e4b0a1b2c3d4e5f6:Closed:2024-05-31T08:15:00.000Z',
    status: 'Closed',
    enquiryID: '64a1f0c2e4b0a1b2c3d4e5f6',
    displayCaseNumber: 'EQ-000123',
    type: 'Direct Chat',
    channel: 'WHATSAPP',
    date: '2024-05-31T08:15:00.000Z',
    destination: 'dest-5e6f7a',
    destinationTypes: 'STAFF',
    serviceId: 'svc-1a2b3c',
  },
});
