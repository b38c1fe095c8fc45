import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_BASE_FIELDS, LABEL_TRIGGER, defineHookTrigger, labelEventSample } from '../hooks';

/** A deleted label has no colour to show. */
export default defineHookTrigger({
  ...LABEL_TRIGGER,
  key: 'label_deleted',
  label: 'Label Deleted',
  description: 'Triggers when a label is deleted in CINNOX.',
  status: EVENT_STATUS.labelDeleted,
  outputFields: LABEL_BASE_FIELDS,
  sample: labelEventSample(EVENT_STATUS.labelDeleted),
});
