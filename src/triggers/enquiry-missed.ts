import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_TRIGGER, defineHookTrigger, enquiryEventSample } from '../hooks';

export default defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_missed',
  label: 'Missed Enquiry',
  description: 'Triggers when an enquiry is missed in CINNOX.',
  status: EVENT_STATUS.enquiryMissed,
  sample: enquiryEventSample(EVENT_STATUS.enquiryMissed, { type: 'Broadcast Call', destinationTypes: 'PSTN' }),
});
