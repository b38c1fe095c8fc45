import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...ENQUIRY_FIELDS] as const;

export const enquiryMissed = defineHookTrigger({
  key: 'enquiry_missed',
  noun: 'Enquiry',
  label: 'Missed Enquiry',
  description: 'Triggers when an enquiry is missed in CINNOX.',
  group: 'enquiry',
  status: EVENT_STATUS.enquiryMissed,
  outputFields,
  sample: {
    id: '64a1f0c2e4b0a1b2c3d4e5f6:Missed:2024-05-31T08:15:00.000Z',
    status: 'Missed',
    enquiryID: '64a1f0c2e4b0a1b2c3d4e5f6',
    displayCaseNumber: 'EQ-000123',
    type: 'Broadcast Call',
    channel: 'WHATSAPP',
    date: '2024-05-31T08:15:00.000Z',
    destination: 'dest-5e6f7a',
    destinationTypes: 'PSTN',
    serviceId: 'svc-1a2b3c',
  },
});
