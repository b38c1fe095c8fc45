import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_TRIGGER, defineHookTrigger, enquiryEventSample } from '../hooks';

export const enquiryClosed = defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_closed',
  label: 'Enquiry Closed',
  description: 'Triggers when an enquiry is closed in CINNOX.',
  status: EVENT_STATUS.enquiryClosed,
  sample: enquiryEventSample(EVENT_STATUS.enquiryClosed, { type: 'Direct Chat', destinationTypes: 'STAFF' }),
});
