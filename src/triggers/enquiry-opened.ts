import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_TRIGGER, defineHookTrigger, enquiryEventSample } from '../hooks';

export default defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_opened',
  label: 'New Incoming Enquiry',
  description: 'Triggers when CINNOX receives a new incoming enquiry.',
  status: EVENT_STATUS.enquiryOpened,
  sample: enquiryEventSample(EVENT_STATUS.enquiryOpened, { type: 'Broadcast Chat', destinationTypes: 'STAFF' }),
});
