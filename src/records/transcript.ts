/**
 * Enquiry chat (docs/cinnox-api.md §2.2): the chat log records of one closed enquiry → the Get Enquiry
 * Transcript result: the messages as line items (time, from, type, text), oldest first, and one plain-text
 * transcript ("2026-11-22T08:15Z Ann Lee: Hello": ISO 8601 times in UTC, with the zone, so no reader or check takes
 * them for local times or bare dates) to paste into a ticket.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import { CHAT_SENDER_NAME_KEYS, type EnquiryChatRecord } from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

export type Transcript = {
  id: string;
  enquiry_id: string;
  message_count: number;
  transcript: string;
  messages: TranscriptMessage[];
};

/** §2.2 `content.msg.type`: 1 text, 2 file, 5 advanced. */
const MSG_TYPES: Record<string, string> = { '1': 'text', '2': 'file', '5': 'advanced' };

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A29: the sender's name where CINNOX gives one, else its EID. */
function senderOf(record: EnquiryChatRecord): string {
  const from = objectOf(record.content?.from);
  for (const where of [record as Record<string, unknown>, from]) {
    for (const key of CHAT_SENDER_NAME_KEYS) {
      const name = asText(where[key]);
      if (name) return name;
    }
  }
  return asText(record.fromEID) || asText(from.eid) || 'Unknown sender';
}

/** TYPE_TEXT → text; else the numeric `content.msg.type`; else the event type. */
function typeOf(record: EnquiryChatRecord): string {
  const contentType = asText(record.msgContentType)
    .replace(/^TYPE_/i, '')
    .toLowerCase();
  if (contentType) return contentType;
  const msgType = asText(record.content?.msg?.type);
  return (
    MSG_TYPES[msgType] ??
    (msgType ||
      asText(record.msgEventType)
        .replace(/^TYPE_/i, '')
        .toLowerCase())
  );
}

/** The text of a message: §2.2's `msgText`, else the content's text, else `[type]` (a file, an advanced message). */
const textOf = (record: EnquiryChatRecord, type: string): string =>
  asText(record.msgText) || asText(record.content?.msg?.text) || asText(record.content?.plainText) || `[${type}]`;

/** A chat message (§2.2) as one line item of the transcript: when, from whom, what kind, what it said. */
export const CHAT_MESSAGE = recordTable({
  time: {
    label: 'Time',
    value: (r: EnquiryChatRecord) => isoDateTime(r.createdAt) ?? isoDateTime(r.content?.ts),
    sample: '2026-11-22T08:15:02.000Z' as string | null,
    type: 'datetime',
  },
  from: { label: 'From', value: senderOf, sample: 'Dana Lam' },
  type: { label: 'Type', value: typeOf, sample: 'text' },
  text: {
    label: 'Text',
    value: (r: EnquiryChatRecord) => textOf(r, typeOf(r)),
    sample: 'Hello, my order has not arrived.',
  },
});
export type TranscriptMessage = OutputOf<typeof CHAT_MESSAGE.columns>;

export const toTranscriptMessage = (record: EnquiryChatRecord): TranscriptMessage => CHAT_MESSAGE.map(record);

/** "2026-11-22T08:15Z Ann Lee: text" (ISO 8601, UTC, to the minute); a message without a readable time has none. */
export const transcriptLine = (m: TranscriptMessage): string =>
  `${m.time ? `${m.time.slice(0, 16)}Z ` : ''}${m.from}: ${m.text}`;

export function toTranscript(enquiryId: string, records: EnquiryChatRecord[]): Transcript {
  const messages = records
    .map(toTranscriptMessage)
    .map((m, index) => ({ m, index }))
    // Oldest first; messages without a time keep their place after the timed ones.
    .sort((a, b) => (a.m.time ?? '\uffff').localeCompare(b.m.time ?? '\uffff') || a.index - b.index)
    .map(({ m }) => m);
  return {
    id: enquiryId,
    enquiry_id: enquiryId,
    message_count: messages.length,
    transcript: messages.map(transcriptLine).join('\n'),
    messages,
  };
}

export const TRANSCRIPT_SAMPLE: Transcript = {
  id: '100245',
  enquiry_id: '100245',
  message_count: 2,
  transcript:
    '2026-11-22T08:15Z Dana Lam: Hello, my order has not arrived.\n2026-11-22T08:16Z Ann Lee: Sorry to hear that: let me check.',
  messages: [
    CHAT_MESSAGE.sample,
    { time: '2026-11-22T08:16:40.000Z', from: 'Ann Lee', type: 'text', text: 'Sorry to hear that: let me check.' },
  ],
};

export const TRANSCRIPT_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'enquiry_id', label: 'Enquiry ID or Display Case Number' },
  { key: 'message_count', label: 'Number of Messages', type: 'integer' },
  { key: 'transcript', label: 'Transcript (plain text, times in UTC)' },
  ...CHAT_MESSAGE.outputFields.map((f) => ({ ...f, key: `messages[]${f.key}`, label: `Message ${f.label}` })),
];
