/**
 * One read of an enquiry's chat (docs/cinnox-api.md §2.2), shared by Get Enquiry Transcript and the transcript
 * Enquiry Closed carries (src/hooks/groups/enquiry.ts): the same request, the same transcript. CINNOX's refusals
 * about this enquiry (not closed 6451011, over the chat-log limit 6451013, not accepted 6451000) come back as a
 * refusal, for each caller to word; every other error (auth, rate limit, network, time-out, an unconfirmed
 * answer) throws, as every request does.
 */
import type { ZObject } from 'zapier-platform-core';
import { cinnoxRequest, listRecords, readPages, reportWindow, type AuthBundle } from '../cinnox/client';
import {
  CHAT_LOG_OVER_LIMIT_CODE,
  CHAT_NOT_CLOSED_CODE,
  ENQUIRY_CHAT_ID_PARAM,
  ENQUIRY_CHAT_PATH,
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_RECORD_ID_KEYS,
  LIST_PAGE_MAX,
  REPORT_WINDOW_DAYS,
  type EnquiryChatRecord,
  type EnquiryRecord,
} from '../cinnox/contract';
import { CINNOX_CODES } from '../cinnox/errors';
import type { RefusalLabels } from '../cinnox/refusal-fields';
import { asText } from '../cinnox/values';
import { ENQUIRY_SEARCH_MAX_PAGES, keyByEnquiryId } from './enquiry';
import { toTranscript, type Transcript } from './transcript';

/**
 * An Enquiry Record ID as the enquiry triggers output it (A18: Enquiry Details' `_id`, 24 hexadecimal digits).
 * CINNOX's chat takes the `inquiry` ID or the display case number only (§2.2), so such an id is looked up first.
 */
export const RECORD_ID = /^[0-9a-f]{24}$/i;

/** Why CINNOX gives no chat for an enquiry: its answer's code, named. */
export type ChatRefusalKind = 'notClosed' | 'overLimit' | 'notAccepted';

const REFUSALS: ReadonlyMap<number, ChatRefusalKind> = new Map([
  [CHAT_NOT_CLOSED_CODE, 'notClosed'],
  [CHAT_LOG_OVER_LIMIT_CODE, 'overLimit'],
  [CINNOX_CODES.badParameters, 'notAccepted'],
]);

/** CINNOX's refusal to give an enquiry's chat: its kind, its code, and "CINNOX code 6451011: No records found". */
export interface ChatRefusal {
  kind: ChatRefusalKind;
  code: number;
  tag: string;
}

export type ChatRead = {
  /** The id the chat was asked for: the record's display case number (else `inquiry`) when looked up, else the id given. */
  id: string;
  /** True when the id given looked like an Enquiry Record ID and no enquiry of the last 7 days has it. */
  unknownRecordId: boolean;
} & ({ transcript: Transcript; refusal?: undefined } | { refusal: ChatRefusal; transcript?: undefined });

/**
 * How long Zapier's cache (z.cache) keeps a chat read, in seconds: long enough for the steps of one Zap run (the
 * Transcript and the Transcript File of one closed enquiry; Get Enquiry Transcript's file) to share one read.
 */
export const CHAT_CACHE_SECONDS = 120;
/** The cache belongs to the connection (Zapier's `auth` scope); the key names the account and the enquiry too. */
const CHAT_CACHE_SCOPE = ['auth'];

/** core 19 reads a scope on `z.cache.get` too; its types leave it out. */
type CacheGet = (key: string, scope?: string[]) => Promise<unknown>;

/** A chat read as Zapier's cache keeps it: only a transcript, never a refusal (an enquiry not closed yet closes). */
async function cachedChat(z: ZObject, bundle: AuthBundle, given: string, read: () => Promise<ChatRead>) {
  const { appId, baseUrl } = (bundle.authData ?? {}) as Record<string, unknown>;
  const key = `enquiry-chat:${z.hash('sha256', JSON.stringify([asText(baseUrl), asText(appId), given]))}`;
  try {
    const hit = (await (z.cache.get as CacheGet)(key, CHAT_CACHE_SCOPE)) as ChatRead | null;
    if (hit?.transcript) return hit;
  } catch {
    // No cache in this run (a local run without Zapier's RPC): read CINNOX.
  }
  const result = await read();
  if (result.transcript) {
    try {
      await z.cache.set(key, result, CHAT_CACHE_SECONDS, CHAT_CACHE_SCOPE);
    } catch {
      // Not cached (no cache here, or the chat is over the cache's size): a later step reads CINNOX again.
    }
  }
  return result;
}

