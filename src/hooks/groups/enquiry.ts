/**
 * The enquiry event group (`inquiry-event-sub`, docs/cinnox-api.md §2.5): opened, handled by staff,
 * closed, missed. Its normaliser, its recent records for performList (Enquiry Details, §2.1), its output
 * fields and samples, and the transcript hydrator.
 *
 * The transcript is loaded lazily, as call details are: a closed enquiry's item carries
 * `transcript: z.dehydrate(enquiryTranscript, {displayCaseNumber, enquiryID})`, which Zapier resolves (one chat
 * read, §2.2) only when a later step of the Zap uses it, and `transcriptFile: z.dehydrateFile(enquiryTranscriptFile,
 * …)`, the same transcript as a .txt file (src/records/transcript-file.ts). The two pointers are resolved apart;
 * they share one read through Zapier's cache when one follows the other (src/records/enquiry-chat.ts).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { list, reportWindow } from '../../cinnox/client';
import {
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_RECORD_ID_KEYS,
  ENQUIRY_RECORD_STATUSES,
  EVENT_STATUS,
  SUBSCRIPTIONS,
  type EnquiryRecord,
} from '../../cinnox/contract';
import { jittered } from '../../cinnox/errors';
import { asText } from '../../cinnox/values';
import { readEnquiryChat, type ChatRead, type ChatRefusal } from '../../records/enquiry-chat';
import { TRANSCRIPT_SAMPLE } from '../../records/transcript';
import { TRANSCRIPT_FILE_SAMPLE, stashTranscriptFile, type TranscriptFileHeader } from '../../records/transcript-file';
import { folded, pick } from '../payload';
import { LIST_SAMPLE_SIZE, SAMPLE, defineGroup, eventIdOf, isRecordId, isoDate, serviceIdOf, statusOf } from './shared';

// ---------------------------------------------------------------------------------------------
// The transcript: the hydrator
// ---------------------------------------------------------------------------------------------

/** A closed enquiry's transcript as its item carries it: Get Enquiry Transcript's text, or why there is none. */
export interface EnquiryTranscript {
  /** Get Enquiry Transcript's `transcript`: one line a message, oldest first, times in UTC. */
  text: string;
  /** Get Enquiry Transcript's `message_count`. */
  messageCount: number;
  /** Why there is no transcript, in plain words with CINNOX's code and reason; '' when it was read. */
  reason: string;
}

/**
 * Seconds Zapier waits before resolving the transcript again when CINNOX does not give the chat of an enquiry the
 * Closed event says is closed: CINNOX may still be closing it (A28).
 */
export const TRANSCRIPT_NOT_READY_RETRY_SECONDS = 60;

/** Why CINNOX gave no chat for the enquiry the hydrator asked for, when that is final. */
function noTranscriptReason(
  { id, unknownRecordId }: ChatRead,
  refusal: ChatRefusal & { kind: 'overLimit' | 'notAccepted' },
): string {
  switch (refusal.kind) {
    case 'overLimit':
      return `No transcript: the chat of enquiry ${id} is over CINNOX's chat-log limit, so CINNOX will not return it (${refusal.tag}). Read it in the CINNOX Dashboard.`;
    case 'notAccepted':
      return `No transcript: CINNOX does not accept "${id}" as an enquiry (${refusal.tag}).${unknownRecordId ? ' The event gave only its Enquiry Record ID, and no enquiry of the last 7 days has it.' : ''}`;
  }
}

/**
 * The hydrator (registered in the app's `hydrators`): the chat of the enquiry, when a later step asks. By its
 * display case number (one request); an event without one, by its record id (A18: looked up first, two requests).
 * The item is of a closed enquiry, so CINNOX's "not closed" (6451011, A28) means its chat is not ready yet: a
 * ThrottledError, so Zapier resolves it again later, never an empty transcript delivered as if final. CINNOX's final
 * refusals about this enquiry (over the limit, not accepted) are an empty transcript with its reason, so a Zap that
 * maps the transcript does not stop; every other error throws.
 */
