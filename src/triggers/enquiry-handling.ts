import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_TRIGGER, defineHookTrigger, enquiryEventSample } from '../hooks';

export default defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_handling',
  label: 'Enquiry Handled by Staff',
  description: 'Triggers when a staff member starts handling an enquiry in CINNOX.',
  status: EVENT_STATUS.enquiryHandling,
  sample: enquiryEventSample(EVENT_STATUS.enquiryHandling, { type: 'Broadcast Chat', destinationTypes: 'STAFF' }),
});
