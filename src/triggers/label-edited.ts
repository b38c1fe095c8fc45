import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_FIELDS, LABEL_TRIGGER, colouredLabelSample, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...LABEL_TRIGGER,
  key: 'label_edited',
  label: 'Label Edited',
  description: 'Triggers when a label is edited in CINNOX.',
  status: EVENT_STATUS.labelEdited,
  outputFields: LABEL_FIELDS,
  sample: colouredLabelSample(EVENT_STATUS.labelEdited),
});
