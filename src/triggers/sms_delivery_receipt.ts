import { SMS_RECEIPT_FIELDS, defineHookTrigger } from '../hooks';

const outputFields = [...SMS_RECEIPT_FIELDS] as const;

/** Every receipt status (Submitted, Delivered, Undelivered, Rejected) triggers: no status filter. */
export const smsDeliveryReceipt = defineHookTrigger({
  key: 'sms_delivery_receipt',
  noun: 'SMS Delivery Receipt',
  label: 'New SMS Delivery Receipt',
  description:
    'Triggers when CINNOX receives a delivery receipt (Submitted, Delivered, Undelivered or Rejected) for an SMS sent through CINNOX.',
  group: 'sms',
  outputFields,
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
