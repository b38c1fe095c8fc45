import { EVENT_STATUS } from '../cinnox/contract';
import { RECORDING_SAMPLE, RECORDING_TRIGGER, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...RECORDING_TRIGGER,
  key: 'recording_ready',
  label: 'New Call Recording',
  description: 'Triggers when the recording of a call or conference is ready in CINNOX (not when it failed).',
  status: EVENT_STATUS.recordingSucceeded,
  sample: RECORDING_SAMPLE,
});
