import { EVENT_STATUS } from '../cinnox/contract';
import { STAFF_TRIGGER, defineHookTrigger, staffEventSample } from '../hooks';

export default defineHookTrigger({
  ...STAFF_TRIGGER,
  key: 'staff_deleted',
  label: 'Staff Member Deleted',
  description: 'Triggers when a staff member is deleted in CINNOX.',
  status: EVENT_STATUS.staffDeleted,
  sample: staffEventSample(EVENT_STATUS.staffDeleted),
});
