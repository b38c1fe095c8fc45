/**
 * The inbound SMS event group (`inbound-sms-event-sub`, docs/cinnox-api.md §1.9): a text received on one of
 * the account's numbers. The notification is flat (`id`, `eventDescription`, `senderNumber`, `recipientNumber`,
 * `receiveTime`, `contentType`, `content`); the Open API envelope is read too. Its normaliser, its recent
 * records for performList (SMS Details with `usage` inbound, A22), its output fields and sample.
 */
import { INBOUND_SMS_USAGE, SUBSCRIPTIONS } from '../../cinnox/contract';
import { asE164, asText } from '../../cinnox/values';
import { recentSmsDetails } from '../../records/sms';
import { folded, pick } from '../payload';
import { LIST_SAMPLE_SIZE, SAMPLE, defineGroup, eventIdOf, isRecordId, isoDate, serviceIdOf } from './shared';

/** How many recent SMS records performList reads to find LIST_SAMPLE_SIZE inbound ones. */
export const INBOUND_SMS_LIST_FETCH = 50;

export const inboundSmsGroup = defineGroup({
  subscription: SUBSCRIPTIONS.inboundSms,
  events: 'inbound SMS',
  normalize(event, ctx) {
    const smsId = asText(pick(event, 'id', 'smsID'));
    const receivedAt = isoDate(pick(event, 'receiveTime', 'createdAt'));
    return {
      // The SMS's record id is unique per message; without one, a fingerprint and the time.
      id: isRecordId(smsId) ? smsId : eventIdOf(event, '', 'inbound', receivedAt || ctx.receivedAt),
      smsId,
      senderNumber: asE164(pick(event, 'senderNumber', 'sender')),
      recipientNumber: asE164(pick(event, 'recipientNumber', 'recipient')),
      receivedAt,
      contentType: asText(pick(event, 'contentType')) || 'Text',
      content: asText(pick(event, 'content', 'text')),
      eventDescription: asText(pick(event, 'eventDescription')),
      serviceId: serviceIdOf(event),
    };
  },
  async recent(z, bundle) {
    // SMS Details lists every SMS of the window; the inbound ones carry usage "inbound" (A22).
    const records = await recentSmsDetails(z, bundle, INBOUND_SMS_LIST_FETCH);
    return records
      .filter((r) => folded(r.usage) === folded(INBOUND_SMS_USAGE))
      .slice(0, LIST_SAMPLE_SIZE)
      .map((r) => ({
        id: r.smsID ?? r.id,
        eventDescription: 'Inbound SMS',
        senderNumber: r.sender,
        recipientNumber: r.recipient,
        receiveTime: r.createdAt,
        contentType: 'Text',
        content: r.text,
      }));
  },
});

export const INBOUND_SMS_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'smsId', label: 'SMS Record ID' },
  { key: 'senderNumber', label: 'From Number (E.164)' },
  { key: 'recipientNumber', label: 'To Number (E.164, your CINNOX number)' },
  { key: 'receivedAt', label: 'Received At', type: 'datetime' },
  { key: 'contentType', label: 'Content Type' },
  { key: 'content', label: 'Text' },
  { key: 'eventDescription', label: 'Event Description' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

export const INBOUND_SMS_TRIGGER = {
  noun: 'Inbound SMS',
  group: 'inboundSms',
  outputFields: INBOUND_SMS_FIELDS,
} as const;

/** A customer texts back: the reply a Zap logs in a CRM or answers with Send SMS (From Number → Recipient). */
export const INBOUND_SMS_SAMPLE = {
  id: '6650b1e2f0a1b2c3d4e5f601',
  smsId: '6650b1e2f0a1b2c3d4e5f601',
  senderNumber: '+85298765432',
  recipientNumber: '+85230001234',
  receivedAt: SAMPLE.time,
  contentType: 'Text',
  content: 'YES, please call me back tomorrow morning.',
  eventDescription: 'Inbound SMS',
  serviceId: SAMPLE.serviceId,
};
