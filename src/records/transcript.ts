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

export type TranscriptMessage = {
  time: string | null;
  from: string;
  type: string;
  text: string;
};
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

export function toTranscriptMessage(record: EnquiryChatRecord): TranscriptMessage {
  const type = typeOf(record);
  const text =
    asText(record.msgText) || asText(record.content?.msg?.text) || asText(record.content?.plainText) || `[${type}]`;
  return { time: isoDateTime(record.createdAt) ?? isoDateTime(record.content?.ts), from: senderOf(record), type, text };
}

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
    { time: '2026-11-22T08:15:02.000Z', from: 'Dana Lam', type: 'text', text: 'Hello, my order has not arrived.' },
    { time: '2026-11-22T08:16:40.000Z', from: 'Ann Lee', type: 'text', text: 'Sorry to hear that: let me check.' },
  ],
};

export const TRANSCRIPT_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'enquiry_id', label: 'Enquiry ID or Display Case Number' },
  { key: 'message_count', label: 'Number of Messages', type: 'integer' },
  { key: 'transcript', label: 'Transcript (plain text, times in UTC)' },
  { key: 'messages[]time', label: 'Message Time', type: 'datetime' },
  { key: 'messages[]from', label: 'Message From' },
  { key: 'messages[]type', label: 'Message Type' },
  { key: 'messages[]text', label: 'Message Text' },
];
