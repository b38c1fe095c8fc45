/**
 * Get Enquiry Transcript (docs/cinnox-api.md §2.2 Get Enquiry Chat Details): the chat of one closed enquiry, by
 * its `inquiry` ID or display case number, as line items, one plain-text transcript and that text as a .txt file. An enquiry that is not
 * closed (A28: 6451011), one CINNOX does not know (6451000) and a chat over CINNOX's chat-log limit (6451013)
 * each get a message that says so, and so does a chat without a message (never an empty transcript); a 2xx answer
 * with any other failing code is CinnoxNotConfirmed.
 */
import { defineSearch, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { ENQUIRY_CHAT_ID_PARAM, REPORT_WINDOW_DAYS } from '../cinnox/contract';
import { id, input, inputFieldsOf, labelOf, parseInput } from '../input/schema';
import { enquiryTranscriptFile } from '../hooks/groups/enquiry';
import { RECORD_ID, readEnquiryChat, type ChatRead } from '../records/enquiry-chat';
import { TRANSCRIPT_OUTPUT_FIELDS, TRANSCRIPT_SAMPLE, type Transcript } from '../records/transcript';
import {
  TRANSCRIPT_FILE_SAMPLE,
  TRANSCRIPT_FILE_IN_POINTER_MAX,
  transcriptFileName,
  transcriptFileText,
  transcriptTextFile,
  type TranscriptFileHeader,
} from '../records/transcript-file';
import type { Example } from '../examples';

const transcriptEnquiryId = id({
  label: 'Enquiry ID or Display Case Number',
  helpText:
    'The closed enquiry whose chat to get: map Display Case Number or Enquiry Record ID from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry. ' +
    'CINNOX gives the chat of closed enquiries only, one at a time.',
  required: true,
  hint: 'Map Display Case Number or Enquiry Record ID from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry.',
  cinnox: ENQUIRY_CHAT_ID_PARAM,
});

const GET_TRANSCRIPT_INPUT = input({ enquiry_id: transcriptEnquiryId });

/**
 * The transcript as a .txt file, from the chat this step read: a pointer Zapier resolves when a later step uses the
 * file (core 19 stashes files in hydrators only). The text rides in the pointer; a transcript too long for one is
 * read again by the Transcript File's hydrator (from Zapier's cache while it holds this read).
 */
function transcriptFileOf(z: ZObject, given: string, read: ChatRead & { transcript: Transcript }): string {
  const { transcript } = read;
  const times = transcript.messages.map((m) => m.time).filter(Boolean);
  const header: TranscriptFileHeader = {
    chatId: read.id,
    enquiryRecordId: given !== read.id && RECORD_ID.test(given) ? given : undefined,
    firstMessageAt: times[0],
    lastMessageAt: times.at(-1),
  };
  const body = { text: transcript.transcript, messageCount: transcript.message_count, reason: '' };
  const file = { name: transcriptFileName(header), text: transcriptFileText(header, body) };
  if (JSON.stringify(file).length <= TRANSCRIPT_FILE_IN_POINTER_MAX) return z.dehydrateFile(transcriptTextFile, file);
  return z.dehydrateFile(enquiryTranscriptFile, {
    ...(RECORD_ID.test(given) ? { enquiryID: given } : { displayCaseNumber: given }),
    header,
  });
}

const perform = (async (z, bundle) => {
  const input = parseInput(z, GET_TRANSCRIPT_INPUT, bundle.inputData);
  // An Enquiry Record ID (mapped from an enquiry trigger) becomes its display case number: one more request.
  const read = await readEnquiryChat(z, bundle, input.enquiry_id, GET_TRANSCRIPT_INPUT.refusalLabels);
  const notClosed = (said: string) =>
    new z.errors.Error(
      `CINNOX has no chat log for enquiry ${read.id}: it gives the chat of closed enquiries only, and this one is not closed (or has no chat) (${said}). ` +
        `Run this step once the enquiry is closed, e.g. in a Zap on Enquiry Closed, and check the ${labelOf(transcriptEnquiryId)}.`,
      'EnquiryNotClosed',
      400,
    );
  if (!read.refusal) {
    if (read.transcript.message_count > 0)
      return [{ ...read.transcript, transcript_file: transcriptFileOf(z, input.enquiry_id, read) }];
    // A chat without a message is no transcript: a later step would store an empty one as if it were the chat.
    throw notClosed('CINNOX answered with no messages');
  }
  const { id, refusal } = read;
  switch (refusal.kind) {
    case 'notClosed':
      throw notClosed(refusal.tag);
    case 'overLimit':
      throw new z.errors.Error(
        `CINNOX will not return the chat log of enquiry ${id}: it is over CINNOX's chat-log limit (${refusal.tag}). Read this enquiry's chat in the CINNOX Dashboard.`,
        'ChatLogOverLimit',
        400,
      );
    case 'notAccepted':
      throw new z.errors.Error(
        `CINNOX does not accept "${id}" as an enquiry (${refusal.tag}).${read.unknownRecordId ? ` It looks like an Enquiry Record ID, but no enquiry of the last ${REPORT_WINDOW_DAYS} days has it.` : ''} Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into ${labelOf(transcriptEnquiryId)}.`,
        'CinnoxInvalidParameters',
        400,
      );
  }
}) satisfies SearchPerform;

export default defineSearch({
  key: 'get_enquiry_transcript',
  noun: 'Enquiry Transcript',
  display: {
    label: 'Get Enquiry Transcript',
    description:
      'Gets the chat of a closed CINNOX enquiry: each message, the whole conversation as plain text ready to paste into a ticket, and as a .txt file to attach.',
  },
  operation: {
    inputFields: inputFieldsOf(GET_TRANSCRIPT_INPUT),
    perform,
    sample: { ...TRANSCRIPT_SAMPLE, transcript_file: TRANSCRIPT_FILE_SAMPLE },
    outputFields: [
      ...TRANSCRIPT_OUTPUT_FIELDS,
      { key: 'transcript_file', label: 'Transcript File (.txt)', type: 'file' },
    ],
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's closed enquiry.
  inputData: { enquiry_id: '1001' },
  onAccount: ({ env, listed }) => {
    const caseNumber =
      env.CINNOX_CHECK_CASE_NUMBER?.trim() ||
      listed('displayCaseNumber', (enquiry) => /^closed$/i.test(String(enquiry.status)));
    return caseNumber
      ? { enquiry_id: caseNumber }
      : {
          skip: 'no closed enquiry: CINNOX listed none in the last 7 days. Run with CINNOX_CHECK_CASE_NUMBER set to the case number of a closed enquiry.',
        };
  },
};
