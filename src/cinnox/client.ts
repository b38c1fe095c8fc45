/**
 * The one CINNOX client, the transport: every CINNOX call in the app goes through `cinnoxRequest` (and so through
 * `z.request` and Zapier's logging), with the App Token added here and every answer read here (src/cinnox/errors.ts).
 * The readers of lists build on it: `list` (one page, "No records found" empty), `readPages` (every page, bounded,
 * de-duplicated), `dropdownPage` (one drop-down page). Each operation calls them with the contract's paths and
 * types (src/cinnox/contract.ts); what several operations share lives with its record (src/records/).
 */
import type { Bundle, HttpRequestOptionsWithUrl, HttpResponse, ZObject } from 'zapier-platform-core';
import { appTokenOf, endpointOf, isDotSegment } from './base-url';
import { LIST_ENVELOPE_KEYS, LIST_PAGE_MAX, REPORT_WINDOW_DAYS } from './contract';
import {
  CINNOX_CODES,
  CinnoxError,
  cinnoxErrorCode,
  notConfirmedError,
  toZapierError,
  unexpectedAnswerError,
  type CinnoxErrorBody,
} from './errors';
import { TIMEOUT_CODE, networkError, networkFailure, outOfTimeError, partialListError } from './no-answer';
import { quote, secretsOf } from './quote';
import type { RefusalLabels } from './refusal-fields';

/** What a CINNOX call needs of a bundle: the connection's credentials. */
export type AuthBundle = Pick<Bundle, 'authData'>;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Params = Record<string, string | number | undefined>;

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
export async function list<T>(
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
export const keyById = (record: { id?: unknown }): string =>
  record?.id !== undefined && record.id !== null && record.id !== ''
    ? `id:${String(record.id)}`
    : JSON.stringify(record);

/**
 * One drop-down page (`page` from 0): the new records of the page-th request of a paged read from the start
 * (readPages), so a page cap below 500 skips no record and an ignored offset repeats none; [] past the end.
 * Page 0 is one request; page n re-reads the n pages before it (n + 1 requests, fewer when the list ends first).
 */
export async function dropdownPage<T>(
  z: ZObject,
  bundle: AuthBundle,
  path: string,
  keyOf: (record: T) => string,
  page: number,
): Promise<T[]> {
  const pages = await readPages<T>(z, bundle, path, {}, keyOf, page + 1);
  return pages.chunks[page] ?? [];
}

/**
 * A report's time window (A6, A24): CINNOX's reports (Enquiry Details, SMS Details, the call log) refuse a read
 * without one (6451000 "Empty time range"): the last `days` days, ending now.
 */
export function reportWindow(days: number = REPORT_WINDOW_DAYS, now = new Date()): Params {
  const start = new Date(now.getTime() - days * 24 * 3600 * 1000);
  return { startAt: start.toISOString(), endAt: now.toISOString() };
}
