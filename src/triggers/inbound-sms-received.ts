import { INBOUND_SMS_SAMPLE, INBOUND_SMS_TRIGGER, defineHookTrigger } from '../hooks';

export default defineHookTrigger({
  ...INBOUND_SMS_TRIGGER,
  key: 'inbound_sms_received',
  label: 'New Inbound SMS',
  description:
    'Triggers when someone texts one of your CINNOX numbers: reply with Send SMS (From Number as the recipient) or log the text in your CRM.',
  sample: INBOUND_SMS_SAMPLE,
});
