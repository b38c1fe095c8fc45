/**
 * The one CINNOX client: every CINNOX call in the app goes through `cinnoxRequest` (and so through
 * `z.request` and Zapier's logging), with the App Token added here and every answer read here (src/cinnox/errors.ts).
 */
import type { Bundle, HttpRequestOptionsWithUrl, HttpResponse, ZObject } from 'zapier-platform-core';
import { BaseUrlError, isDotSegment, normalizeBaseUrl, type CinnoxEndpoint } from './base-url';
import {
  CALL_LOG_CALL_ID_PARAM,
  CALL_LOG_PATH,
  CALL_LOG_WINDOW_DAYS,
  CHAT_LOG_OVER_LIMIT_CODE,
  CHAT_NOT_CLOSED_CODE,
  CONTACT_CREATE_PATH,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  DASHBOARD_ZAPIER_PATH,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_CHAT_ID_PARAM,
  ENQUIRY_CHAT_PATH,
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_RECORD_ID_KEYS,
  EVENT_HOOK_LIST_PATH,
  LABEL_LIST_PATH,
  LABEL_NAME_PARAM,
  LIST_ENVELOPE_KEYS,
  LIST_PAGE_MAX,
  MESSAGE_PUSH_PATH,
  REPORT_POLL_MAX_PAGES,
  REPORT_WINDOW_DAYS,
  SEND_OTP_PATH,
  SEND_SMS_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
  STAFF_NAME_PARAM,
  contactUpdatePath,
  enquiryLabelsPath,
  numberListPath,
  subscriptionPath,
  type CallLogRecord,
  type ContactBody,
  type ContactRecord,
  type ContactWriteResult,
  type EnquiryLabelsBody,
  type EnquiryLabelsResult,
  type EnquiryRecord,
  type EventHookRecord,
  type LabelRecord,
  type MessagePushBody,
  type MessagePushResult,
  type NumberRecord,
  type NumberType,
  type SendOtpBody,
  type SendSmsBody,
  type SendSmsRecipientResult,
  type SmsDetailRecord,
  type StaffRecord,
  type SubscriptionBody,
  type SubscriptionName,
  type SubscriptionResult,
} from './contract';
import {
  CINNOX_CODES,
  CinnoxError,
  cinnoxErrorCode,
  isCredentialRefusal,
  TIMEOUT_CODE,
  networkError,
  networkFailure,
  notConfirmedError,
  outOfTimeError,
  partialListError,
  toZapierError,
  unexpectedAnswerError,
  type RefusalLabels,
  type CinnoxErrorBody,
} from './errors';
import { quote, secretsOf } from './quote';
import { asText, numberOf } from './values';

type AuthData = Bundle['authData'];
/** What a CINNOX call needs of a bundle: the connection's credentials. */
export type AuthBundle = Pick<Bundle, 'authData'>;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = Record<string, string | number | undefined>;

export interface CinnoxCall {
  method: HttpMethod;
  path: string;
  params?: Params;
  body?: unknown;
  /** The operation's refusal labels: a refusal naming a CINNOX key names the Zapier field too. */
  fields?: RefusalLabels;
  /**
   * What the caller reads itself instead of an error: CINNOX codes it words on its own (the chat's "not closed"),
   * or `'any'` answer at all (the Event Hook List is advisory: the caller decides what stops a subscription).
   */
  accept?: readonly number[] | 'any';
  /** `'own'`: the caller checks a 2xx answer's `code` itself (message push: only 0 means sent). */
  successCode?: 'checked' | 'own';
  /** The connection test: a refused App Token or App ID is worded for a first connection. */
  connectionTest?: { appId: string };
  /** For a write: what to check in CINNOX before replaying when no answer came back (e.g. "the SMS report"). */
  check?: string;
}

/**
 * Zapier ends a call at 30 s, requests and code together. Every CINNOX request of one call (the pages of a read,
 * a hydrator's look-up, subscribe's reads and write) shares this budget, counted from the call's first request,
 * and each request may take only what is left of it: the step ends with a message that says what is known
 * before Zapier ends it with a generic one. CINNOX_CALL_BUDGET_MS overrides it (the tests use short budgets).
 */
