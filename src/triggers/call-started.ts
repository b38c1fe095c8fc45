import { EVENT_STATUS } from '../cinnox/contract';
import { CALL_STARTED_FIELDS, CALL_STARTED_SAMPLE, CALL_TRIGGER, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...CALL_TRIGGER,
  key: 'call_started',
  label: 'Call Started',
  description: 'Triggers when a call starts in CINNOX, with the caller and the staff members it rings.',
  status: EVENT_STATUS.callStarted,
  outputFields: CALL_STARTED_FIELDS,
  sample: CALL_STARTED_SAMPLE,
});
