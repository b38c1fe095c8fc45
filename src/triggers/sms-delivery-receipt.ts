import { SMS_RECEIPT_TRIGGER, defineHookTrigger } from '../hooks';

/** Every receipt status (Submitted, Delivered, Undelivered, Rejected) triggers: no status filter. */
export default defineHookTrigger({
  ...SMS_RECEIPT_TRIGGER,
  key: 'sms_delivery_receipt',
  label: 'New SMS Delivery Receipt',
  description:
    'Triggers when CINNOX receives a delivery receipt (Submitted, Delivered, Undelivered or Rejected) for an SMS sent through CINNOX.',
  sample: {
    id: 'sms-8d7c6b5a:Delivered',
    transactionId: 'sms-8d7c6b5a',
    recipientNumber: '+85298765432',
    recipientCountry: 'HK',
    responseCode: '',
    status: 'Delivered',
    exception: '',
    serviceId: 'svc-1a2b3c',
  },
});
