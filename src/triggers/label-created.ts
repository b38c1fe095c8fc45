import { EVENT_STATUS } from '../cinnox/contract';
import { LABEL_FIELDS, LABEL_TRIGGER, colouredLabelSample, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...LABEL_TRIGGER,
  key: 'label_created',
  label: 'New Label',
  description: 'Triggers when a label is created in CINNOX.',
  status: EVENT_STATUS.labelCreated,
  outputFields: LABEL_FIELDS,
  sample: colouredLabelSample(EVENT_STATUS.labelCreated),
});
