/**
 * New or Updated Enquiry: a scheduled trigger on CINNOX's Enquiry Details (docs/cinnox-api.md §2.1, A6's window,
 * A30), with filters for status and channel, applied by the app. Each item is one enquiry in one status, with Find
 * Enquiry's keys (src/records/enquiry.ts) and the enquiry triggers' Enquiry Record ID; its id is the record id and
 * the status, so an enquiry starts a Zap once for each status it reaches.
 */
import {
  ENQUIRY_CHANNEL_SPELLINGS,
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_STATUSES,
  REPORT_WINDOW_DAYS,
  type EnquiryChannel,
  type EnquiryRecord,
} from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText, valueWord as word } from '../cinnox/values';
import type { Example } from '../examples';
import { fingerprint } from '../hooks/payload';
import { input } from '../input/schema';
import { choice } from '../input/choices';
import {
  ENQUIRY_OUTPUT_FIELDS,
  ENQUIRY_SAMPLE,
  enquiryIdOf,
  toEnquiryResult,
  type EnquiryResult,
} from '../records/enquiry';
import { defineReportTrigger } from '../reports/scheduled';

const STATUS_CHOICES: Record<(typeof ENQUIRY_STATUSES)[number], string> = {
  open: 'Open (waiting in the queue)',
  ongoing: 'Ongoing (a staff member is on it)',
  'followed-up': 'Followed-up (a missed enquiry revisited)',
  missed: 'Missed',
  closed: 'Closed',
};
/** Each channel once, as the CINNOX Zapier guide names it; a choice matches every spelling CINNOX documents for it. */
const CHANNEL_CHOICES: Record<EnquiryChannel, string> = {
  Directory: 'Directory (tag or staff directory)',
  Weblink: 'Web Link',
  Campaign: 'Campaign',
  VirtualNumber: 'Virtual Number (calls)',
  Email: 'Email',
  ThirdParty: 'Third Party Channel',
  FACEBOOK: 'Facebook Messenger',
  WHATSAPP: 'WhatsApp',
  WECHAT: 'WeChat',
  LINE: 'LINE',
  WOZTELL: 'WOZTELL',
  INSTAGRAM: 'Instagram',
  CHATBOT: 'Chatbot',
  CINNOX: 'CINNOX (as enquiry events name channels CINNOX runs itself)',
};

/** The record's channel is `channel` in one of its documented spellings. */
const isChannel = (record: EnquiryRecord, channel: EnquiryChannel): boolean =>
  ENQUIRY_CHANNEL_SPELLINGS[channel].some((spelling) => word(spelling) === word(record.channel));
const knownStatus = (record: EnquiryRecord): boolean => ENQUIRY_STATUSES.some((s) => word(s) === word(record.status));
const knownChannel = (record: EnquiryRecord): boolean =>
  (Object.keys(ENQUIRY_CHANNEL_SPELLINGS) as EnquiryChannel[]).some((c) => isChannel(record, c));

const ENQUIRY_REPORT_INPUT = input({
  statuses: choice(
    {
      label: 'Status',
      helpText: 'Only enquiries that reach these statuses. Leave empty for every status: each one starts the Zap.',
      list: true,
    },
    STATUS_CHOICES,
  ),
  channels: choice(
    { label: 'Channel', helpText: 'Only enquiries that came in on these channels. Leave empty for all.', list: true },
    CHANNEL_CHOICES,
  ),
});

/**
 * The record id (A18) and the status: one item per status an enquiry reaches; after a reopening, the time it was
 * reopened too, so an enquiry closed again starts the Zap again.
 */
const itemId = (record: EnquiryRecord): string =>
  [enquiryIdOf(record) || fingerprint(record), asText(record.status), isoDateTime(record.reopenedAt) ?? '']
    .filter(Boolean)
    .join(':');

/** Find Enquiry's sample as an item: its id, record id, status and case number first (what the Zap editor shows first). */
const ENQUIRY_REPORT_SAMPLE: EnquiryResult & { enquiryID: string } = Object.assign(
  {
    id: '',
    enquiryID: asText(ENQUIRY_SAMPLE._id),
    status: ENQUIRY_SAMPLE.status,
    displayCaseNumber: ENQUIRY_SAMPLE.displayCaseNumber,
  },
  ENQUIRY_SAMPLE,
  { id: `${asText(ENQUIRY_SAMPLE._id)}:${asText(ENQUIRY_SAMPLE.status)}` },
);

export default defineReportTrigger({
  key: 'new_or_updated_enquiry',
  noun: 'Enquiry',
  label: 'New or Updated Enquiry',
  description:
    "Triggers when an enquiry appears in CINNOX's Enquiry Details or reaches another status there (open, ongoing, followed-up, missed, closed): every enquiry, or only those of some statuses or channels.",
  instant: 'Enquiry Status Changed (or New Incoming, Handling, Closed or Missed Enquiry)',
  report: 'Enquiry Details',
  path: ENQUIRY_DETAIL_PATH,
  days: REPORT_WINDOW_DAYS,
  input: ENQUIRY_REPORT_INPUT,
  idOf: (record: EnquiryRecord) => itemId(record),
  listedAt: (record) => isoDateTime(record.createdAt ?? record.createdAT) ?? '',
  changedAt: (record) => isoDateTime(record.updatedAt) ?? isoDateTime(record.createdAt ?? record.createdAT) ?? '',
  passes: (record, { statuses, channels }) =>
    (!statuses?.length || statuses.some((s) => word(s) === word(record.status))) &&
    (!channels?.length || channels.some((c) => isChannel(record, c))),
  unknown: {
    statuses: (record) => (knownStatus(record) ? '' : asText(record.status)),
    channels: (record) => (knownChannel(record) ? '' : asText(record.channel)),
  },
  // The Enquiry Record ID first after the id, as in the sample (what the Zap editor shows first).
  item: (record) => {
    const result = toEnquiryResult(record);
    return Object.assign({ enquiryID: asText(result._id) }, result);
  },
  outputFields: [
    { key: 'id', label: 'ID (record ID and status)' },
    { key: 'enquiryID', label: 'Enquiry Record ID' },
    ...ENQUIRY_OUTPUT_FIELDS.filter((f) => f.key !== 'id'),
  ],
  sample: ENQUIRY_REPORT_SAMPLE,
});

/** A Zap builder's input (src/examples.ts): the closed enquiries (the sandbox has one). */
export const example: Example = { inputData: { statuses: ['closed'] }, onAccount: () => ({}) };
