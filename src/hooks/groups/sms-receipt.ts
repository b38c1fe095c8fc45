/**
 * The SMS delivery receipt event group (`outbound-sms-event-sub`, docs/cinnox-api.md §1.10): every receipt
 * status (Submitted, Delivered, Undelivered, Rejected). Its normaliser, its recent records for performList
 * (SMS Details, §2.3) and its output fields.
 */
import { SUBSCRIPTIONS } from '../../cinnox/contract';
import { asE164, asText } from '../../cinnox/values';
import { recentSmsDetails } from '../../records/sms';
import { pick } from '../payload';
import { LIST_SAMPLE_SIZE, defineGroup, eventIdOf, isRecordId, serviceIdOf, statusOf } from './shared';

export const smsReceiptGroup = defineGroup({
  subscription: SUBSCRIPTIONS.sms,
  events: 'SMS delivery receipts',
  normalize(event, ctx) {
    // The CINNOX Zapier guide's keys first, then §1.10's PascalCase ones.
    const transactionId = asText(pick(event, 'transactionId', 'TransactionID', 'smsID'));
    const status = statusOf(event);
    return {
      // A message has one receipt per status (Submitted, then Delivered…): id + status is unique per receipt.
      id: isRecordId(transactionId) ? `${transactionId}:${status}` : eventIdOf(event, '', status, ctx.receivedAt),
      transactionId,
      recipientNumber: asE164(pick(event, 'recipientNumber', 'RecipientNumber', 'recipient')),
      recipientCountry: asText(pick(event, 'recipientCountry', 'RecipientCountry', 'recipientCountryCode')),
      responseCode: asText(pick(event, 'responseCode', 'ResponseCode')),
      status,
      exception: asText(pick(event, 'exception', 'Exception')),
      serviceId: serviceIdOf(event),
    };
  },
  async recent(z, bundle) {
    const records = await recentSmsDetails(z, bundle, LIST_SAMPLE_SIZE);
    return records.map((r) => ({
      transactionId: r.smsID ?? r.id,
      recipientNumber: r.recipient,
      recipientCountry: r.recipientCountryCode,
      status: r.carrierStatus || r.status,
    }));
  },
});

export const SMS_RECEIPT_FIELDS = [
  { key: 'id', label: 'Receipt ID' },
  { key: 'transactionId', label: 'Transaction ID' },
  { key: 'recipientNumber', label: 'Recipient Number' },
  { key: 'recipientCountry', label: 'Recipient Country' },
  { key: 'responseCode', label: 'Response Code' },
  { key: 'status', label: 'Status' },
  { key: 'exception', label: 'Exception' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** What every SMS receipt trigger declares alike. */
export const SMS_RECEIPT_TRIGGER = {
  noun: 'SMS Delivery Receipt',
  group: 'sms',
  outputFields: SMS_RECEIPT_FIELDS,
} as const;
