/**
 * New or Updated SMS: a scheduled trigger on CINNOX's SMS Details (docs/cinnox-api.md §2.3, A6's window, A30), with
 * filters for the kind of SMS (inbound, outbound, OTP: its `usage`, A22) and its status, applied by the app. Each
 * item is one SMS in one status (src/records/sms.ts); its id is the SMS record id and the status, so an SMS starts
 * a Zap once for each status it reaches (Submitted, then Delivered).
 */
import {
  REPORT_WINDOW_DAYS,
  SMS_CARRIER_STATUSES,
  SMS_DETAIL_PATH,
  SMS_STATUSES,
  type SmsDetailRecord,
} from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText, valueWord as word } from '../cinnox/values';
import type { Example } from '../examples';
import { fingerprint } from '../hooks/payload';
import { input } from '../input/schema';
import { choice, choicesOf } from '../input/choices';
import { SMS, smsIdOf, smsKindOf, smsStatusOf } from '../records/sms';
import { defineReportTrigger } from '../reports/scheduled';

const KIND_CHOICES = {
  Inbound: 'Inbound (texts your CINNOX numbers received)',
  Outbound: 'Outbound (Send SMS, and SMS sent from CINNOX)',
  OTP: 'OTP (one-time passwords)',
};
/** Where an SMS stands (`smsStatusOf`): CINNOX's Submitted, the carrier's statuses, CINNOX's Rejected (§2.3). */
const STATUSES = [SMS_STATUSES[0], ...SMS_CARRIER_STATUSES, SMS_STATUSES[1]] as const;

const SMS_REPORT_INPUT = input({
  kinds: choice({ label: 'Kind', helpText: 'Only SMS of these kinds. Leave empty for all.', list: true }, KIND_CHOICES),
  statuses: choice(
    {
      label: 'Status',
      helpText:
        'Only SMS that reach these statuses, e.g. **Undelivered** and **Rejected** for a failed-SMS alert. Leave empty for every status: each one starts the Zap.',
      list: true,
    },
    choicesOf(STATUSES),
  ),
});

/** The SMS record id and its status: one item per status an SMS reaches. */
const itemId = (record: SmsDetailRecord): string => `${smsIdOf(record) || fingerprint(record)}:${smsStatusOf(record)}`;

export default defineReportTrigger({
  key: 'new_or_updated_sms',
  noun: 'SMS',
  label: 'New or Updated SMS',
  description:
    "Triggers when an SMS appears in CINNOX's SMS Details or reaches another status there (submitted, queued, delivered, undelivered, rejected): every SMS, or only inbound, outbound or OTP ones of some statuses.",
  instant: 'New Inbound SMS or SMS Delivery Receipt',
  report: 'SMS Details',
  path: SMS_DETAIL_PATH,
  days: REPORT_WINDOW_DAYS,
  input: SMS_REPORT_INPUT,
  idOf: (record: SmsDetailRecord) => itemId(record),
  listedAt: (record) => isoDateTime(record.createdAt) ?? '',
  changedAt: (record) => isoDateTime(record.updatedAt) ?? isoDateTime(record.createdAt) ?? '',
  passes: (record, { kinds, statuses }) =>
    (!kinds?.length || kinds.includes(smsKindOf(record) as keyof typeof KIND_CHOICES)) &&
    (!statuses?.length || statuses.some((s) => word(s) === word(smsStatusOf(record)))),
  unknown: {
    kinds: (record) => (smsKindOf(record) ? '' : asText(record.usage)),
    statuses: (record) =>
      STATUSES.some((s) => word(s) === word(smsStatusOf(record))) ? '' : asText(smsStatusOf(record)),
  },
  item: (record) => SMS.map(record),
  outputFields: [{ key: 'id', label: 'ID (SMS record ID and status)' }, ...SMS.outputFields],
  sample: { id: `${SMS.sample.smsId}:${SMS.sample.status}`, ...SMS.sample },
});

/** A Zap builder's input (src/examples.ts): every SMS (the sandbox lists those the tour sent and received). */
export const example: Example = { inputData: {}, onAccount: () => ({}) };