export const CALL_BUDGET_MS = 25_000;
/** Below this, a request is not started: it could not get an answer in time. */
const MIN_REQUEST_MS = 250;
/** The pause before a read that got no answer is sent again (once). */
export const READ_RETRY_PAUSE_MS = 500;

const DEADLINE = Symbol('CINNOX call deadline');
/** The end of this call's budget: `z` is new for each call Zapier makes, so it carries the deadline. */
function deadlineOf(z: ZObject): number {
  const holder = z as ZObject & { [DEADLINE]?: number };
  const budget = Number(process.env.CINNOX_CALL_BUDGET_MS) || CALL_BUDGET_MS;
  holder[DEADLINE] ??= Date.now() + budget;
  return holder[DEADLINE];
}
/** The seconds of the budget, as messages state it. */
const budgetSeconds = (): number => Math.round((Number(process.env.CINNOX_CALL_BUDGET_MS) || CALL_BUDGET_MS) / 1000);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One HTTP request within the call's budget: its time-out is what is left. A read that got no answer (a time-out
 * or a reset) is sent once more after a short pause, if time is left; a write never is (it may have been carried
 * out). A request that got no answer becomes the error `networkError` makes of it.
 */
async function send(
  z: ZObject,
  options: HttpRequestOptionsWithUrl,
  request: { host: string; method: HttpMethod; check?: string },
): Promise<HttpResponse> {
  const deadline = deadlineOf(z);
  for (let attempt = 1; ; attempt += 1) {
    const left = deadline - Date.now();
    if (left < MIN_REQUEST_MS) throw outOfTimeError(budgetSeconds());
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), left);
    try {
      const response = await z.request({
        ...options,
        timeout: left,
        signal: abort.signal,
      } as HttpRequestOptionsWithUrl);
      return response;
    } catch (error) {
      const failure = networkFailure(error);
      const read = request.method === 'GET';
      const retry =
        read && attempt === 1 && failure?.outcome === 'noAnswer' && deadline - Date.now() > READ_RETRY_PAUSE_MS * 2;
      if (!retry) throw networkError(error, { ...request, seconds: budgetSeconds(), retried: attempt > 1 });
      z.console.log(`CINNOX: no answer to GET ${options.url} (${failure.kind}); sending it once more.`);
      await pause(READ_RETRY_PAUSE_MS);
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface CinnoxResponse<T> {
  status: number;
  data: T;
  content: string;
  retryAfter: string | null;
  /** CINNOX's error code in the answer (≥ 1,000,000), if any. */
  code: number | undefined;
  /** CINNOX's `message`, if any, as messages quote it (`quote`: without the App Token, a preview). */
  message: string;
}

/**
 * What an App Token can be in an Authorization header: printable characters (Latin-1, as HTTP carries them) without
 * spaces. Anything else (a line break, a control character, a space inside, a character beyond Latin-1) was not
 * copied whole, and node would refuse the header with a message that quotes it.
 */
const PLAIN_TOKEN = /^[\x21-\x7E\xA1-\xFF]+$/;

/**
 * The connection's App Token for the Authorization header, trimmed; an empty or malformed one is refused before any
 * request, without being quoted (it is a secret), saying to copy it again.
 */
export function appTokenOf(z: Pick<ZObject, 'errors'>, authData: AuthData): string {
  const token = String(authData.appToken ?? '').trim();
  if (PLAIN_TOKEN.test(token)) return token;
  const where = `the CINNOX Dashboard (${DASHBOARD_ZAPIER_PATH} > your Zapier account's More (...) > View)`;
  throw new z.errors.Error(
    token === ''
      ? `App Token is empty, so nothing was sent. Copy the App Token from ${where} and reconnect.`
      : `App Token contains a space, a line break or a character no App Token has (not shown here: it is a secret), so nothing was sent. Copy the App Token again from ${where} and reconnect.`,
    'InvalidAppToken',
    400,
  );
}

/**
 * No CINNOX answer nests deeper than this (its records are a few levels deep inside their envelope): a deeper
 * one is refused as it is read, so nothing that reads it (the list reader, the de-duplication keys, core's output
 * checks) recurses without a bound.
 */
export const ANSWER_MAX_DEPTH = 32;
/**
 * No answer lists more records than the app reads of any list (Get Number List: 20 requests of 500), whatever it
 * asked for (500 at most): a longer list is refused as it is read.
 */
export const ANSWER_MAX_RECORDS = 10_000;

/** True when the JSON `text` nests `[` / `{` deeper than `max` (strings skipped): one pass, no recursion. */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

/** What makes a parsed answer one the app cannot read, or undefined: nesting or a list past the bounds above. */
function unreadable(content: string, data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  if (nestsDeeper(content, ANSWER_MAX_DEPTH))
    return `JSON nested more than ${ANSWER_MAX_DEPTH} levels deep (no CINNOX answer is)`;
  const records = listRecords(data).length;
  if (records > ANSWER_MAX_RECORDS)
    return `a list of ${records.toLocaleString('en')} records (the app reads at most ${ANSWER_MAX_RECORDS.toLocaleString('en')} of any list)`;
  return undefined;
}

/** The connection's endpoint; a bad Base URL or App ID throws a user-facing error before any request. */
export function endpointOf(z: Pick<ZObject, 'errors'>, authData: AuthData): CinnoxEndpoint {
  try {
    return normalizeBaseUrl(authData.baseUrl, authData.appId);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new z.errors.Error(error.message, 'InvalidBaseUrl', 400);
    throw error;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parseContent(content: string): unknown {
  if (!content) return {};
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/**
 * The one CINNOX request: the URL from the connection's Base URL, the App Token in the headers of this request
 * only (so it never leaves the Base URL's origin), no redirect followed, and the answer read here: an error
 * (src/cinnox/errors.ts) unless `call` accepts it, a 2xx `code` that is not a success refused.
 */
export async function cinnoxRequest<T>(z: ZObject, bundle: AuthBundle, call: CinnoxCall): Promise<CinnoxResponse<T>> {
  const { apiRoot, host } = endpointOf(z, bundle.authData);
  const token = appTokenOf(z, bundle.authData);
  // Backstop: no path segment may collapse the URL out of /v1/api/apps/{App ID}/.
  if (call.path.split('/').some((segment) => segment !== '' && isDotSegment(decodeSegment(segment))))
    throw new z.errors.Error(
      `The request path ${call.path} would leave this App ID's part of the CINNOX API; nothing was sent.`,
      'InvalidInput',
      400,
    );
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  const url = `${apiRoot}${call.path}`;
  const options: HttpRequestOptionsWithUrl & { throwForThrottlingEarly: boolean } = {
    url,
    method: call.method,
    params,
    ...(call.body === undefined ? {} : { body: call.body as Record<string, unknown> }),
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    // Every answer is read below, 429 included (with CINNOX's code), not by core.
    skipThrowForStatus: true,
    throwForThrottlingEarly: false,
    // Never follow a redirect: the token and the body stay on the Base URL's origin (a 3xx is an error).
    redirect: 'manual',
  };
  const response = await send(z, options, { host, method: call.method, check: call.check });
  const secrets = secretsOf(bundle.authData);
  const data = parseContent(response.content) as T;
  const body = data && typeof data === 'object' && !Array.isArray(data) ? (data as CinnoxErrorBody) : undefined;
  const answer: CinnoxResponse<T> = {
    status: response.status,
    data,
    content: response.content,
    retryAfter: response.headers.get('retry-after'),
    code: cinnoxErrorCode(body),
    message: typeof body?.message === 'string' ? quote(body.message, secrets) : '',
  };
  /** The answer as the caller reads it, once it is one the app can read. */
  const read = (): CinnoxResponse<T> => {
    const problem = unreadable(response.content, data);
    if (problem) throw unexpectedAnswerError(response.status, problem, response.content, secrets);
    return answer;
  };
  if (call.accept === 'any' || (answer.code !== undefined && call.accept?.includes(answer.code))) return read();
  const error = toZapierError(
    z,
    { ...answer, location: response.headers.get('location') },
    { method: call.method, url, fields: call.fields, connectionTest: call.connectionTest, secrets },
  );
  if (error) throw error;
  read();
  const unconfirmed =
    call.successCode === 'own' ? undefined : notConfirmedError(call.method, response.status, data, secrets);
  if (unconfirmed) throw unconfirmed;
  return answer;
}

/** Records of a list response, whatever envelope CINNOX used (assumption A15). */
export function listRecords<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of LIST_ENVELOPE_KEYS) {
      const value = record[key];
      if (Array.isArray(value)) return value as T[];
      if (value && typeof value === 'object') {
        const nested = listRecords<T>(value);
        if (nested.length > 0) return nested;
      }
    }
  }
  return [];
}

/** A list read where "No records found" (6451011) means an empty list. */
async function list<T>(
  z: ZObject,
  bundle: AuthBundle,
  path: string,
  params: Params,
  fields?: RefusalLabels,
): Promise<T[]> {
  const answer = await cinnoxRequest<unknown>(z, bundle, {
    method: 'GET',
    path,
    params,
    fields,
    accept: [CINNOX_CODES.noRecords],
  });
  return answer.code === CINNOX_CODES.noRecords ? [] : listRecords<T>(answer.data);
}

/**
 * Page-size step: CINNOX's documented default `limit` is 50 and its maximum 500 (§3.4, §3.6). A page shorter
 * than asked whose length is a multiple of this may be a page cap below 500 rather than the list's end.
 */
export const LIST_PAGE_STEP = 50;

/**
 * How a paged read ended: at the list's end, on a page that added nothing new (offset ignored), at its bound, or
 * when the caller had enough.
 */
export type PagesEnd = 'complete' | 'repeat' | 'bound' | 'enough';
export interface Pages<T> {
  /** Every record read, each once (by `keyOf`). */
  records: T[];
  /** The new records of each request, in order. */
  chunks: T[][];
  end: PagesEnd;
  /** The offset of the request that ended the read on a repeat, or the next unread offset at the bound. */
  offset: number;
}

/**
 * Reads a list endpoint page by page (LIST_PAGE_MAX asked each time, at most `maxPages` requests). The rule:
 * - an empty page, or a page shorter than asked whose length is not a multiple of LIST_PAGE_STEP, ends the list
 *   (the common case: one request);
 * - a short page of a multiple of LIST_PAGE_STEP records may be a page cap, so the next page is read too;
 * - the next offset is the number of records received so far (never skips what a cap held back);
 * - a page that adds no record not seen before ends the read as `repeat` (CINNOX ignores offset);
 * - records are de-duplicated by `keyOf`;
 * - after `maxPages` requests without reaching the end, the read ends as `bound`; before that, as `enough` once
 *   `enough` says the records read so far are enough.
 */
export async function readPages<T>(
  z: ZObject,
  bundle: AuthBundle,
  path: string,
  params: Params,
  keyOf: (record: T) => string,
  maxPages: number,
  {
    fields,
    enough,
    advice,
  }: {
    fields?: RefusalLabels;
    enough?: (records: T[]) => boolean;
    /** What a read cut short by the time budget tells the Zap builder to do (partialListError's default: narrow the search). */
    advice?: string;
  } = {},
): Promise<Pages<T>> {
  const seen = new Set<string>();
  const records: T[] = [];
  const chunks: T[][] = [];
  let offset = 0;
  for (let request = 0; request < maxPages; request += 1) {
    const page = await list<T>(z, bundle, path, { ...params, offset, limit: LIST_PAGE_MAX }, fields).catch(
      (error: unknown) => {
        // Out of time part-way: say how far the read got, never return part of the list as if it were whole.
        if (request === 0 || !(error instanceof CinnoxError) || error.errorCode !== TIMEOUT_CODE) throw error;
        throw partialListError(request, records.length, error, advice);
      },
    );
    if (page.length === 0) return { records, chunks, end: 'complete', offset };
    const fresh = page.filter((record) => {
      const key = keyOf(record);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length === 0) return { records, chunks, end: 'repeat', offset };
    for (const record of fresh) records.push(record);
    chunks.push(fresh);
    if (page.length < LIST_PAGE_MAX && page.length % LIST_PAGE_STEP !== 0)
      return { records, chunks, end: 'complete', offset };
    offset += page.length;
    if (enough?.(records)) return { records, chunks, end: 'enough', offset };
  }
  return { records, chunks, end: 'bound', offset };
}

/** A record's identity for de-duplication: its id, else the whole record. */
const keyById = (record: { id?: unknown }): string =>
  record?.id !== undefined && record.id !== null && record.id !== ''
    ? `id:${String(record.id)}`
    : JSON.stringify(record);
/** An enquiry's identity for de-duplication: its record id (A18: `_id`, else `id`), else the whole record. */
const keyByEnquiryId = (record: EnquiryRecord): string => {
  const id = ENQUIRY_RECORD_ID_KEYS.map((key) => asText(record?.[key])).find(Boolean);
  return id ? `id:${id}` : JSON.stringify(record);
};
const keyByNumber = (record: NumberRecord): string => {
  const number = numberOf(record);
  return number ? `number:${number}` : JSON.stringify(record);
};

/**
 * One drop-down page (`page` from 0): the new records of the page-th request of a paged read from the start
 * (readPages), so a page cap below 500 skips no record and an ignored offset repeats none; [] past the end.
 * Page 0 is one request; page n re-reads the n pages before it (n + 1 requests, fewer when the list ends first).
 */
async function dropdownPage<T>(
  z: ZObject,
  bundle: AuthBundle,
  path: string,
  keyOf: (record: T) => string,
  page: number,
): Promise<T[]> {
  const pages = await readPages<T>(z, bundle, path, {}, keyOf, page + 1);
  return pages.chunks[page] ?? [];
}

/** At most this many requests of 500 when listing numbers (Get Number List): 10,000 numbers. */
export const NUMBER_LIST_MAX_PAGES = 20;
/** At most this many requests of 500 when reading Find External Contact's candidates: 5,000 candidates. */
export const CONTACT_SEARCH_MAX_PAGES = 10;
/** At most this many requests of 500 when reading Find Staff Member's candidates: 2,000 candidates. */
export const STAFF_SEARCH_MAX_PAGES = 4;
/** At most this many requests of 500 when reading Find Label's candidates: 5,000 candidates. */
export const LABEL_SEARCH_MAX_PAGES = 10;
/**
 * At most this many requests of 500 when reading Find Enquiry's candidates, or looking an Enquiry Record ID up in
 * the report window: 2,000 enquiries.
 */
export const ENQUIRY_SEARCH_MAX_PAGES = 4;

function reportWindow(now = new Date(), days: number = REPORT_WINDOW_DAYS): Params {
  const start = new Date(now.getTime() - days * 24 * 3600 * 1000);
  return { startAt: start.toISOString(), endAt: now.toISOString() };
}

export const cinnox = {
  /** The auth test: one cheap authenticated read; a refused credential is worded for a first connection. */
  testConnection: (z: ZObject, bundle: AuthBundle) =>
    cinnoxRequest<unknown>(z, bundle, {
      method: 'GET',
      path: STAFF_LIST_PATH,
      params: { offset: 0, limit: 1 },
      connectionTest: { appId: String(bundle.authData.appId ?? '').trim() },
    }),

  /** The first `limit` staff (Staff Created's Test Trigger). */
  listStaffPage: (z: ZObject, bundle: AuthBundle, offset: number, limit = LIST_PAGE_MAX) =>
    list<StaffRecord>(z, bundle, STAFF_LIST_PATH, { offset, limit }),
  /** The staff of one drop-down page (`page` from 0): `dropdownPage`. */
  staffDropdownPage: (z: ZObject, bundle: AuthBundle, page: number) =>
    dropdownPage<StaffRecord>(z, bundle, STAFF_LIST_PATH, keyById, page),

  listContacts: (z: ZObject, bundle: AuthBundle, params: { offset?: number; limit?: number } = {}) =>
    list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, { offset: params.offset ?? 0, limit: params.limit ?? 50 }),
  /** Find External Contact's candidates (A7): every page, bounded; the caller decides what an incomplete read means. */
  findContactsByName: (z: ZObject, bundle: AuthBundle, fullName: string, fields?: RefusalLabels) =>
    readPages<ContactRecord>(
      z,
      bundle,
      CONTACT_LIST_PATH,
      { [CONTACT_NAME_PARAM]: fullName },
      keyById,
      CONTACT_SEARCH_MAX_PAGES,
      { fields },
    ),
  /** One contact by id (A8): the record with that id, and how many records CINNOX listed (0 = no such contact). */
  getContact: async (
    z: ZObject,
    bundle: AuthBundle,
    id: string,
  ): Promise<{ record: ContactRecord | undefined; listed: number }> => {
    const found = await list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, {
      [CONTACT_ID_PARAM]: id,
      offset: 0,
      limit: 1,
    });
    return { record: found.find((c) => c?.id !== undefined && String(c.id) === id), listed: found.length };
  },
  createContact: async (z: ZObject, bundle: AuthBundle, body: ContactBody, fields: RefusalLabels) =>
    (
      await cinnoxRequest<ContactWriteResult>(z, bundle, {
        method: 'POST',
        path: CONTACT_CREATE_PATH,
        body,
        fields,
        check: 'the contact list in CINNOX (was the contact created?)',
      })
    ).data,
  updateContact: async (z: ZObject, bundle: AuthBundle, id: string, body: ContactBody, fields: RefusalLabels) => {
    return (
      await cinnoxRequest<ContactWriteResult>(z, bundle, {
        method: 'PUT',
        path: contactUpdatePath(id),
        body,
        fields,
        check: 'the contact in CINNOX (was it updated?)',
      })
    ).data;
  },

  listLabels: (z: ZObject, bundle: AuthBundle, limit = 50) =>
    list<LabelRecord>(z, bundle, LABEL_LIST_PATH, { offset: 0, limit }),

  /**
   * Find Enquiry's candidates (A5: filtered by `displayCaseNumber`) among the report window's (A6: Enquiry Details
   * refuses a read without one, 6451000 "Empty time range"): every page, bounded; the caller decides what an
   * incomplete read means.
   */
  findEnquiries: (z: ZObject, bundle: AuthBundle, displayCaseNumber: string, fields: RefusalLabels) =>
    readPages<EnquiryRecord>(
      z,
      bundle,
      ENQUIRY_DETAIL_PATH,
      { [ENQUIRY_CASE_NUMBER_PARAM]: displayCaseNumber, ...reportWindow() },
      keyByEnquiryId,
      ENQUIRY_SEARCH_MAX_PAGES,
      { fields },
    ),
  /**
   * The Enquiry Details record whose record id (A18: `_id`, else `id`) is `recordId`, among the report window's
   * (A6: the last REPORT_WINDOW_DAYS days, pages of LIST_PAGE_MAX until it is found, at most
   * ENQUIRY_SEARCH_MAX_PAGES), or undefined when every enquiry of the window was read and none has it. A read
   * that ended before the window's last enquiry without finding it is an error: never "no such enquiry".
   */
  findEnquiryByRecordId: async (z: ZObject, bundle: AuthBundle, recordId: string) => {
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
  },
  recentEnquiries: (z: ZObject, bundle: AuthBundle, limit = 3) =>
    list<EnquiryRecord>(z, bundle, ENQUIRY_DETAIL_PATH, { ...reportWindow(), offset: 0, limit }),
  recentSmsDetails: (z: ZObject, bundle: AuthBundle, limit = 3) =>
    list<SmsDetailRecord>(z, bundle, SMS_DETAIL_PATH, { ...reportWindow(), offset: 0, limit }),

  /** The numbers of one drop-down page (`page` from 0): `dropdownPage`. */
  listNumbersPage: (z: ZObject, bundle: AuthBundle, type: NumberType, page: number) =>
    dropdownPage<NumberRecord>(z, bundle, numberListPath(type), keyByNumber, page),
  /** Every number of one type (A4), each once; more than NUMBER_LIST_MAX_PAGES requests' worth is an error. */
  listAllNumbers: async (z: ZObject, bundle: AuthBundle, type: NumberType) => {
    const pages = await readPages<NumberRecord>(
      z,
      bundle,
      numberListPath(type),
      {},
      keyByNumber,
      NUMBER_LIST_MAX_PAGES,
    );
    if (pages.end === 'repeat')
      z.console.log(
        `CINNOX: ${numberListPath(type)} answered offset ${pages.offset} with numbers already read (it may ignore offset); listed ${pages.records.length} numbers.`,
      );
    if (pages.end === 'bound')
      throw new z.errors.Error(
        `Get Number List read ${pages.records.length.toLocaleString('en')} records (${NUMBER_LIST_MAX_PAGES} requests of ${LIST_PAGE_MAX}) without reaching the end of CINNOX's list, and stops there rather than return part of it. If your account has more numbers of this type than that, report this to the app's developers.`,
        'CinnoxTooManyRecords',
        400,
      );
    return pages.records;
  },

  sendSms: async (z: ZObject, bundle: AuthBundle, body: SendSmsBody, fields: RefusalLabels) => {
    const { data } = await cinnoxRequest<unknown>(z, bundle, {
      method: 'POST',
      path: SEND_SMS_PATH,
      body,
      fields,
      check: 'the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?)',
    });
    return { raw: data, recipients: listRecords<SendSmsRecipientResult>(data) };
  },
  pushMessage: async (z: ZObject, bundle: AuthBundle, body: MessagePushBody, fields: RefusalLabels) =>
    (
      await cinnoxRequest<MessagePushResult>(z, bundle, {
        method: 'POST',
        path: MESSAGE_PUSH_PATH,
        body,
        fields,
        check: 'the conversation in CINNOX (was the message posted?)',
        successCode: 'own',
      })
    ).data,

  setSubscription: async (z: ZObject, bundle: AuthBundle, name: SubscriptionName, enabled: boolean, url: string) =>
    (
      await cinnoxRequest<SubscriptionResult>(z, bundle, {
        method: 'PATCH',
        path: subscriptionPath(name),
        body: { enabled, url } satisfies SubscriptionBody,
        check: 'the subscription in CINNOX (turning the Zap off and on again sets it anew)',
      })
    ).data,

  /**
   * The current subscriptions (assumption A13), or `undefined` when the app cannot tell. The list is advisory:
   * only CINNOX's credential answers (`isCredentialRefusal`: 6452000 / 6452001, an HTTP 401) stop the caller;
   * anything else (404, 405, 6450001, a gateway's 403 without a CINNOX code, 5xx, rate limit, a body that is
   * not a list) means "cannot tell", and the subscription goes ahead.
   */
  listEventHooks: async (z: ZObject, bundle: AuthBundle): Promise<EventHookRecord[] | undefined> => {
    const response = await cinnoxRequest<unknown>(z, bundle, {
      method: 'GET',
      path: EVENT_HOOK_LIST_PATH,
      accept: 'any',
    });
    const { code } = response;
    if (isCredentialRefusal(response.status, code)) {
      const error = toZapierError(z, response, {
        method: 'GET',
        url: EVENT_HOOK_LIST_PATH,
        secrets: secretsOf(bundle.authData),
      });
      if (error) throw error;
    }
    const readable =
      response.status >= 200 &&
      response.status < 300 &&
      code === undefined &&
      typeof response.data === 'object' &&
      response.data !== null;
    if (!readable) {
      z.console.log(
        `CINNOX: the Event Hook List (${EVENT_HOOK_LIST_PATH}) could not be read (HTTP ${response.status}${code !== undefined ? `, code ${code}` : ''}); cannot tell whether another Zap holds the subscription.`,
      );
      return undefined;
    }
    return listRecords<EventHookRecord>(response.data);
  },

  /**
   * A scheduled trigger's read of one report (A30): the records of the last `days` days (A6, A24), in pages of
   * LIST_PAGE_MAX until `enough` of them are read, the report ends, or REPORT_POLL_MAX_PAGES requests.
   */
  pollReport: <T>(
    z: ZObject,
    bundle: AuthBundle,
    path: string,
    days: number,
    keyOf: (record: T) => string,
    enough: (records: T[]) => boolean,
  ) =>
    readPages<T>(z, bundle, path, reportWindow(new Date(), days), keyOf, REPORT_POLL_MAX_PAGES, {
      enough,
      // A poll cut short is repeated at the trigger's next check, which reads the report again from its newest.
      advice: 'Zapier checks again at the next poll; if it keeps happening, CINNOX is slow for a while.',
    }),

  // the call log (performList of the call triggers, the call-details hydrator).
  /** Recent calls (A24: the report window, newest first). */
  recentCalls: (z: ZObject, bundle: AuthBundle, limit = 3) =>
    list<CallLogRecord>(z, bundle, CALL_LOG_PATH, {
      ...reportWindow(new Date(), CALL_LOG_WINDOW_DAYS),
      offset: 0,
      limit,
    }),
  /**
   * The call log records of one call (A20: filtered by `callID`, within A24's report window: a report refuses a read
   * without one, 6451000 "Empty time range"); the caller keeps the one that is that call, and
   * treats an answer listing only other calls as CINNOX ignoring the filter.
   */
  findCall: (z: ZObject, bundle: AuthBundle, callId: string) =>
    list<CallLogRecord>(z, bundle, CALL_LOG_PATH, {
      [CALL_LOG_CALL_ID_PARAM]: callId,
      ...reportWindow(new Date(), CALL_LOG_WINDOW_DAYS),
      offset: 0,
      limit: 1,
    }),

  sendOtp: async (z: ZObject, bundle: AuthBundle, body: SendOtpBody, fields: RefusalLabels) =>
    (
      await cinnoxRequest<unknown>(z, bundle, {
        method: 'POST',
        path: SEND_OTP_PATH,
        body,
        fields,
        check: 'the SMS report in the CINNOX Dashboard (was the OTP SMS sent?)',
      })
    ).data,

  /** Labels (POST) or unlabels (DELETE) an enquiry (§3.6). */
  changeEnquiryLabels: async (
    z: ZObject,
    bundle: AuthBundle,
    method: 'POST' | 'DELETE',
    inquiryID: string,
    body: EnquiryLabelsBody,
    fields: RefusalLabels,
  ) =>
    (
      await cinnoxRequest<EnquiryLabelsResult>(z, bundle, {
        method,
        path: enquiryLabelsPath(inquiryID),
        body,
        fields,
        check: "the enquiry's labels in CINNOX",
      })
    ).data,

  /** The labels of one drop-down page (`page` from 0): `dropdownPage`. */
  labelDropdownPage: (z: ZObject, bundle: AuthBundle, page: number) =>
    dropdownPage<LabelRecord>(z, bundle, LABEL_LIST_PATH, keyById, page),
  /** Find Label's candidates: every page, bounded; the caller decides what an incomplete read means. */
  findLabelsByName: (z: ZObject, bundle: AuthBundle, name: string, fields: RefusalLabels) =>
    readPages<LabelRecord>(z, bundle, LABEL_LIST_PATH, { [LABEL_NAME_PARAM]: name }, keyById, LABEL_SEARCH_MAX_PAGES, {
      fields,
    }),

  /** Find Staff Member's candidates: every page, bounded; the caller decides what an incomplete read means. */
  findStaffByName: (z: ZObject, bundle: AuthBundle, fullName: string, fields: RefusalLabels) =>
    readPages<StaffRecord>(
      z,
      bundle,
      STAFF_LIST_PATH,
      { [STAFF_NAME_PARAM]: fullName },
      keyById,
      STAFF_SEARCH_MAX_PAGES,
      { fields },
    ),

  /**
   * The chat log of one closed enquiry. CINNOX's "not closed" (A28: 6451011), "over the limit" and "invalid
   * enquiryID" (6451000) answers are the caller's to word (`code`).
   */
  enquiryChat: (z: ZObject, bundle: AuthBundle, enquiryID: string, fields: RefusalLabels) =>
    cinnoxRequest<unknown>(z, bundle, {
      method: 'GET',
      path: ENQUIRY_CHAT_PATH,
      params: { [ENQUIRY_CHAT_ID_PARAM]: enquiryID },
      fields,
      accept: [CHAT_NOT_CLOSED_CODE, CHAT_LOG_OVER_LIMIT_CODE, CINNOX_CODES.badParameters],
    }),
};
