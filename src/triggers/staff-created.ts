import { EVENT_STATUS } from '../cinnox/contract';
import { STAFF_TRIGGER, defineHookTrigger, staffEventSample } from '../hooks';

export default defineHookTrigger({
  ...STAFF_TRIGGER,
  key: 'staff_created',
  label: 'New Staff Member',
  description: 'Triggers when a staff member is created in CINNOX.',
  status: EVENT_STATUS.staffCreated,
  sample: staffEventSample(EVENT_STATUS.staffCreated),
});
