import { EVENT_STATUS } from '../cinnox/contract';
import { STAFF_TRIGGER, defineHookTrigger, staffEventSample } from '../hooks';

export default defineHookTrigger({
  ...STAFF_TRIGGER,
  key: 'staff_edited',
  label: 'Staff Member Edited',
  description: 'Triggers when a staff member is edited in CINNOX.',
  status: EVENT_STATUS.staffEdited,
  sample: staffEventSample(EVENT_STATUS.staffEdited),
});
