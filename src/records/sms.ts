/**
 * SMS: a CINNOX SMS Details record (docs/cinnox-api.md §2.3) → an SMS as New or Updated SMS shows it, with the keys
 * New Inbound SMS (smsId, senderNumber, recipientNumber, content) and the SMS receipt triggers (recipientNumber,
 * recipientCountry, status) give the same values under; and the read of recent SMS both SMS event groups list.
 */
import type { ZObject } from 'zapier-platform-core';
import { list, reportWindow, type AuthBundle } from '../cinnox/client';
import { SMS_DETAIL_PATH, SMS_USAGES, type SmsDetailRecord } from '../cinnox/contract';
import { asText, valueWord as word } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

/**
 * The first `limit` SMS of SMS Details' report window (A6), for the Test Trigger of the SMS event groups (New
 * Inbound SMS, the SMS receipts).
 */
export const recentSmsDetails = (z: ZObject, bundle: AuthBundle, limit: number) =>
  list<SmsDetailRecord>(z, bundle, SMS_DETAIL_PATH, { ...reportWindow(), offset: 0, limit });

/** The SMS's record id: §2.3's `smsID`, else `id`; '' when it has none. */
export const smsIdOf = (record: SmsDetailRecord): string => asText(record.smsID) || asText(record.id);

/** The kind of SMS from its `usage` (§2.3, A22): Inbound, Outbound or OTP; '' for a usage not documented. */
export function smsKindOf(record: SmsDetailRecord): 'Inbound' | 'Outbound' | 'OTP' | '' {
  const usage = word(record.usage);
  if (SMS_USAGES.inbound.some((u) => word(u) === usage)) return 'Inbound';
  if (SMS_USAGES.outbound.some((u) => word(u) === usage)) return 'Outbound';
  if (SMS_USAGES.otp.some((u) => word(u) === usage)) return 'OTP';
  return '';
}

/**
 * Where the SMS stands, in one word: Rejected when CINNOX refused it (`status`), else the carrier's answer
 * (`carrierStatus`: Queued, Delivered, Undelivered), else CINNOX's `status` (Submitted).
 */
export function smsStatusOf(record: SmsDetailRecord): string {
  const status = asText(record.status);
  if (word(status) === 'rejected') return status;
  return asText(record.carrierStatus) || status;
}

/** The SMS Details record (§2.3) as an SMS. */
export const SMS = recordTable({
  smsId: { label: 'SMS Record ID', value: smsIdOf, sample: '6650b1e2f0a1b2c3d4e5f601' },
  kind: { label: 'Kind (Inbound, Outbound or OTP)', value: smsKindOf, sample: 'Outbound' },
  usage: { label: 'Usage (CINNOX)', read: 'text', sample: 'openAPI-sms' },
  status: {
    label: 'Status (Submitted, Queued, Delivered, Undelivered or Rejected)',
    value: smsStatusOf,
    sample: 'Delivered',
  },
  sendStatus: { label: 'CINNOX Status', read: 'text', from: 'status', sample: 'Submitted' },
  carrierStatus: { label: 'Carrier Status', read: 'text', sample: 'Delivered' },
  senderNumber: { label: 'From Number (E.164)', read: 'e164', from: 'sender', sample: '+85230001234' },
  recipientNumber: { label: 'To Number (E.164)', read: 'e164', from: 'recipient', sample: '+85298765432' },
  recipientCountry: { label: 'Recipient Country', read: 'text', from: 'recipientCountryCode', sample: 'HK' },
  content: { label: 'Text', read: 'text', from: 'text', sample: 'Your order #1042 has shipped.' },
  segmentCount: { label: 'Parts (segments)', read: 'integerOrNull', sample: 1, type: 'integer' },
  senderStaffId: { label: 'Sender Staff ID', read: 'text', from: 'fromEID', sample: '5f0000000000000000000002' },
  recipientStaffId: { label: 'Recipient Staff ID', read: 'text', from: 'toEID', sample: '' },
  createdAt: {
    label: 'Created At',
    read: 'isoDate',
    sample: '2024-05-31T08:14:02.000Z',
    type: 'datetime',
  },
  updatedAt: {
    label: 'Updated At',
    read: 'isoDate',
    sample: '2024-05-31T08:15:00.000Z',
    type: 'datetime',
  },
});
export type Sms = OutputOf<typeof SMS.columns>;