/**
 * The chat of the enquiry `given` names (its `inquiry` ID or display case number; an Enquiry Record ID is looked up
 * first: one more request). `caseNumber: true` says `given` is a display case number: never looked up. A transcript
 * read in the last CHAT_CACHE_SECONDS on this connection comes from Zapier's cache, with no request.
 */
export function readEnquiryChat(
  z: ZObject,
  bundle: AuthBundle,
  given: string,
  fields: RefusalLabels,
  options: { caseNumber?: boolean } = {},
): Promise<ChatRead> {
  return cachedChat(z, bundle, given, () => readChat(z, bundle, given, fields, options));
}

/**
 * The Enquiry Details record whose record id (A18: `_id`, else `id`) is `recordId`, among the report window's
 * (A6: the last REPORT_WINDOW_DAYS days, pages of LIST_PAGE_MAX until it is found, at most
 * ENQUIRY_SEARCH_MAX_PAGES), or undefined when every enquiry of the window was read and none has it. A read
 * that ended before the window's last enquiry without finding it is an error: never "no such enquiry".
 */
async function findEnquiryByRecordId(z: ZObject, bundle: AuthBundle, recordId: string) {
  const isIt = (r: EnquiryRecord) => ENQUIRY_RECORD_ID_KEYS.some((key) => asText(r?.[key]) === recordId);
  const pages = await readPages<EnquiryRecord>(
    z,
    bundle,
    ENQUIRY_DETAIL_PATH,
    reportWindow(),
    keyByEnquiryId,
    ENQUIRY_SEARCH_MAX_PAGES,
    { enough: (records) => records.some(isIt) },
  );
  const record = pages.records.find(isIt);
  if (record || pages.end === 'complete') return record;
  throw new z.errors.Error(
    pages.end === 'bound'
      ? `The Enquiry Record ID "${recordId}" was looked up among CINNOX's enquiries of the last ${REPORT_WINDOW_DAYS} days: ${pages.records.length.toLocaleString('en')} read (${ENQUIRY_SEARCH_MAX_PAGES} requests of ${LIST_PAGE_MAX}) without finding it or reaching the end of the list, so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`
      : `The Enquiry Record ID "${recordId}" was looked up among CINNOX's enquiries of the last ${REPORT_WINDOW_DAYS} days, but CINNOX answered the request for enquiries ${pages.offset + 1} onwards with enquiries it had already sent (it may be ignoring offset), so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`,
    pages.end === 'bound' ? 'CinnoxTooManyCandidates' : 'CinnoxPagingIgnored',
    400,
  );
}

async function readChat(
  z: ZObject,
  bundle: AuthBundle,
  given: string,
  fields: RefusalLabels,
  { caseNumber = false }: { caseNumber?: boolean },
): Promise<ChatRead> {
  const lookUp = !caseNumber && RECORD_ID.test(given);
  const record = lookUp ? await findEnquiryByRecordId(z, bundle, given) : undefined;
  const id = (record && (asText(record.displayCaseNumber) || asText(record.inquiry))) || given;
  // CINNOX's "not closed" (A28: 6451011), "over the limit" and "invalid enquiryID" (6451000) are the caller's to word.
  const answer = await cinnoxRequest<unknown>(z, bundle, {
    method: 'GET',
    path: ENQUIRY_CHAT_PATH,
    params: { [ENQUIRY_CHAT_ID_PARAM]: id },
    fields,
    accept: [...REFUSALS.keys()],
  });
  const read = { id, unknownRecordId: lookUp && !record };
  const kind = answer.code === undefined ? undefined : REFUSALS.get(answer.code);
  if (kind && answer.code !== undefined) {
    const tag = `CINNOX code ${answer.code}${answer.message ? `: ${answer.message}` : ''}`;
    return { ...read, refusal: { kind, code: answer.code, tag } };
  }
  return { ...read, transcript: toTranscript(id, listRecords<EnquiryChatRecord>(answer.data)) };
}
