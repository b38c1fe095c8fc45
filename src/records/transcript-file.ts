/**
 * The transcript as a `.txt` file (Enquiry Closed, Enquiry Status Changed on Closed, Get Enquiry Transcript): a
 * header naming the enquiry (its case number, IDs, channel and times, as far as the step knows them), then the
 * Transcript field's text, one line a message; or, when CINNOX gives no chat, why (CINNOX's code and reason).
 * Named after the case number. Zapier holds files a step outputs: `z.stashFile` uploads the text, in a hydrator
 * only (core 19 refuses it in a trigger's or a search's perform), so each step outputs a `z.dehydrateFile` pointer.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { asText } from '../cinnox/values';

/** What the step knows of the enquiry; each line of the header is left out when its value is unknown. */
export interface TranscriptFileHeader {
  displayCaseNumber?: string;
  enquiryRecordId?: string;
  /** The ID the chat was read by (Get Enquiry Transcript): an `inquiry` ID or a display case number. */
  chatId?: string;
  channel?: string;
  /** When the enquiry closed (the Closed event's date). */
  closedAt?: string;
  /** The first and last messages' times (Get Enquiry Transcript, which has the messages). */
  firstMessageAt?: string | null;
  lastMessageAt?: string | null;
}

/** The transcript, or why there is none: the Transcript field's Text, Number of Messages and Why There Is None. */
export interface TranscriptFileBody {
  text: string;
  messageCount: number;
  reason: string;
}

export const TRANSCRIPT_FILE_TYPE = 'text/plain; charset=utf-8';

/** The file's text: the header, a blank line, then the transcript (or why there is none). */
export function transcriptFileText(header: TranscriptFileHeader, body: TranscriptFileBody): string {
  const lines: [string, string | null | undefined][] = [
    ['Display Case Number', header.displayCaseNumber],
    ['Enquiry Record ID', header.enquiryRecordId],
    ['Enquiry ID or Display Case Number', header.chatId],
    ['Channel', header.channel],
    ['Closed', header.closedAt],
    ['First message', header.firstMessageAt],
    ['Last message', header.lastMessageAt],
  ];
  return [
    'CINNOX enquiry transcript (times in UTC)',
    ...lines.filter(([, value]) => asText(value)).map(([label, value]) => `${label}: ${asText(value)}`),
    `Messages: ${body.messageCount}`,
    '',
    body.reason || body.text,
    '',
  ].join('\n');
}

/** "enquiry-EQ-000123.txt": the case number (else the ID the step has), kept to letters, digits, "-", "_" and ".". */
export function transcriptFileName(header: TranscriptFileHeader): string {
  const id = asText(header.displayCaseNumber || header.chatId || header.enquiryRecordId) || 'transcript';
  return `enquiry-${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100)}.txt`;
}

/** Uploads the file to Zapier (a hydrator only): its URL, which Zapier gives the step that uses the file. */
export async function stashTranscriptFile(
  z: ZObject,
  header: TranscriptFileHeader,
  body: TranscriptFileBody,
): Promise<string> {
  const text = transcriptFileText(header, body);
  return z.stashFile(text, Buffer.byteLength(text), transcriptFileName(header), TRANSCRIPT_FILE_TYPE);
}

/**
 * The hydrator of a file whose text the step already has (Get Enquiry Transcript): no request to CINNOX. The text
 * rides in the pointer, whose JSON core 19 refuses past 12,000 characters (TRANSCRIPT_FILE_IN_POINTER_MAX).
 */
export async function transcriptTextFile(
  z: ZObject,
  bundle: Bundle<{ name?: string; text?: string }>,
): Promise<string> {
  const text = typeof bundle.inputData.text === 'string' ? bundle.inputData.text : '';
  return z.stashFile(text, Buffer.byteLength(text), asText(bundle.inputData.name), TRANSCRIPT_FILE_TYPE);
}

/**
 * The longest file a pointer carries, as the pointer's JSON counts it (escapes included; the rest of the pointer
 * stays well within core's 12,000); a longer transcript's file is read again when used.
 */
export const TRANSCRIPT_FILE_IN_POINTER_MAX = 10_000;

/** A sample file URL: what Zapier's file store gives (the file's name comes with it). */
export const TRANSCRIPT_FILE_SAMPLE =
  'https://zapier-dev-files.s3.amazonaws.com/cli-platform/f75e2819-05e2-41d0-b70e-9f8272f9eebf';
