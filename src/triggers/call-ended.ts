import { EVENT_STATUS } from '../cinnox/contract';
import { CALL_ENDED_FIELDS, CALL_ENDED_SAMPLE, CALL_TRIGGER, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...CALL_TRIGGER,
  key: 'call_ended',
  label: 'Call Ended',
  description:
    "Triggers when a call ends in CINNOX. Its Call Details (caller, callee, direction, result, duration) come from CINNOX's call log, read only when a later step uses them.",
  status: EVENT_STATUS.callEnded,
  outputFields: CALL_ENDED_FIELDS,
  sample: CALL_ENDED_SAMPLE,
});
