import { EVENT_STATUS } from '../cinnox/contract';
import { ENQUIRY_CLOSED_FIELDS, ENQUIRY_CLOSED_SAMPLE, ENQUIRY_TRIGGER, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...ENQUIRY_TRIGGER,
  key: 'enquiry_closed',
  label: 'Enquiry Closed',
  description:
    'Triggers when an enquiry is closed in CINNOX, with its conversation as a plain-text transcript and as a text file, read from CINNOX only when a later step of the Zap uses them.',
  status: EVENT_STATUS.enquiryClosed,
  outputFields: ENQUIRY_CLOSED_FIELDS,
  sample: ENQUIRY_CLOSED_SAMPLE,
});