export async function enquiryTranscript(
  z: ZObject,
  bundle: Bundle<{ displayCaseNumber?: string; enquiryID?: string }>,
): Promise<EnquiryTranscript> {
  const caseNumber = asText(bundle.inputData.displayCaseNumber);
  const recordId = asText(bundle.inputData.enquiryID);
  if (!caseNumber && !recordId)
    return {
      text: '',
      messageCount: 0,
      reason: 'No transcript: the event names no enquiry (no display case number, no Enquiry Record ID).',
    };
  // No step's field names the id: CINNOX's other refusals are worded without one.
  const read = caseNumber
    ? await readEnquiryChat(z, bundle, caseNumber, {}, { caseNumber: true })
    : await readEnquiryChat(z, bundle, recordId, {});
  if (!read.refusal) {
    const { transcript, message_count: messageCount } = read.transcript;
    // An empty Text says why, as every other transcript without text does (a call enquiry has no chat messages).
    const reason =
      messageCount === 0 ? `No transcript: CINNOX lists no message in the chat of enquiry ${read.id}.` : '';
    return { text: transcript, messageCount, reason };
  }
  const { refusal } = read;
  if (refusal.kind === 'notClosed') {
    const delay = jittered(TRANSCRIPT_NOT_READY_RETRY_SECONDS);
    throw new z.errors.ThrottledError(
      `The transcript of enquiry ${read.id} is not ready yet: CINNOX gives the chat of closed enquiries only and answered that this one is not closed (${refusal.tag}), although its event says it was closed. Zapier will retry in ${delay} seconds. If the enquiry was reopened since, its transcript comes once it is closed again.`,
      delay,
    );
  }
  return { text: '', messageCount: 0, reason: noTranscriptReason(read, { ...refusal, kind: refusal.kind }) };
}

/** What the Transcript File's pointer carries: the transcript's pointer's keys and the header's facts. */
type TranscriptFileInput = {
  displayCaseNumber?: string;
  enquiryID?: string;
  channel?: string;
  date?: string;
  /** Get Enquiry Transcript's own header (it knows other facts), instead of the event's. */
  header?: TranscriptFileHeader;
};

/**
 * The Transcript File hydrator (registered in the app's `hydrators`): enquiryTranscript's outcome, the same read
 * (from Zapier's cache when the Transcript was read just before), as a .txt file stashed with Zapier. An enquiry
 * CINNOX gives no chat for is a file that says why, so the step that attaches it does not fail.
 */
export async function enquiryTranscriptFile(z: ZObject, bundle: Bundle<TranscriptFileInput>): Promise<string> {
  const transcript = await enquiryTranscript(z, bundle);
  const { displayCaseNumber, enquiryID, channel, date, header } = bundle.inputData;
  return stashTranscriptFile(
    z,
    header ?? { displayCaseNumber, enquiryRecordId: enquiryID, channel, closedAt: date },
    transcript,
  );
}

// ---------------------------------------------------------------------------------------------
// The group
// ---------------------------------------------------------------------------------------------

/** How many recent enquiries performList reads to find LIST_SAMPLE_SIZE in the trigger's status. */
export const ENQUIRY_LIST_FETCH = 20;

/** The enquiry's record id (A18: `_id`, else `id`), '' when it has none. */
function recordIdOf(record: EnquiryRecord): string {
  for (const key of ENQUIRY_RECORD_ID_KEYS) {
    const id = asText(record[key]);
    if (id) return id;
  }
  return '';
}

/** An Enquiry Details record (§2.1) as the event of `status` it stands for. */
function asEvent(record: EnquiryRecord, status: string) {
  const initChannel = folded(record.initChannel);
  const medium = initChannel === 'call' ? 'Call' : initChannel === 'im' ? 'Chat' : '';
  return {
    status,
    // The event's `eid` is the enquiry's record id (A18), never its `inquiry` ID.
    enquiryID: recordIdOf(record),
    displayCaseNumber: record.displayCaseNumber,
    type: [asText(record.inquiryType), medium].filter(Boolean).join(' '),
    channel: record.channel,
    // §2.1 spells it createdAt; createdAT (sic) is read too.
    date: record.createdAt ?? record.createdAT,
    destination: record.destinationID,
    destinationTypes: record.destinationType,
    serviceId: record.svcID,
  };
}

export const enquiryGroup = defineGroup({
  subscription: SUBSCRIPTIONS.enquiry,
  events: 'enquiry events (opened, handled by staff, closed, missed)',
  normalize(event, ctx) {
    // The record id (A18): §2.5's `eid`, the CINNOX Zapier guide's `enquiryID`; never the `inquiry` ID.
    const enquiryID = asText(pick(event, 'enquiryID', 'eid'));
    const status = statusOf(event);
    // The Open API notification's `type` is the constant "inquiry" (§2.5), not the enquiry type.
    const rawType = asText(pick(event, 'type'));
    const type = rawType.toLowerCase() === 'inquiry' ? asText(pick(event, 'inquiryType', 'enquiryType')) : rawType;
    const date = isoDate(pick(event, 'date', 'createdAt'));
    const displayCaseNumber = asText(pick(event, 'displayCaseNumber'));
    const closed = folded(status) === folded(EVENT_STATUS.enquiryClosed);
    // The transcript is loaded by the ids that can be ones (a longer value names no enquiry).
    const pointer = {
      displayCaseNumber: isRecordId(displayCaseNumber) ? displayCaseNumber : '',
      enquiryID: isRecordId(enquiryID) ? enquiryID : '',
    };
    const channel = asText(pick(event, 'channel'));
    return {
      id: eventIdOf(event, enquiryID, status, date || ctx.receivedAt),
      status,
      enquiryID,
      displayCaseNumber,
      type,
      channel,
      date,
      destination: asText(pick(event, 'destination', 'destinationID')),
      destinationTypes: asText(pick(event, 'destinationTypes', 'destination Types', 'destinationType')),
      serviceId: serviceIdOf(event),
      // Only the triggers that declare `transcript` keep it (src/hooks/factory.ts).
      transcript:
        closed && (pointer.displayCaseNumber || pointer.enquiryID) ? ctx.z.dehydrate(enquiryTranscript, pointer) : '',
      transcriptFile:
        closed && (pointer.displayCaseNumber || pointer.enquiryID)
          ? ctx.z.dehydrateFile(enquiryTranscriptFile, { ...pointer, channel, date })
          : '',
    };
  },
  async recent(z, bundle, status) {
    // Only records whose own status is the trigger's (A19): "Missed Enquiry" never shows a closed enquiry.
    const wanted = ENQUIRY_RECORD_STATUSES[status] ?? [];
    // Enquiry Details is a report: read within its window (A6).
    const records = await list<EnquiryRecord>(z, bundle, ENQUIRY_DETAIL_PATH, {
      ...reportWindow(),
      offset: 0,
      limit: ENQUIRY_LIST_FETCH,
    });
    return records
      .filter((r) => wanted.includes(folded(r.status)))
      .slice(0, LIST_SAMPLE_SIZE)
      .map((r) => asEvent(r, status));
  },
});

/**
 * Enquiry triggers' output fields. `enquiryID`, the key of the CINNOX Zapier guide
 * (https://docs.cinnox.com/docs/zapier), is the enquiry's record id: the event's `eid` (A18), which Find
 * Enquiry shows as "Record ID (_id)", not its "Enquiry ID (inquiry)".
 */
export const ENQUIRY_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'enquiryID', label: 'Enquiry Record ID' },
  { key: 'displayCaseNumber', label: 'Display Case Number' },
  { key: 'type', label: 'Enquiry Type' },
  { key: 'channel', label: 'Channel' },
  { key: 'date', label: 'Date', type: 'datetime' },
  { key: 'destination', label: 'Destination ID' },
  { key: 'destinationTypes', label: 'Destination Types' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** Enquiry Closed and Enquiry Status Changed (when closed): the transcript, loaded when a later step uses it. */
const ENQUIRY_TRANSCRIPT_FIELDS = [
  { key: 'transcript', label: 'Transcript' },
  { key: 'transcript__text', label: 'Transcript: Text (plain text, times in UTC)' },
  { key: 'transcript__messageCount', label: 'Transcript: Number of Messages', type: 'integer' },
  { key: 'transcript__reason', label: 'Transcript: Why There Is None' },
  { key: 'transcriptFile', label: 'Transcript File (.txt)', type: 'file' },
] as const;

export const ENQUIRY_CLOSED_FIELDS = [...ENQUIRY_FIELDS, ...ENQUIRY_TRANSCRIPT_FIELDS] as const;

/** What the hydrator returns for the sample enquiry: Get Enquiry Transcript's sample text. */
const ENQUIRY_TRANSCRIPT_SAMPLE: EnquiryTranscript = {
  text: TRANSCRIPT_SAMPLE.transcript,
  messageCount: TRANSCRIPT_SAMPLE.message_count,
  reason: '',
};

/** What every enquiry trigger declares alike. */
export const ENQUIRY_TRIGGER = { noun: 'Enquiry', group: 'enquiry', outputFields: ENQUIRY_FIELDS } as const;

/** An enquiry trigger's sample: one enquiry, in `status`, of the given enquiry type and destination type. */
export function enquiryEventSample(
  status: string,
  { type, destinationTypes }: { type: string; destinationTypes: string },
) {
  const enquiryID = '64a1f0c2e4b0a1b2c3d4e5f6';
  return {
    id: `${enquiryID}:${status}:${SAMPLE.time}`,
    status,
    enquiryID,
    displayCaseNumber: 'EQ-000123',
    type,
    channel: 'WHATSAPP',
    date: SAMPLE.time,
    destination: 'dest-5e6f7a',
    destinationTypes,
    serviceId: SAMPLE.serviceId,
  };
}

/** Enquiry Closed's sample, and Enquiry Status Changed's: a closed enquiry, with its transcript. */
export const ENQUIRY_CLOSED_SAMPLE = {
  ...enquiryEventSample(EVENT_STATUS.enquiryClosed, { type: 'Direct Chat', destinationTypes: 'STAFF' }),
  transcript: ENQUIRY_TRANSCRIPT_SAMPLE,
  transcriptFile: TRANSCRIPT_FILE_SAMPLE,
};
